package io.tradepilot.trading.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import io.tradepilot.trading.TradingAction;

import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Function;

/** Cancels every working order, or only one symbol's ({@code symbol-field}, empty: all). Reason ≥ 10. */
class CancelAllDialog extends ActionDialog<Requests.CancelAll> {

    final ComboBox<String> symbol = new ComboBox<>("Symbol (empty: every symbol)");

    CancelAllDialog(Collection<String> symbols, Function<Requests.CancelAll, Outcome> submit, Consumer<Outcome> onDone) {
        super("Cancel working orders", "Cancel orders", TradingAction.CANCEL_ALL.minimumReason(), submit, onDone);
        symbol.setId("symbol-field");
        symbol.setItems(symbols);
        symbol.setClearButtonVisible(true);
        symbol.setWidthFull();
        layout(new Paragraph("Every working order (of the symbol, if one is chosen) is asked to cancel. "
                + "Positions stay open."), symbol, reason);
    }

    @Override
    Requests.CancelAll request() {
        return new Requests.CancelAll(symbol.getValue(), reason.getValue());
    }
}
