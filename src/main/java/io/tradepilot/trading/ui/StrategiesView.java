package io.tradepilot.trading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.trading.StrategyControls;
import io.tradepilot.trading.StrategyStatus;
import io.tradepilot.trading.TradingAction;
import io.tradepilot.trading.TradingActions;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Value;

import java.util.Set;

/**
 * The configured strategies with today's trades, wins, net P&amp;L, working orders and gross exposure;
 * operators and admins get Activate/Deactivate per row (open exposure shown first, typed word, reason).
 * Element ids: {@code strategies-view}, {@code strategies-grid}, {@code strategies-refresh},
 * {@code activate-<id>}, {@code deactivate-<id>}, {@code strategies-error}.
 */
@Route("strategies")
@PageTitle("Strategies · Tradepilot")
@Menu(title = "Strategies", order = 3, icon = "vaadin:automation")
@PermitAll
class StrategiesView extends VerticalLayout {

    private final StrategyControls strategies;
    private final Set<TradingAction> permitted;
    private final String currency;
    final Grid<StrategyStatus> grid = new Grid<>();
    final Span error = new Span();

    StrategiesView(StrategyControls strategies, TradingActions actions,
                   @Value("${tradepilot.trading.currency:INR}") String currency) {
        this.strategies = strategies;
        this.currency = currency;
        this.permitted = actions.permittedActions();
        setId("strategies-view");
        setWidthFull();

        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("strategies-refresh");
        error.setId("strategies-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        grid.setId("strategies-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(StrategyStatus::id).setHeader("Id").setAutoWidth(true);
        grid.addColumn(StrategyStatus::name).setHeader("Strategy").setAutoWidth(true);
        grid.addColumn(s -> String.join(", ", s.symbols())).setHeader("Symbols").setAutoWidth(true);
        grid.addColumn(s -> s.enabled() ? "ACTIVE" : "INACTIVE").setHeader("State").setAutoWidth(true).setKey("state");
        grid.addColumn(s -> s.tradesToday() + " / " + s.winsToday()).setHeader("Trades / wins today").setAutoWidth(true);
        grid.addColumn(s -> Amounts.signedMoney(s.netPnlToday(), currency)).setHeader("Net P&L today").setAutoWidth(true);
        grid.addColumn(StrategyStatus::workingOrders).setHeader("Working orders").setAutoWidth(true);
        grid.addColumn(s -> Amounts.money(s.grossExposure(), currency)).setHeader("Gross exposure").setAutoWidth(true);
        boolean mayActivate = permitted.contains(TradingAction.ACTIVATE_STRATEGY);
        boolean mayDeactivate = permitted.contains(TradingAction.DEACTIVATE_STRATEGY);
        if (mayActivate || mayDeactivate) {
            grid.addComponentColumn(s -> switchButton(s, mayActivate, mayDeactivate)).setHeader("").setAutoWidth(true)
                    .setFlexGrow(0);
        }

        var header = new HorizontalLayout(new H2("Strategies"), refresh);
        header.setAlignItems(Alignment.CENTER);
        header.setWidthFull();
        header.expand(header.getComponentAt(0));
        add(header, error, grid);
        refresh();
    }

    private com.vaadin.flow.component.Component switchButton(StrategyStatus s, boolean mayActivate, boolean mayDeactivate) {
        boolean activate = !s.enabled();
        if (activate ? !mayActivate : !mayDeactivate) return new Span();
        Button b = new Button(activate ? "Activate" : "Deactivate", e -> new StrategyDialog(s, activate, currency,
                r -> Outcome.attempt(() -> r.activate()
                        ? strategies.activate(r.strategyId(), r.confirmation(), r.reason())
                        : strategies.deactivate(r.strategyId(), r.confirmation(), r.reason())),
                outcome -> {
                    Notices.done(outcome);
                    refresh();
                }).open());
        b.setId((activate ? "activate-" : "deactivate-") + s.id());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        if (!activate) b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return b;
    }

    /** Reads the strategies again. */
    void refresh() {
        try {
            grid.setItems(strategies.strategies());
            error.setVisible(false);
        } catch (RuntimeException unavailable) {
            error.setText("The strategies cannot be read right now (" + unavailable.getClass().getSimpleName() + ").");
            error.setVisible(true);
        }
    }
}
