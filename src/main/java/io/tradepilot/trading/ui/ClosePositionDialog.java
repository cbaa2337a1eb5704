package io.tradepilot.trading.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.trading.TradingAction;

import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Closes one position at market, all of it or part ({@code quantity-field}, empty: all; at most the open
 * quantity). Operator or admin; reason ≥ 10 characters.
 */
class ClosePositionDialog extends ActionDialog<Requests.ClosePosition> {

    final BigDecimalField quantity = new BigDecimalField("Quantity to close (empty: all)");
    private final String symbol;
    private final BigDecimal open;

    ClosePositionDialog(String symbol, BigDecimal openQuantity, Function<Requests.ClosePosition, Outcome> submit,
                        Consumer<Outcome> onDone) {
        super("Close " + symbol, "Close at market", TradingAction.CLOSE_POSITION.minimumReason(), submit, onDone);
        this.symbol = symbol;
        this.open = openQuantity.abs();
        quantity.setId("quantity-field");
        quantity.setWidthFull();
        layout(new Paragraph("Open: " + Amounts.quantity(openQuantity) + " " + symbol + " ("
                        + (openQuantity.signum() < 0 ? "short: closing buys" : "long: closing sells")
                        + "). A market order goes out for the quantity below."),
                quantity, reason);
    }

    @Override
    String check() {
        BigDecimal q = quantity.getValue();
        if (q != null && q.signum() <= 0) return "The quantity must be above zero.";
        if (q != null && q.compareTo(open) > 0) {
            return "At most the open quantity (" + Amounts.quantity(open) + ") can be closed.";
        }
        return null;
    }

    @Override
    Requests.ClosePosition request() {
        return new Requests.ClosePosition(symbol, quantity.getValue(), reason.getValue());
    }
}
