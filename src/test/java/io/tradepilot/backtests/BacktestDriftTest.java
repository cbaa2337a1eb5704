package io.tradepilot.backtests;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestDriftTest {

    private static final Instant T = Instant.parse("2024-03-04T03:45:00Z");

    private static BacktestRun run() {
        return new BacktestRun(7, "drift", "tester", T, RunState.DONE, "STORED", "s", 3, "sma-cross", "doc", List.of("A", "B"),
                LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31), new BigDecimal("100000"), BigDecimal.TEN, FillModel.NEXT_OPEN, FeeModel.NONE, null,
                SlippageModel.NONE, null, false, false, "runner", false, 0, 0, null, null, null, 0, null, "fp", BacktestMode.INDEPENDENT, null, null, false, null, null, null, null);
    }

    private static BacktestTrade bt(int seq, String symbol, String side, int entryMinutes, String net) {
        return new BacktestTrade(symbol, seq, side, T.plus(Duration.ofMinutes(entryMinutes)), new BigDecimal("100"), T.plus(Duration.ofMinutes(entryMinutes + 60)),
                new BigDecimal("101"), BigDecimal.TEN, new BigDecimal(net), BigDecimal.ZERO, new BigDecimal(net), null);
    }

    private static BacktestDrift.PaperTrade paper(long id, String symbol, String side, int entryMinutes, String entryPrice, String net) {
        return new BacktestDrift.PaperTrade(id, symbol, side, false, T.plus(Duration.ofMinutes(entryMinutes)), new BigDecimal(entryPrice),
                T.plus(Duration.ofMinutes(entryMinutes + 60)), new BigDecimal("101"), BigDecimal.TEN, new BigDecimal("0.40"), new BigDecimal(net));
    }

    @Test
    void each_backtest_trade_takes_the_nearest_paper_entry_of_its_symbol_and_side_within_the_tolerance() {
        BacktestDrift d = BacktestDrift.compare(run(), List.of(bt(1, "A", "LONG", 0, "10"), bt(2, "A", "LONG", 600, "10"), bt(3, "B", "LONG", 0, "5")),
                List.of(paper(11, "A", "LONG", 20, "100.05", "9.10"),     // 20 min after the first
                        paper(12, "A", "LONG", 5, "100.01", "9.50"),      // 5 min: nearer, taken by the first
                        paper(13, "A", "SHORT", 600, "100", "1"),         // other side: extra
                        paper(14, "B", "LONG", 31, "100", "1"),           // beyond 30 minutes: extra, and B's trade missed
                        new BacktestDrift.PaperTrade(15, "A", "LONG", true, T, new BigDecimal("99"), null, null, BigDecimal.ONE, BigDecimal.ZERO,
                                BigDecimal.ZERO)),
                Duration.ofMinutes(30));
        assertThat(d.matched()).isEqualTo(1);
        assertThat(d.backtestOnly()).isEqualTo(2);
        assertThat(d.paperOnly()).isEqualTo(3);
        assertThat(d.openPaperTrades()).isEqualTo(1);
        BacktestDrift.Row first = d.rows().stream().filter(r -> r.status().equals("MATCHED")).findFirst().orElseThrow();
        assertThat(first.paperTradeId()).isEqualTo(12);
        assertThat(first.entryDelaySeconds()).isEqualTo(300);
        assertThat(first.entryPriceDifference()).isEqualByComparingTo("0.01");
        assertThat(first.feesDifference()).isEqualByComparingTo("0.40");
        assertThat(first.netPnlDifference()).isEqualByComparingTo("-0.50");
        assertThat(d.backtestNetPnl()).isEqualTo(new BigDecimal("25.00"));
        assertThat(d.paperNetPnl()).isEqualTo(new BigDecimal("20.60"));
        assertThat(d.netPnlDifference()).isEqualTo(new BigDecimal("-4.40"));
        assertThat(d.assumptions()).contains("NEXT_OPEN").contains("PAPER trades of s");
    }
}
