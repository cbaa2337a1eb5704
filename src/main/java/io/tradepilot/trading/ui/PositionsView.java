package io.tradepilot.trading.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.trading.TradingAction;
import io.tradepilot.trading.TradingActions;
import io.tradepilot.trading.TradingQueries;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.annotation.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Open positions (symbol, quantity, average price, mark, unrealized and realized P&amp;L), pushed live.
 * Operators and admins get "Close" per row (all or part, with a reason); admins get "Flatten all". The
 * server authorizes every action again. Element ids: {@code positions-view}, {@code positions-grid},
 * {@code close-<SYMBOL>}, {@code flatten-all}, {@code positions-source}.
 */
@Route("positions")
@PageTitle("Positions · Tradepilot")
@Menu(title = "Positions", order = 1, icon = "vaadin:briefcase")
@PermitAll
class PositionsView extends VerticalLayout {

    private final TradingActions actions;
    private final Set<TradingAction> permitted;
    final Grid<TradingBoard.Row> grid = new Grid<>();
    final Button flatten = new Button("Flatten all");
    final Span source = new Span();
    private String currency;
    private TradingBoard shown;
    /** The grid's rows, one per symbol (the rows' identity): a refresh updates them in place. */
    private final List<TradingBoard.Row> rows = new ArrayList<>();

    PositionsView(TradingQueries queries, TradingActions actions, LiveFeed<TradingBoard> feed,
                  @Value("${tradepilot.trading.currency:INR}") String currency) {
        this.actions = actions;
        this.currency = currency;
        this.permitted = actions.permittedActions();
        setId("positions-view");
        setSizeFull();

        flatten.setId("flatten-all");
        flatten.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        flatten.setVisible(permitted.contains(TradingAction.FLATTEN_ALL));
        flatten.addClickListener(e -> new FlattenDialog(
                r -> Outcome.attempt(() -> actions.flattenAll(r.reason(), r.confirmation())), this::done).open());
        source.setId("positions-source");
        source.getStyle().set("color", "var(--lumo-secondary-text-color)");

        grid.setId("positions-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(rows).setIdentifierProvider(TradingBoard.Row::symbol);
        grid.addColumn(TradingBoard.Row::symbol).setHeader("Symbol").setAutoWidth(true).setKey("symbol");
        grid.addColumn(r -> Amounts.quantity(r.quantity())).setHeader("Qty").setAutoWidth(true).setKey("quantity");
        grid.addColumn(r -> Amounts.price(r.averagePrice())).setHeader("Avg price").setAutoWidth(true);
        grid.addColumn(r -> Amounts.price(r.mark())).setHeader("Mark").setAutoWidth(true);
        grid.addColumn(r -> Amounts.signedMoney(r.unrealizedPnl(), this.currency)).setHeader("Unrealized").setAutoWidth(true);
        grid.addColumn(r -> Amounts.signedMoney(r.realizedPnl(), this.currency)).setHeader("Realized").setAutoWidth(true);
        if (permitted.contains(TradingAction.CLOSE_POSITION)) {
            // the same button while the symbol's row stays: a click is not lost to a refresh of the marks
            grid.addColumn(new ComponentRenderer<Button, TradingBoard.Row>(this::closeButton, (button, row) -> button))
                    .setHeader("").setAutoWidth(true).setFlexGrow(0);
        }

        var header = new HorizontalLayout(new H2("Positions"), flatten);
        header.setAlignItems(Alignment.CENTER);
        header.setWidthFull();
        header.expand(header.getComponentAt(0));
        add(header, source, grid);
        show(feed.latest().orElseGet(() -> TradingBoard.read(queries, currency)));
        feed.subscribeWhileAttached(this, this::show);
    }

    private Button closeButton(TradingBoard.Row row) {
        String symbol = row.symbol();
        Button close = new Button("Close", e -> shown.positions().stream().filter(r -> r.symbol().equals(symbol)).findFirst()
                .ifPresent(now -> new ClosePositionDialog(symbol, now.quantity(),
                        r -> Outcome.attempt(() -> actions.closePosition(r.symbol(), r.quantity(), r.reason())), this::done).open()));
        close.setId("close-" + symbol);
        close.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return close;
    }

    private void done(Outcome outcome) {
        Notices.done(outcome);
    }

    /** Shows {@code board}'s positions; an equal board changes nothing. */
    void show(TradingBoard board) {
        if (board.equals(shown)) return;
        shown = board;
        currency = board.currency();
        source.setText(board.live() ? "Live: marked at the engine's last close."
                : board.cacheMarksAt() != null ? "Standby: positions from the ledger, marked at the bar cache's closes "
                        + "(as of " + board.cacheMarksAt() + ")."
                : "From the ledger: this instance does not run the engine, so marks and unrealized P&L are not known here.");
        rows.clear();
        rows.addAll(board.positions());
        grid.getDataProvider().refreshAll();
    }
}
