package io.tradepilot.journal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The period reports against a hand-computed example. */
class PerformanceReportTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final Instant MADE = Instant.parse("2026-03-06T11:00:00Z");

    private static Trade trade(long id, String strategy, String exitIst, String net, String r) {
        Instant exit = LocalDateTime.parse(exitIst).atZone(IST).toInstant();
        return new Trade(id, "S" + id, TradeSide.LONG, strategy, TradingMode.PAPER, TradeStatus.CLOSED, exit.minusSeconds(600),
                BigDecimal.ONE, exit, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal(net), BigDecimal.ZERO,
                new BigDecimal(net), Duration.ofMinutes(10), r == null ? null : BigDecimal.TEN, r == null ? null : new BigDecimal(r),
                ExitReason.STRATEGY, null, null, List.of(), null, List.of());
    }

    @Test
    void a_week_report_sums_the_trades_names_best_and_worst_and_a_line_per_strategy_with_open_risk_share() {
        List<Trade> trades = List.of(
                trade(1, "sma", "2026-03-02T10:00", "120", "1.2"),
                trade(2, "sma", "2026-03-03T10:00", "-40", "-0.4"),
                trade(3, "mr", "2026-03-04T10:00", "-60", null),
                trade(4, "mr", "2026-03-05T10:00", "10", "0.5"));
        var portfolio = new PerformanceReport.Portfolio(new BigDecimal("100000"), new BigDecimal("2500"), List.of(
                new PerformanceReport.PositionLine("ABC", new BigDecimal("10"), new BigDecimal("100"), new BigDecimal("104"),
                        new BigDecimal("40"))));

        PerformanceReport r = PerformanceReport.of(ReportPeriod.WEEK, LocalDate.of(2026, 3, 4), MADE, trades, IST, portfolio);

        assertThat(r.start()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(r.end()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(r.statistics().trades()).isEqualTo(4);
        assertThat(r.statistics().netPnl()).isEqualByComparingTo("30");                  // 120 - 40 - 60 + 10
        assertThat(r.statistics().winRate()).isEqualByComparingTo("0.5");
        assertThat(r.statistics().averageR()).isEqualByComparingTo("0.4333333333333333"); // (1.2 - 0.4 + 0.5) / 3
        assertThat(r.best().id()).isEqualTo(1);
        assertThat(r.worst().id()).isEqualTo(3);
        assertThat(r.worst().rMultiple()).isNull();
        assertThat(r.strategies()).containsExactly(
                new PerformanceReport.StrategyLine("mr", 2, 1, new BigDecimal("-50"), new BigDecimal("0.5")),
                new PerformanceReport.StrategyLine("sma", 2, 1, new BigDecimal("80"), new BigDecimal("0.4")));
        assertThat(r.openPositions()).hasSize(1);
        assertThat(r.openRiskShare()).isEqualByComparingTo("0.025");                     // 2,500 / 100,000
    }

    @Test
    void a_day_without_trades_or_a_known_portfolio_has_no_best_no_worst_and_no_risk_share() {
        PerformanceReport r = PerformanceReport.of(ReportPeriod.DAY, LocalDate.of(2026, 3, 4), MADE, List.of(), IST,
                PerformanceReport.Portfolio.UNKNOWN);
        assertThat(r.start()).isEqualTo(r.end());
        assertThat(r.statistics().trades()).isZero();
        assertThat(r.best()).isNull();
        assertThat(r.worst()).isNull();
        assertThat(r.openRisk()).isNull();
        assertThat(r.openRiskShare()).isNull();
    }

    @Test
    void periods_start_on_the_day_the_monday_and_the_first_of_the_month() {
        LocalDate thursday = LocalDate.of(2026, 2, 26);
        assertThat(ReportPeriod.DAY.start(thursday)).isEqualTo(thursday);
        assertThat(ReportPeriod.WEEK.start(thursday)).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(ReportPeriod.WEEK.end(thursday)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ReportPeriod.MONTH.start(thursday)).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(ReportPeriod.MONTH.end(thursday)).isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
