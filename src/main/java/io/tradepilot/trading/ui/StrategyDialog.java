package io.tradepilot.trading.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.trading.StrategyStatus;
import io.tradepilot.trading.TradingAction;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Activates or deactivates a strategy. Shows its open exposure by symbol first (what stays behind:
 * deactivating stops entries, positions and exits stay), then asks for the typed word
 * ({@code ACTIVATE}/{@code DEACTIVATE}) and a reason (≥ 10). Element id {@code strategy-exposure}.
 */
class StrategyDialog extends ActionDialog<Requests.SwitchStrategy> {

    final Div exposure = new Div();
    private final String strategyId;
    private final boolean activate;

    StrategyDialog(StrategyStatus strategy, boolean activate, String currency,
                   Function<Requests.SwitchStrategy, Outcome> submit, Consumer<Outcome> onDone) {
        super((activate ? "Activate " : "Deactivate ") + strategy.name() + " (" + strategy.id() + ")",
                activate ? "Activate" : "Deactivate",
                (activate ? TradingAction.ACTIVATE_STRATEGY : TradingAction.DEACTIVATE_STRATEGY).minimumReason(),
                submit, onDone);
        this.strategyId = strategy.id();
        this.activate = activate;
        exposure.setId("strategy-exposure");
        if (strategy.exposure().isEmpty()) {
            exposure.add(new Paragraph("No open exposure in " + String.join(", ", strategy.symbols()) + "."));
        } else {
            strategy.exposure().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
                    exposure.add(new Div(e.getKey() + ": " + Amounts.signedMoney(e.getValue(), currency))));
            exposure.add(new Div("Gross: " + Amounts.money(strategy.grossExposure(), currency)));
        }
        String word = activate ? "ACTIVATE" : "DEACTIVATE";
        confirmation.setLabel("Type " + word + " to confirm");
        layout(new H4("Open exposure"), exposure,
                new Paragraph(activate ? "The strategy will take new entries again."
                        : "The strategy will take no new entries. Its open positions stay, and its exits still go out."),
                confirmation, reason);
    }

    @Override
    Requests.SwitchStrategy request() {
        return new Requests.SwitchStrategy(strategyId, activate, confirmation.getValue(), reason.getValue());
    }
}
