package io.tradepilot.strategies.internal;

import io.tradepilot.strategies.BacktestEvidence;
import io.tradepilot.strategies.PromotionCheck;
import io.tradepilot.strategies.PromotionStage;
import io.tradepilot.strategies.PromotionThresholds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The promotion gate's rules, pure. Every stage needs a DONE backtest run of the version ({@code EVIDENCE}) with at
 * least the minimum trades, a Sharpe ratio at or above the minimum and a Monte Carlo p95 maximum drawdown at or below
 * the maximum; READY_FOR_LIVE also needs the version to be READY_FOR_PAPER ({@code PAPER_STAGE}) and the minimum days
 * of paper trading. An undefined figure (NaN) fails its check (fail closed).
 */
final class PromotionRules {
    private PromotionRules() {
    }

    static List<PromotionCheck> check(PromotionStage stage, Optional<BacktestEvidence.Run> evidence, boolean readyForPaper, int paperDays,
                                      PromotionThresholds t) {
        List<PromotionCheck> checks = new ArrayList<>();
        if (evidence.isEmpty()) {
            checks.add(new PromotionCheck("EVIDENCE", "no DONE backtest run of this version", "a DONE backtest run of exactly this version", false));
        } else {
            BacktestEvidence.Run r = evidence.get();
            checks.add(new PromotionCheck("EVIDENCE", "backtest run " + r.runId(), "a DONE backtest run of exactly this version", true));
            checks.add(new PromotionCheck("MIN_TRADES", r.trades() + " trades", "at least " + t.minTrades(), r.trades() >= t.minTrades()));
            boolean sharpe = !Double.isNaN(r.sharpe()) && BigDecimal.valueOf(r.sharpe()).compareTo(t.minSharpe()) >= 0;
            checks.add(new PromotionCheck("MIN_SHARPE", "Sharpe " + fmt(r.sharpe()), "at least " + t.minSharpe().stripTrailingZeros().toPlainString(), sharpe));
            boolean dd = !Double.isNaN(r.maxDrawdownP95()) && BigDecimal.valueOf(r.maxDrawdownP95()).compareTo(t.maxDrawdownP95()) <= 0;
            checks.add(new PromotionCheck("MAX_DRAWDOWN_P95", "p95 max drawdown " + pct(r.maxDrawdownP95()),
                    "at most " + pct(t.maxDrawdownP95().doubleValue()), dd));
        }
        if (stage == PromotionStage.READY_FOR_LIVE) {
            checks.add(new PromotionCheck("PAPER_STAGE", readyForPaper ? "READY_FOR_PAPER" : "not ready for paper", "READY_FOR_PAPER first", readyForPaper));
            checks.add(new PromotionCheck("MIN_PAPER_DAYS", paperDays + " paper trading days", "at least " + t.minPaperDays(), paperDays >= t.minPaperDays()));
        }
        return List.copyOf(checks);
    }

    static boolean passed(List<PromotionCheck> checks) {
        return checks.stream().allMatch(PromotionCheck::passed);
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "undefined" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double f) {
        return Double.isNaN(f) ? "undefined" : String.format(Locale.ROOT, "%.2f %%", f * 100);
    }
}
