package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A DONE walk-forward's result, per symbol: each window's chosen parameters with its in-sample and out-of-sample
 * figures, the stitched out-of-sample equity (exact) and the walk-forward efficiency — the command line's
 * {@code walkforward} figures for that symbol's bars. Metric maps hold the sweep metrics ({@code sharpe},
 * {@code total_return}, ...; null where undefined).
 */
public record WalkForwardReport(WalkForwardInfo walkForward, List<String> parameters, List<SymbolWalk> symbols) {

    /**
     * One symbol's walk-forward.
     *
     * @param oosPnlNet  the sum of the windows' OOS net P&L (each window starts from the cash)
     * @param efficiency (OOS net P&L per OOS bar) / (chosen cells' IS net P&L per IS bar); null when the IS rate is not
     *                   positive
     */
    public record SymbolWalk(String symbol, List<Window> windows, List<EquityPoint> equity, BigDecimal oosPnlNet, BigDecimal finalEquity,
                             Double efficiency) {
    }

    /**
     * One window: its in-sample and out-of-sample bars (first and last bar's start), the chosen cell (the best in sample
     * by the objective), the objective's value, and both samples' figures.
     */
    public record Window(int index, Instant isFirst, Instant isLast, Instant oosFirst, Instant oosLast, Map<String, String> params,
                         Double isObjective, BigDecimal isPnlNet, Map<String, Double> isMetrics, BigDecimal oosPnlNet, int oosTrades,
                         Map<String, Double> oosMetrics) {
    }

    public record EquityPoint(Instant time, BigDecimal equity) {
    }
}
