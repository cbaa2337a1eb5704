package io.tradepilot.journal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The P&L breakdowns against a hand-computed example. */
class TradeBreakdownTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private static Trade trade(long id, String symbol, String strategy, List<String> tags, String exitIst, String net, String r) {
        Instant exit = LocalDateTime.parse(exitIst).atZone(IST).toInstant();
        return new Trade(id, symbol, TradeSide.LONG, strategy, TradingMode.PAPER, TradeStatus.CLOSED, exit.minusSeconds(600),
                BigDecimal.ONE, exit, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal(net), BigDecimal.ZERO,
                new BigDecimal(net), Duration.ofMinutes(10), r == null ? null : BigDecimal.TEN, r == null ? null : new BigDecimal(r),
                ExitReason.STRATEGY, null, null, tags, null, List.of());
    }

    private static List<TradeBreakdown.Bucket> buckets(Object... labelTradesNet) {
        List<TradeBreakdown.Bucket> out = new java.util.ArrayList<>();
        for (int i = 0; i < labelTradesNet.length; i += 3) {
            out.add(new TradeBreakdown.Bucket((String) labelTradesNet[i], (Integer) labelTradesNet[i + 1],
                    new BigDecimal((String) labelTradesNet[i + 2])));
        }
        return out;
    }

    @Test
    void groups_closed_trades_by_symbol_strategy_tag_weekday_hour_and_r_bin() {
        Trade open = new Trade(9, "ABC", TradeSide.LONG, "sma", TradingMode.PAPER, TradeStatus.OPEN, Instant.parse("2026-03-06T04:00:00Z"),
                BigDecimal.ONE, null, null, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null,
                null, null, null, null, null, List.of("A"), null, List.of());
        TradeBreakdown b = TradeBreakdown.of(List.of(
                trade(1, "ABC", "sma", List.of("A"), "2026-03-02T10:05", "100", "1.0"),     // Monday
                trade(2, "ABC", "mr", List.of("A", "B"), "2026-03-02T11:10", "-50", "-0.5"),
                trade(3, "XYZ", "sma", List.of(), "2026-03-03T10:20", "30", "0.3"),          // Tuesday
                trade(4, "XYZ", "sma", List.of("B"), "2026-03-06T14:00", "-20", null),       // Friday, no stop
                open), IST);

        assertThat(b.bySymbol()).isEqualTo(buckets("ABC", 2, "50", "XYZ", 2, "10"));
        assertThat(b.byStrategy()).isEqualTo(buckets("mr", 1, "-50", "sma", 3, "110"));
        assertThat(b.byTag()).as("a trade counts under each of its tags; untagged last")
                .isEqualTo(buckets("A", 2, "50", "B", 2, "-70", TradeBreakdown.NO_TAG, 1, "30"));
        assertThat(b.byWeekday()).isEqualTo(buckets("Mon", 2, "50", "Tue", 1, "30", "Fri", 1, "-20"));
        assertThat(b.byHour()).isEqualTo(buckets("10:00", 2, "130", "11:00", 1, "-50", "14:00", 1, "-20"));
        assertThat(b.rHistogram()).as("0.5 R bins from the lowest to the highest, empty ones included")
                .isEqualTo(buckets("[-0.5, 0.0)", 1, "-50", "[0.0, 0.5)", 1, "30", "[0.5, 1.0)", 0, "0", "[1.0, 1.5)", 1, "100"));
        assertThat(b.noStop()).isEqualTo(1);
    }

    @Test
    void no_trades_give_empty_groups() {
        TradeBreakdown b = TradeBreakdown.of(List.of(), IST);
        assertThat(b.bySymbol()).isEmpty();
        assertThat(b.rHistogram()).isEmpty();
        assertThat(b.noStop()).isZero();
    }
}
