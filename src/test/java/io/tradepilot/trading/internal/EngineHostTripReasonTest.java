package io.tradepilot.trading.internal;

import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.risk.RejectionCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of the engine's trips become automatic control changes, and with which reason. */
class EngineHostTripReasonTest {

    @Test
    void daily_loss_drawdown_and_a_losing_streak_are_automatic_triggers_with_their_own_reasons() {
        assertThat(EngineHost.tripReason(RejectionCode.DAILY_LOSS_LIMIT)).isEqualTo(TripReason.DAILY_LOSS_EXCEEDED);
        assertThat(EngineHost.tripReason(RejectionCode.MAX_DRAWDOWN)).isEqualTo(TripReason.MAX_DRAWDOWN);
        assertThat(EngineHost.tripReason(RejectionCode.CONSECUTIVE_LOSSES)).isEqualTo(TripReason.CONSECUTIVE_LOSSES);
    }

    @Test
    void an_order_refusal_is_not_a_trigger() {
        assertThat(Arrays.stream(RejectionCode.values())
                .filter(c -> c != RejectionCode.DAILY_LOSS_LIMIT && c != RejectionCode.MAX_DRAWDOWN && c != RejectionCode.CONSECUTIVE_LOSSES)
                .map(EngineHost::tripReason))
                .containsOnlyNulls();
    }
}
