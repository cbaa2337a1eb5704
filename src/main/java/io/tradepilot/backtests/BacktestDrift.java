package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Backtest versus paper: a DONE run of a stored strategy configuration version compared trade by trade with the PAPER
 * trades of that strategy entered while that version was the applied one, over the run's dates. Trades are matched per symbol and side: each backtest trade, in entry
 * order, takes the unmatched paper trade whose entry is nearest to its own, when it lies within {@code tolerance};
 * what remains is {@code BACKTEST_ONLY} (an entry paper trading missed) or {@code PAPER_ONLY} (an extra one). Every
 * difference is paper minus backtest, exact; the P&amp;L totals are to the paisa (2 decimals, half-even). Open paper
 * trades are not compared (counted in {@code openPaperTrades}).
 *
 * @param assumptions the fill assumptions of both sides, in words
 */
public record BacktestDrift(long runId, String strategyId, int version, Duration tolerance, String assumptions, List<Row> rows,
                            int matched, int backtestOnly, int paperOnly, int openPaperTrades, BigDecimal backtestNetPnl,
                            BigDecimal paperNetPnl, BigDecimal netPnlDifference, BigDecimal feesDifference) {

    public BacktestDrift {
        rows = List.copyOf(rows);
    }

    /** The largest tolerance accepted. */
    public static final Duration MAX_TOLERANCE = Duration.ofDays(31);

    /** Paper's side of the comparison: one closed or open paper trade of the strategy. */
    public record PaperTrade(long tradeId, String symbol, String side, boolean open, Instant entryTime, BigDecimal entryPrice,
                             Instant exitTime, BigDecimal exitPrice, BigDecimal quantity, BigDecimal fees, BigDecimal netPnl) {
    }

    /**
     * One compared pair, or a trade of one side alone. {@code status} MATCHED, BACKTEST_ONLY or PAPER_ONLY; the paper or
     * backtest fields are null where that side has no trade, the differences null unless MATCHED. Delays in seconds.
     */
    public record Row(String status, String symbol, String side, Long paperTradeId,
                      Instant backtestEntryTime, BigDecimal backtestEntryPrice, Instant backtestExitTime, BigDecimal backtestExitPrice,
                      BigDecimal backtestQuantity, BigDecimal backtestNetPnl,
                      Instant paperEntryTime, BigDecimal paperEntryPrice, Instant paperExitTime, BigDecimal paperExitPrice,
                      BigDecimal paperQuantity, BigDecimal paperNetPnl,
                      Long entryDelaySeconds, Long exitDelaySeconds, BigDecimal entryPriceDifference, BigDecimal exitPriceDifference,
                      BigDecimal quantityDifference, BigDecimal feesDifference, BigDecimal netPnlDifference) {
    }

    /** The fill assumptions stated with every comparison. */
    public static String assumptions(BacktestRun run) {
        return "Backtest: the run's own models (fill " + run.fill() + ", fees " + run.fee() + ", slippage " + run.slippage()
                + ") over the stored bars of " + run.from() + " to " + run.to() + ", each symbol alone with the run's cash and quantity. "
                + "Paper: the journal's PAPER trades of " + run.configKey() + " entered while v" + run.configVersion() + " was the applied version and "
                + "whose trade day (exit day) lies in those dates, filled by the "
                + "paper venue when the live bar arrived. Matched: same symbol and side, entries at most the tolerance apart. "
                + "Differences are paper minus backtest; P&L net of fees.";
    }

    /** Compares {@code run}'s trades with {@code paper} (see the type's contract). */
    public static BacktestDrift compare(BacktestRun run, List<BacktestTrade> backtest, List<PaperTrade> paper, Duration tolerance) {
        Objects.requireNonNull(tolerance);
        List<PaperTrade> closed = paper.stream().filter(p -> !p.open()).sorted(Comparator.comparing(PaperTrade::entryTime)
                .thenComparingLong(PaperTrade::tradeId)).toList();
        boolean[] used = new boolean[closed.size()];
        List<Row> rows = new ArrayList<>();
        List<BacktestTrade> ordered = backtest.stream().sorted(Comparator.comparing(BacktestTrade::entryTime)
                .thenComparing(BacktestTrade::symbol).thenComparingInt(BacktestTrade::seq)).toList();
        for (BacktestTrade b : ordered) {
            int best = -1;
            long bestGap = Long.MAX_VALUE;
            for (int i = 0; i < closed.size(); i++) {
                PaperTrade p = closed.get(i);
                if (used[i] || !p.symbol().equals(b.symbol()) || !p.side().equals(b.side())) continue;
                long gap = Math.abs(Duration.between(b.entryTime(), p.entryTime()).toMillis());
                if (gap <= tolerance.toMillis() && gap < bestGap) {
                    best = i;
                    bestGap = gap;
                }
            }
            if (best < 0) {
                rows.add(new Row("BACKTEST_ONLY", b.symbol(), b.side(), null, b.entryTime(), b.entryPrice(), b.exitTime(), b.exitPrice(),
                        b.quantity(), b.netPnl(), null, null, null, null, null, null, null, null, null, null, null, null, null));
            } else {
                used[best] = true;
                PaperTrade p = closed.get(best);
                rows.add(new Row("MATCHED", b.symbol(), b.side(), p.tradeId(), b.entryTime(), b.entryPrice(), b.exitTime(), b.exitPrice(),
                        b.quantity(), b.netPnl(), p.entryTime(), p.entryPrice(), p.exitTime(), p.exitPrice(), p.quantity(), p.netPnl(),
                        Duration.between(b.entryTime(), p.entryTime()).toSeconds(), Duration.between(b.exitTime(), p.exitTime()).toSeconds(),
                        p.entryPrice().subtract(b.entryPrice()), p.exitPrice().subtract(b.exitPrice()), p.quantity().subtract(b.quantity()),
                        p.fees().subtract(b.fees()), p.netPnl().subtract(b.netPnl())));
            }
        }
        for (int i = 0; i < closed.size(); i++) {
            if (used[i]) continue;
            PaperTrade p = closed.get(i);
            rows.add(new Row("PAPER_ONLY", p.symbol(), p.side(), p.tradeId(), null, null, null, null, null, null,
                    p.entryTime(), p.entryPrice(), p.exitTime(), p.exitPrice(), p.quantity(), p.netPnl(), null, null, null, null, null, null, null));
        }
        rows.sort(Comparator.comparing((Row r) -> r.backtestEntryTime() != null ? r.backtestEntryTime() : r.paperEntryTime())
                .thenComparing(Row::symbol));
        BigDecimal backtestNet = backtest.stream().map(BacktestTrade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paperNet = closed.stream().map(PaperTrade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal backtestFees = backtest.stream().map(BacktestTrade::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paperFees = closed.stream().map(PaperTrade::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        int matched = (int) rows.stream().filter(r -> r.status().equals("MATCHED")).count();
        return new BacktestDrift(run.id(), run.configKey(), run.configVersion() == null ? 0 : run.configVersion(), tolerance, assumptions(run), rows,
                matched, backtest.size() - matched, closed.size() - matched, paper.size() - closed.size(), paisa(backtestNet), paisa(paperNet),
                paisa(paperNet.subtract(backtestNet)), paisa(paperFees.subtract(backtestFees)));
    }

    private static BigDecimal paisa(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
