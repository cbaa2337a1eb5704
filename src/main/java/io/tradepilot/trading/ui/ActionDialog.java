package io.tradepilot.trading.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.base.PlainTextFields;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A dialog that asks for what one trading action needs and submits it as a typed request {@code R}.
 * The server decides: a refusal (denied, rate limited, invalid, conflict, standby) is shown in
 * {@code dialog-error} and the dialog stays open; a done action closes it and is handed to
 * {@code onDone} (the view notifies and refreshes). Element ids: {@code action-dialog},
 * {@code reason-field}, {@code confirm-field} (a typed word), {@code confirm-button},
 * {@code cancel-button}, {@code dialog-error}; subclasses add theirs. Text that is not plain
 * ({@link io.tradepilot.security.PlainText}) is refused under its field before anything is submitted.
 *
 * @param <R> the request this dialog emits
 */
abstract class ActionDialog<R> extends Dialog {

    final TextArea reason = new TextArea();
    final TextField confirmation = new TextField();
    final Span error = new Span();
    final Button confirm = new Button();
    final VerticalLayout body = new VerticalLayout();
    private final Function<R, Outcome> submit;
    private final Consumer<Outcome> onDone;

    ActionDialog(String title, String confirmText, int minimumReason, Function<R, Outcome> submit, Consumer<Outcome> onDone) {
        this.submit = submit;
        this.onDone = onDone;
        setId("action-dialog");
        setHeaderTitle(title);
        setModal(true);
        setCloseOnOutsideClick(false);
        setWidth("34rem");
        reason.setId("reason-field");
        reason.setLabel("Reason (at least " + minimumReason + " characters)");
        reason.setWidthFull();
        reason.setMaxLength(500);
        confirmation.setId("confirm-field");
        confirmation.setWidthFull();
        error.setId("dialog-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        error.setVisible(false);
        body.setPadding(false);
        add(body);

        confirm.setText(confirmText);
        confirm.setId("confirm-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            try {
                submitNow();
            } finally {
                confirm.setEnabled(true);
            }
        });
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, confirm);
    }

    /** Adds the action's own fields and text, then the error line (call once from the subclass constructor). */
    final void layout(Component... parts) {
        body.add(parts);
        body.add(error);
    }

    /** The request the entered values make. */
    abstract R request();

    /** A message when the entered values are obviously wrong (checked before submitting; the server checks anyway). */
    String check() {
        return null;
    }

    /** Submits what was entered: shows the refusal, or closes and hands the outcome on. */
    void submitNow() {
        boolean plain = PlainTextFields.multiLine(reason) & PlainTextFields.singleLine(confirmation);
        if (!plain) {
            return;
        }
        String problem = check();
        if (problem != null) {
            showError(problem);
            return;
        }
        Outcome outcome = submit.apply(request());
        if (outcome.done()) {
            close();
            onDone.accept(outcome);
        } else {
            showError(outcome.message());
        }
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }
}
