package io.tradepilot.controls.ui;

import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.controls.TripReason;
import org.junit.jupiter.api.Test;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The control dialog as a form, without a browser: what it submits and how it shows the answer. */
class ControlDialogTest {

    private final List<ControlDialog.Submission> submitted = new ArrayList<>();
    private final List<ControlResult.Applied> applied = new ArrayList<>();

    private static final ControlResult.Applied DONE = new ControlResult.Applied(new ControlChanged(Control.KILL_SWITCH,
            ControlAction.ENGAGE_KILL_SWITCH, "ACTIVE", "ENGAGED", "olga", Instant.EPOCH, "broker down", ""));

    private ControlDialog dialog(ControlAction action, ControlResult answer) {
        return new ControlDialog(action, ControlRules.defaults(), s -> {
            submitted.add(s);
            return answer;
        }, applied::add);
    }

    @Test
    void the_engage_dialog_submits_the_reason_and_reports_the_applied_change() {
        var dialog = dialog(ControlAction.ENGAGE_KILL_SWITCH, DONE);
        dialog.reason.setValue("broker is down");

        dialog.confirm.click();

        assertThat(submitted).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(ControlAction.ENGAGE_KILL_SWITCH);
            assertThat(s.reason()).isEqualTo("broker is down");
        });
        assertThat(applied).containsExactly(DONE);
        assertThat(dialog.error.isVisible()).isFalse();
    }

    @Test
    void a_refusal_is_shown_in_the_dialog_in_the_servers_words() {
        var dialog = dialog(ControlAction.ENGAGE_KILL_SWITCH, new ControlResult.Refused(
                new Refusal(RefusalCode.REASON_TOO_SHORT, "Give a reason of at least 10 characters.")));
        dialog.reason.setValue("short");

        dialog.confirm.click();

        assertThat(applied).isEmpty();
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).isEqualTo("Give a reason of at least 10 characters.");
        assertThat(dialog.confirm.isEnabled()).isTrue();
    }

    @Test
    void the_disengage_dialog_submits_notes_and_the_typed_confirmation() {
        var dialog = dialog(ControlAction.DISENGAGE_KILL_SWITCH, DONE);
        dialog.reason.setValue("all clear");
        dialog.confirmation.setValue("CONFIRM");

        dialog.confirm.click();

        assertThat(submitted).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo("all clear");
            assertThat(s.confirmation()).isEqualTo("CONFIRM");
        });
        assertThat(dialog.confirmation.getId()).contains("confirm-field");
        assertThat(dialog.reason.getId()).contains("reason-field");
        assertThat(dialog.confirm.getId()).contains("confirm-button");
    }

    @Test
    void the_trip_and_reset_dialogs_submit_the_reason_code_and_the_acknowledgement() {
        var trip = dialog(ControlAction.TRIP_CIRCUIT_BREAKER, DONE);
        trip.tripReason.setValue(TripReason.DATA_STALE);
        trip.confirm.click();
        var reset = dialog(ControlAction.RESET_CIRCUIT_BREAKER, DONE);
        reset.reason.setValue("data feed restored and checked");
        reset.acknowledged.setValue(true);
        reset.confirm.click();

        assertThat(submitted).extracting(ControlDialog.Submission::tripReason).first().isEqualTo(TripReason.DATA_STALE);
        assertThat(submitted.get(1).acknowledged()).isTrue();
    }

    @Test
    void a_denial_by_the_server_is_shown_not_thrown() {
        var dialog = new ControlDialog(ControlAction.DISENGAGE_KILL_SWITCH, ControlRules.defaults(), s -> {
            throw new AuthorizationDeniedException("Access denied");
        }, applied::add);

        dialog.confirm.click();

        assertThat(dialog.error.getText()).isEqualTo("You are not allowed to do this.");
    }

    @Test
    void a_control_character_is_refused_under_its_field_and_nothing_is_submitted() {
        var pause = dialog(ControlAction.PAUSE, DONE);
        pause.reason.setValue("nul\u0000 in reason");
        var disengage = dialog(ControlAction.DISENGAGE_KILL_SWITCH, DONE);
        disengage.reason.setValue("broker fixed");
        disengage.confirmation.setValue("CONFIRM\t");

        pause.confirm.click();
        disengage.confirm.click();

        assertThat(submitted).isEmpty();
        assertThat(pause.reason.isInvalid()).isTrue();
        assertThat(pause.reason.getErrorMessage()).isEqualTo("The text contains a control character (U+0000) at position 4. "
                + "Only plain text, line breaks and tabs are accepted.");
        assertThat(disengage.reason.isInvalid()).isFalse();
        assertThat(disengage.confirmation.isInvalid()).isTrue();
        assertThat(disengage.confirmation.getErrorMessage()).contains("Only plain text on one line");
    }
}
