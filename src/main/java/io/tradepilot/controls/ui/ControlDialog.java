package io.tradepilot.controls.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.base.PlainTextFields;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TripReason;
import org.springframework.security.access.AccessDeniedException;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Asks for what a control action needs (reason, notes, typed CONFIRM, acknowledgement, trip
 * reason) and submits it. The server decides: a refusal is shown in the dialog, which stays open;
 * an applied change closes it; text that is not plain is refused under its field first. Element ids: {@code reason-field}, {@code confirm-field},
 * {@code acknowledge-field}, {@code trip-reason-field}, {@code confirm-button},
 * {@code cancel-button}, {@code dialog-error}. Every view that offers a control action uses this dialog (the
 * dashboard, the runbook's emergency pages), so the action asks for the same things wherever it is taken.
 */
public class ControlDialog extends Dialog {

    /** What the user entered. Fields an action does not need are null/false. */
    public record Submission(ControlAction action, String reason, String confirmation, boolean acknowledged,
                      TripReason tripReason) {
    }

    final TextArea reason = new TextArea();
    final TextField confirmation = new TextField("Type CONFIRM to disengage");
    final Checkbox acknowledged = new Checkbox("I confirm that the cause of the trip has been dealt with");
    final ComboBox<TripReason> tripReason = new ComboBox<>("Reason");
    final Span error = new Span();
    final Button confirm = new Button();
    private final ControlAction action;

    public ControlDialog(ControlAction action, ControlRules rules, Function<Submission, ControlResult> submit,
                  Consumer<ControlResult.Applied> onApplied) {
        this.action = action;
        setId("control-dialog");
        setModal(true);
        setCloseOnOutsideClick(false);
        setWidth("32rem");
        reason.setId("reason-field");
        reason.setWidthFull();
        reason.setMaxLength(rules.textMaxLength());
        confirmation.setId("confirm-field");
        confirmation.setWidthFull();
        acknowledged.setId("acknowledge-field");
        tripReason.setId("trip-reason-field");
        tripReason.setItems(TripReason.values());
        tripReason.setItemLabelGenerator(TripReason::label);
        tripReason.setValue(TripReason.MANUAL);
        tripReason.setWidthFull();
        error.setId("dialog-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        error.setVisible(false);

        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        switch (action) {
            case ENGAGE_KILL_SWITCH -> {
                setHeaderTitle("Engage the kill switch");
                body.add(new Paragraph("No new orders will go out until an admin disengages it. Working orders can still be cancelled."));
                reason.setLabel("Reason (at least " + rules.engageReasonMinLength() + " characters)");
                body.add(reason);
                confirm.setText("Engage kill switch");
                confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            case DISENGAGE_KILL_SWITCH -> {
                setHeaderTitle("Disengage the kill switch");
                body.add(new Paragraph("New orders will be allowed again."));
                reason.setLabel("Notes");
                body.add(reason, confirmation);
                confirm.setText("Disengage kill switch");
            }
            case PAUSE, RESUME -> {
                setHeaderTitle(action == ControlAction.PAUSE ? "Pause trading" : "Resume trading");
                body.add(new Paragraph(action == ControlAction.PAUSE
                        ? "No new entries while paused; exits and cancels still go out."
                        : "New entries will be allowed again (unless another control blocks them)."));
                reason.setLabel("Reason (optional)");
                body.add(reason);
                confirm.setText(action == ControlAction.PAUSE ? "Pause trading" : "Resume trading");
            }
            case TRIP_CIRCUIT_BREAKER -> {
                setHeaderTitle("Trip the circuit breaker");
                body.add(new Paragraph("No new entries until it is reset; exits and cancels still go out."));
                reason.setLabel("Detail (required for Manual)");
                body.add(tripReason, reason);
                confirm.setText("Trip circuit breaker");
                confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            case RESET_CIRCUIT_BREAKER -> {
                setHeaderTitle("Reset the circuit breaker");
                reason.setLabel("Reason (at least " + rules.resetReasonMinLength() + " characters)");
                body.add(reason, acknowledged);
                confirm.setText("Reset circuit breaker");
            }
        }
        body.add(error);
        add(body);

        confirm.setId("confirm-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> {
            try {
                if (!(PlainTextFields.multiLine(reason) & PlainTextFields.singleLine(confirmation))) {
                    return;
                }
                ControlResult result = submit.apply(submission());
                switch (result) {
                    case ControlResult.Applied applied -> {
                        close();
                        onApplied.accept(applied);
                    }
                    case ControlResult.Refused refused -> showError(refused.refusal().message());
                }
            } catch (AccessDeniedException denied) {
                showError("You are not allowed to do this.");
            } finally {
                confirm.setEnabled(true);
            }
        });
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-button");
        getFooter().add(cancel, confirm);
    }

    /**
     * Submits what the user entered to the controls' service, which authorizes, validates and audits it: the one
     * mapping from a dialog's submission to the service call, for every view that opens this dialog.
     */
    public static ControlResult submitTo(ControlService controls, Submission s) {
        return switch (s.action()) {
            case PAUSE -> controls.pause(s.reason());
            case RESUME -> controls.resume(s.reason());
            case ENGAGE_KILL_SWITCH -> controls.engageKillSwitch(s.reason());
            case DISENGAGE_KILL_SWITCH -> controls.disengageKillSwitch(s.reason(), s.confirmation());
            case TRIP_CIRCUIT_BREAKER -> controls.tripCircuitBreaker(s.tripReason(), s.reason());
            case RESET_CIRCUIT_BREAKER -> controls.resetCircuitBreaker(s.reason(), s.acknowledged());
        };
    }

    Submission submission() {
        return new Submission(action, reason.getValue(), confirmation.getValue(), acknowledged.getValue(),
                tripReason.getValue());
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

}
