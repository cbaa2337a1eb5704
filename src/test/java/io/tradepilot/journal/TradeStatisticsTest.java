package io.tradepilot.journal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The statistics against a hand-computed example (values worked out in the comments). */
class TradeStatisticsTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private static Trade closed(long id, int day, String net, String r) {
        Instant exit = LocalDate.of(2026, 3, day).atTime(10, (int) id).atZone(IST).toInstant();
        return new Trade(id, "S", TradeSide.LONG, "s", TradingMode.PAPER, TradeStatus.CLOSED, exit.minusSeconds(60),
                BigDecimal.ONE, exit, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal(net).add(BigDecimal.ONE),
                BigDecimal.ONE, new BigDecimal(net), Duration.ofMinutes(1), r == null ? null : BigDecimal.TEN,
                r == null ? null : new BigDecimal(r), ExitReason.STRATEGY, null, null, List.of(), null, List.of());
    }

    // exit order: W W L L L BE W; days: 2nd +300, 3rd -50, 4th -130, 5th +80
    private static List<Trade> example() {
        List<Trade> trades = new ArrayList<>(List.of(
                closed(7, 5, "80", "0.8"),
                closed(1, 2, "100", "1"),
                closed(2, 2, "200", "2"),
                closed(3, 3, "-50", "-0.5"),
                closed(4, 4, "-100", "-1"),
                closed(5, 4, "-30", null),
                closed(6, 5, "0", null)));
        Trade open = closed(8, 5, "5", null);
        trades.add(new Trade(8, "S", TradeSide.LONG, "s", TradingMode.PAPER, TradeStatus.OPEN, open.entryTime(),
                BigDecimal.ONE, null, null, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, null, null, null, null, null, List.of(), null, List.of()));
        return trades;
    }

    @Test
    void counts_ratios_and_extremes_match_the_hand_computed_example() {
        TradeStatistics s = TradeStatistics.of(example(), IST);
        assertThat(s.trades()).isEqualTo(7);
        assertThat(s.openTrades()).isEqualTo(1);
        assertThat(s.wins()).isEqualTo(3);
        assertThat(s.losses()).isEqualTo(3);
        assertThat(s.breakeven()).isEqualTo(1);
        assertThat(s.winRate()).isEqualByComparingTo("0.4285714285714286");        // 3 / 7
        assertThat(s.grossProfit()).isEqualByComparingTo("380");
        assertThat(s.grossLoss()).isEqualByComparingTo("-180");
        assertThat(s.profitFactor()).isEqualByComparingTo("2.111111111111111");      // 380 / 180
        assertThat(s.netPnl()).isEqualByComparingTo("200");
        assertThat(s.fees()).isEqualByComparingTo("7");
        assertThat(s.expectancy()).isEqualByComparingTo("28.57142857142857");        // 200 / 7
        assertThat(s.rTrades()).isEqualTo(5);
        assertThat(s.averageR()).isEqualByComparingTo("0.46");                       // 2.3 / 5
        assertThat(s.averageWin()).isEqualByComparingTo("126.6666666666667");        // 380 / 3
        assertThat(s.averageLoss()).isEqualByComparingTo("-60");
        assertThat(s.largestWin()).isEqualByComparingTo("200");
        assertThat(s.largestLoss()).isEqualByComparingTo("-100");
        assertThat(s.longestWinStreak()).isEqualTo(2);
        assertThat(s.longestLossStreak()).isEqualTo(3);
        // cumulative 100, 300, 250, 150, 120, 120, 200: peak 300, trough 120
        assertThat(s.maxDrawdown()).isEqualByComparingTo("180");
    }

    @Test
    void sharpe_and_sortino_come_from_daily_net_pnl_annualised_with_sqrt_252() {
        TradeStatistics s = TradeStatistics.of(example(), IST);
        assertThat(s.days()).extracting(DailyPnl::day).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3),
                LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 5));
        assertThat(s.days()).extracting(d -> d.netPnl().intValueExact()).containsExactly(300, -50, -130, 80);
        assertThat(s.days()).extracting(DailyPnl::trades).containsExactly(2, 1, 2, 2);
        // mean 50; deviations 250, -100, -180, 30; squares 105,800; sample sd sqrt(105800 / 3) = 187.794...
        assertThat(s.sharpe()).isCloseTo(50 / Math.sqrt(105_800.0 / 3) * Math.sqrt(252), within(1e-9));
        assertThat(s.sharpe()).isCloseTo(4.2266, within(1e-3));
        // downside: (50^2 + 130^2) / 4 = 4,850
        assertThat(s.sortino()).isCloseTo(50 / Math.sqrt(4_850.0) * Math.sqrt(252), within(1e-9));
        assertThat(s.sortino()).isCloseTo(11.397, within(1e-2));
    }

    @Test
    void an_empty_or_one_day_set_has_no_ratios_instead_of_dividing_by_zero() {
        TradeStatistics none = TradeStatistics.of(List.of(), IST);
        assertThat(none.trades()).isZero();
        assertThat(none.winRate()).isNull();
        assertThat(none.profitFactor()).isNull();
        assertThat(none.expectancy()).isNull();
        assertThat(none.sharpe()).isNull();
        assertThat(none.maxDrawdown()).isEqualByComparingTo("0");

        TradeStatistics winsOnly = TradeStatistics.of(List.of(closed(1, 2, "10", null), closed(2, 2, "5", null)), IST);
        assertThat(winsOnly.profitFactor()).as("no losses").isNull();
        assertThat(winsOnly.sharpe()).as("one day").isNull();
        assertThat(winsOnly.averageLoss()).isNull();
    }
}
