package io.tradepilot.trading.ui;

import com.vaadin.flow.component.html.Paragraph;
import io.tradepilot.trading.TradingAction;

import java.util.function.Consumer;
import java.util.function.Function;

/** Cancels one working order. Operator or admin; reason ≥ 10 characters. */
class CancelOrderDialog extends ActionDialog<Requests.CancelOrder> {

    private final String orderId;

    CancelOrderDialog(String orderId, String description, Function<Requests.CancelOrder, Outcome> submit,
                      Consumer<Outcome> onDone) {
        super("Cancel order " + orderId, "Cancel order", TradingAction.CANCEL_ORDER.minimumReason(), submit, onDone);
        this.orderId = orderId;
        layout(new Paragraph(description), reason);
    }

    @Override
    Requests.CancelOrder request() {
        return new Requests.CancelOrder(orderId, reason.getValue());
    }
}
