package io.tradepilot.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.trading.LivePortfolio;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RiskAlertsTest {

    private final RecordingAlerts alerts = new RecordingAlerts();

    /** {@code rule|sourceId|title} of each raise. */
    private List<String> raised() {
        return alerts.raised.stream().map(r -> r.split("\\|", 5)).map(f -> f[0] + "|" + f[2] + "|" + f[3]).toList();
    }

    private static LivePortfolio portfolio(String dayPnl, String openRisk, String dailyLossLimit) {
        return new LivePortfolio(Instant.parse("2026-12-07T05:00:00Z"), "RUNNING", "", new BigDecimal("900000"),
                new BigDecimal("1000000"), new BigDecimal("1000000"), new BigDecimal(dayPnl), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("1000000"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(openRisk),
                dailyLossLimit == null ? null : new BigDecimal(dailyLossLimit), List.of(), 0, LivePortfolio.Source.ENGINE, null);
    }

    private void check(LivePortfolio p, String dailyLossWarning, String openRiskWarning) {
        new RiskAlerts(() -> Optional.ofNullable(p), alerts, new BigDecimal(dailyLossWarning), new BigDecimal(openRiskWarning),
                Duration.ofSeconds(5)).check();
    }

    @Test
    void below_the_thresholds_nothing_is_raised() {
        check(portfolio("-8999.99", "60000", "0.018"), "0.5", "0.06");
        check(portfolio("5000", "0", "0.018"), "0.5", "0.06");
        assertThat(raised()).isEmpty();
    }

    @Test
    void at_the_daily_loss_threshold_the_warning_carries_the_market_day_and_above_the_open_risk_threshold_its_own() {
        check(portfolio("-9000", "60000.01", "0.018"), "0.5", "0.06");
        assertThat(raised()).containsExactly("DAILY_LOSS_WARNING|daily-loss:2026-12-07|Daily loss at 50.0 % of the limit",
                "OPEN_RISK_HIGH|null|Open risk 6.0 % of equity");
    }

    @Test
    void a_threshold_of_zero_no_limit_or_no_engine_switches_the_check_off() {
        check(portfolio("-17000", "900000", "0.018"), "0", "0");
        check(portfolio("-17000", "0", null), "0.5", "0.06");
        check(null, "0.5", "0.06");
        assertThat(raised()).isEmpty();
    }
}
