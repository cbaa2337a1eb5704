package io.tradepilot.trading.internal;

import io.tradepilot.engine.risk.DailyLossLimit;
import io.tradepilot.engine.risk.FatFinger;
import io.tradepilot.engine.risk.MaxTotalExposure;
import io.tradepilot.engine.risk.RejectionCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The host's risk chain as {@code tradepilot.trading.limits} configures it. */
class TradingLimitsTest {

    private static TradingProperties.Limits limits(String dailyLoss, String pauseEntriesAt) {
        return new TradingProperties.Limits(dailyLoss == null ? null : new BigDecimal(dailyLoss), null,
                TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER, TradingProperties.SizeReduction.OFF, 5,
                pauseEntriesAt == null ? null : new BigDecimal(pauseEntriesAt), null, null, new BigDecimal("2000"),
                new BigDecimal("300000"), new BigDecimal("1000000"), List.of());
    }

    @Test
    void entries_pause_at_half_the_daily_loss_limit_first_then_the_seed_platforms_checks() {
        var checks = limits("0.018", "0.5").riskChain().checks();
        assertThat(checks.getFirst()).isInstanceOfSatisfying(DailyLossLimit.class, d -> {
            assertThat(d.fraction()).isEqualByComparingTo("0.009");
            assertThat(d.code()).isEqualTo(RejectionCode.DAILY_LOSS_ENTRIES_PAUSED);
        });
        assertThat(checks).hasSize(3);
        assertThat(checks.get(1)).isInstanceOf(FatFinger.class);
        assertThat(checks.get(2)).isInstanceOf(MaxTotalExposure.class);
    }

    @Test
    void no_pause_without_a_daily_loss_limit_or_with_the_pause_off() {
        assertThat(limits(null, "0.5").riskChain().checks()).noneMatch(c -> c instanceof DailyLossLimit);
        assertThat(limits("0.018", "0").riskChain().checks()).noneMatch(c -> c instanceof DailyLossLimit);
    }

    @Test
    void a_pause_at_or_beyond_the_limit_itself_is_refused() {
        assertThatThrownBy(() -> limits("0.018", "1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pause-entries-at");
    }
}
