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
    void the_live_defaults_add_trading_hours_first_then_open_positions_correlation_groups_heat_and_buying_power() {
        var hours = new TradingProperties.TradingHours(true, java.time.ZoneId.of("Asia/Kolkata"), java.time.LocalTime.of(9, 15),
                java.time.LocalTime.of(15, 20), java.time.LocalTime.of(15, 30),
                List.of(new TradingProperties.TradingHours.Blackout(java.time.LocalTime.NOON, java.time.LocalTime.of(13, 0))));
        var l = new TradingProperties.Limits(new BigDecimal("0.018"), null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER,
                TradingProperties.SizeReduction.OFF, 5, null, null, null, null, null, null, List.of(), 3, new BigDecimal("0.5"),
                java.util.Map.of("banks", List.of("HDFCBANK", "SBIN")), 1, hours, new TradingProperties.BuyingPowerSettings(true, new BigDecimal("5")));
        var checks = l.riskChain(java.util.Set.of("SBIN")).checks();
        assertThat(checks).hasSize(5);
        assertThat(checks.get(0)).isInstanceOfSatisfying(io.tradepilot.engine.risk.TradingWindow.class, w -> {
            assertThat(w.entryUntil()).isEqualTo(java.time.LocalTime.of(15, 20));
            assertThat(w.blackouts()).singleElement().satisfies(b -> assertThat(b.from()).isEqualTo(java.time.LocalTime.NOON));
        });
        assertThat(checks.get(1)).isEqualTo(new io.tradepilot.engine.risk.MaxOpenPositions(3));
        assertThat(checks.get(2)).isEqualTo(new io.tradepilot.engine.risk.CorrelatedPositions(
                java.util.Map.of("HDFCBANK", "banks", "SBIN", "banks"), 1));
        assertThat(checks.get(3)).isEqualTo(new io.tradepilot.engine.risk.PortfolioHeat(new BigDecimal("0.5"), false));
        assertThat(checks.get(4)).isInstanceOfSatisfying(io.tradepilot.engine.risk.BuyingPower.class, b -> {
            assertThat(b.leverageOf("SBIN")).isEqualByComparingTo("5");
            assertThat(b.leverageOf("HDFCBANK")).isEqualByComparingTo("1");
        });
    }

    @Test
    void a_symbol_in_two_correlation_groups_is_refused() {
        assertThatThrownBy(() -> new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER,
                TradingProperties.SizeReduction.OFF, 0, null, null, null, null, null, null, List.of(), 0, null,
                java.util.Map.of("banks", List.of("SBIN"), "psu", List.of("SBIN")), 1, TradingProperties.TradingHours.OFF,
                TradingProperties.BuyingPowerSettings.OFF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SBIN is in both");
    }

    @Test
    void a_pause_at_or_beyond_the_limit_itself_is_refused() {
        assertThatThrownBy(() -> limits("0.018", "1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pause-entries-at");
    }
}
