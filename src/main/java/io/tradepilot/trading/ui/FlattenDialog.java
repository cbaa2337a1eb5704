package io.tradepilot.trading.ui;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.tradepilot.trading.TradingAction;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The emergency exit: spells out what happens, asks for a reason (≥ 20 characters) and the typed word
 * {@code FLATTEN}. Admin only (the server decides).
 */
class FlattenDialog extends ActionDialog<Requests.FlattenAll> {

    FlattenDialog(Function<Requests.FlattenAll, Outcome> submit, Consumer<Outcome> onDone) {
        super("Flatten everything", "Flatten all", TradingAction.FLATTEN_ALL.minimumReason(), submit, onDone);
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        confirmation.setLabel("Type FLATTEN to confirm");
        layout(new Paragraph("This is the emergency exit. In this order it will:"),
                new UnorderedList(new ListItem("engage the kill switch (no new orders until an admin disengages it),"),
                        new ListItem("cancel every working order,"),
                        new ListItem("close every open position at market,"),
                        new ListItem("pause trading,"),
                        new ListItem("record all of it in the audit log.")),
                reason, confirmation);
    }

    @Override
    Requests.FlattenAll request() {
        return new Requests.FlattenAll(reason.getValue(), confirmation.getValue());
    }
}
