package io.tradepilot.engine.core;

import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.TradingState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TripLatchTest {

    private final TripLatch latch = new TripLatch();

    @Test
    void a_clear_latch_answers_what_the_port_answers() {
        assertThat(latch.over(TradingState.ALLOWED, 0)).isSameAs(TradingState.ALLOWED);
        TradingState paused = TradingState.blocked(TradingState.Kind.PAUSED, "lunch");
        assertThat(latch.over(paused, 0)).isSameAs(paused);
        assertThat(latch.state()).isEqualTo(EngineState.RUNNING);
        assertThat(latch.message()).isEmpty();
    }

    @Test
    void a_trip_refuses_entries_whatever_the_port_allows_until_the_port_reports_a_release_after_it() {
        assertThat(latch.trip(RejectionCode.DAILY_LOSS_LIMIT, "daily loss 2000 >= 1800", 3)).isTrue();
        assertThat(latch.state()).isEqualTo(EngineState.TRIPPED);
        assertThat(latch.code()).isEqualTo(RejectionCode.DAILY_LOSS_LIMIT);
        assertThat(latch.over(TradingState.ALLOWED, 3)).isEqualTo(
                TradingState.blocked(TradingState.Kind.CIRCUIT_BREAKER_TRIPPED, "daily loss 2000 >= 1800"));
        assertThat(latch.over(TradingState.blocked(TradingState.Kind.PAUSED, "lunch"), 3).kind())
                .isEqualTo(TradingState.Kind.CIRCUIT_BREAKER_TRIPPED);
        assertThat(latch.releaseIfReported(3)).as("no release since the trip").isFalse();
        assertThat(latch.releaseIfReported(2)).isFalse();
        assertThat(latch.tripped()).isTrue();

        assertThat(latch.over(TradingState.ALLOWED, 4)).as("judged released, nothing changed").isSameAs(TradingState.ALLOWED);
        assertThat(latch.tripped()).isTrue();
        assertThat(latch.releaseIfReported(4)).isTrue();
        assertThat(latch.tripped()).isFalse();
        assertThat(latch.state()).isEqualTo(EngineState.RUNNING);
        assertThat(latch.message()).isEmpty();
        assertThat(latch.code()).isNull();
    }

    @Test
    void a_stricter_port_answer_wins_over_the_trip() {
        latch.trip(RejectionCode.MAX_DRAWDOWN, "drawdown", 0);
        TradingState killed = TradingState.blocked(TradingState.Kind.KILL_SWITCH_ENGAGED, "by ops");
        TradingState unknown = TradingState.blocked(TradingState.Kind.UNKNOWN, "redis down");
        assertThat(latch.over(killed, 0)).isSameAs(killed);
        assertThat(latch.over(unknown, 0)).isSameAs(unknown);
        assertThat(latch.over(null, 0)).isNull();
    }

    @Test
    void a_second_trip_changes_nothing_until_the_first_is_released() {
        latch.trip(RejectionCode.CONSECUTIVE_LOSSES, "3 losing trades in a row", 0);
        assertThat(latch.trip(RejectionCode.DAILY_LOSS_LIMIT, "daily loss", 5)).isFalse();
        assertThat(latch.message()).isEqualTo("3 losing trades in a row");
        assertThat(latch.releaseIfReported(1)).isTrue();
        assertThat(latch.trip(RejectionCode.DAILY_LOSS_LIMIT, "daily loss", 1)).isTrue();
        assertThat(latch.releaseIfReported(1)).isFalse();
    }
}
