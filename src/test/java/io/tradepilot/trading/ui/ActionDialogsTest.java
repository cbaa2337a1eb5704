package io.tradepilot.trading.ui;

import io.tradepilot.trading.StrategyStatus;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The trading dialogs emit typed requests and show what the server answered, without a browser. */
class ActionDialogsTest {

    private final FakeTrading trading = new FakeTrading();
    private final List<Outcome> done = new ArrayList<>();

    private ClosePositionDialog closeDialog() {
        return new ClosePositionDialog("SYNTH-ALPHA", new BigDecimal("-100"),
                r -> Outcome.attempt(() -> trading.closePosition(r.symbol(), r.quantity(), r.reason())), done::add);
    }

    @Test
    void closing_part_of_a_position_emits_the_symbol_quantity_and_reason() {
        var dialog = closeDialog();
        dialog.quantity.setValue(new BigDecimal("40"));
        dialog.reason.setValue("taking half off before the news");

        dialog.submitNow();

        assertThat(trading.calls).containsExactly("closePosition SYNTH-ALPHA 40 taking half off before the news");
        assertThat(done).singleElement().isEqualTo(new Outcome(true, "Done."));
        assertThat(dialog.error.isVisible()).isFalse();
    }

    @Test
    void an_empty_quantity_closes_all_of_it() {
        var dialog = closeDialog();
        dialog.reason.setValue("closing the whole short");

        dialog.submitNow();

        assertThat(trading.calls).containsExactly("closePosition SYNTH-ALPHA null closing the whole short");
    }

    @Test
    void more_than_the_open_quantity_is_refused_before_anything_is_sent() {
        var dialog = closeDialog();
        dialog.quantity.setValue(new BigDecimal("100.5"));
        dialog.reason.setValue("closing more than I have");

        dialog.submitNow();

        assertThat(trading.calls).isEmpty();
        assertThat(dialog.error.isVisible()).isTrue();
        assertThat(dialog.error.getText()).contains("At most the open quantity (100)");
    }

    @Test
    void a_refusal_is_shown_in_the_dialog_which_stays_open() {
        trading.answer = FakeTrading.refused("Too many attempts: try again in 42 s.");
        var dialog = closeDialog();
        dialog.reason.setValue("closing the whole short");

        dialog.submitNow();

        assertThat(done).isEmpty();
        assertThat(dialog.error.getId()).hasValue("dialog-error");
        assertThat(dialog.error.getText()).isEqualTo("Too many attempts: try again in 42 s.");
    }

    @Test
    void a_method_security_denial_is_shown_as_not_allowed() {
        var dialog = new FlattenDialog(r -> Outcome.attempt(() -> {
            throw new AccessDeniedException("Access Denied");
        }), done::add);
        dialog.reason.setValue("everything must go right now, please");
        dialog.confirmation.setValue("FLATTEN");

        dialog.submitNow();

        assertThat(done).isEmpty();
        assertThat(dialog.error.getText()).isEqualTo(Outcome.DENIED);
    }

    @Test
    void flatten_emits_the_reason_and_the_typed_word_as_entered() {
        var dialog = new FlattenDialog(r -> Outcome.attempt(() -> trading.flattenAll(r.reason(), r.confirmation())), done::add);
        dialog.reason.setValue("broker feed looks corrupted, exit all");
        dialog.confirmation.setValue("flatten");

        dialog.submitNow();

        assertThat(trading.calls).containsExactly("flattenAll broker feed looks corrupted, exit all flatten");
    }

    @Test
    void cancel_all_emits_the_chosen_symbol_or_null_for_every_symbol() {
        var dialog = new CancelAllDialog(List.of("SYNTH-ALPHA", "SYNTH-BETA"),
                r -> Outcome.attempt(() -> trading.cancelAll(r.symbol(), r.reason())), done::add);
        dialog.reason.setValue("stale working orders");
        dialog.submitNow();
        var forOne = new CancelAllDialog(List.of("SYNTH-ALPHA", "SYNTH-BETA"),
                r -> Outcome.attempt(() -> trading.cancelAll(r.symbol(), r.reason())), done::add);
        forOne.symbol.setValue("SYNTH-BETA");
        forOne.reason.setValue("stale working orders");
        forOne.submitNow();

        assertThat(trading.calls).containsExactly("cancelAll null stale working orders",
                "cancelAll SYNTH-BETA stale working orders");
    }

    @Test
    void the_strategy_dialog_shows_the_open_exposure_first_and_emits_the_typed_word() {
        var status = new StrategyStatus("sma-cross", "sma-cross", List.of("SYNTH-ALPHA", "SYNTH-BETA"), Map.of(),
                new BigDecimal("100"), true, 3, 2, new BigDecimal("125.50"), 1,
                Map.of("SYNTH-ALPHA", new BigDecimal("10005.5"), "SYNTH-BETA", new BigDecimal("-2000")),
                new BigDecimal("12005.5"));
        var dialog = new StrategyDialog(status, false, "INR",
                r -> Outcome.attempt(() -> trading.deactivate(r.strategyId(), r.confirmation(), r.reason())), done::add);

        assertThat(dialog.body.indexOf(dialog.exposure)).isLessThan(dialog.body.indexOf(dialog.confirmation));
        assertThat(dialog.exposure.getElement().getTextRecursively())
                .contains("SYNTH-ALPHA: INR +10,005.50").contains("SYNTH-BETA: INR -2,000.00").contains("Gross: INR 12,005.50");
        assertThat(dialog.confirmation.getLabel()).contains("DEACTIVATE");

        dialog.confirmation.setValue("DEACTIVATE");
        dialog.reason.setValue("drawdown review this afternoon");
        dialog.submitNow();

        assertThat(trading.calls).containsExactly("deactivate sma-cross DEACTIVATE drawdown review this afternoon");
    }

    @Test
    void an_unexpected_failure_keeps_the_dialog_open_with_a_message() {
        var dialog = new CancelOrderDialog("O7", "BUY 100 SYNTH-ALPHA", r -> Outcome.attempt(() -> {
            throw new IllegalStateException("engine unreachable");
        }), done::add);
        dialog.reason.setValue("no longer wanted here");

        dialog.submitNow();

        assertThat(done).isEmpty();
        assertThat(dialog.error.getText()).startsWith("The action could not be carried out");
    }

    @Test
    void a_control_character_in_the_reason_is_refused_under_the_field_before_anything_is_sent() {
        var dialog = closeDialog();
        dialog.reason.setValue("nul\u0000 in the reason");

        dialog.submitNow();

        assertThat(trading.calls).isEmpty();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).contains("control character (U+0000) at position 4");

        dialog.reason.setValue("first line\nsecond line");
        dialog.submitNow();

        assertThat(dialog.reason.isInvalid()).isFalse();
        assertThat(trading.calls).hasSize(1);
    }
}
