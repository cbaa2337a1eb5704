package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestRunner;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.cli.EngineBacktestExecutor;
import io.tradepilot.engine.cli.UsageException;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import io.tradepilot.engine.orders.StrategyId;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@value #NAME}: each symbol runs alone with the run's cash through {@link EngineBacktestExecutor#run} — the code the
 * command line's backtest (and its folder runs) executes, so the trades are the command line's. The strategy is
 * wrapped only to report each bar to the {@link BacktestRunner.Progress} (which may stop the run); the wrapper
 * passes every call through unchanged.
 */
final class IndependentRunsRunner implements BacktestRunner {

    static final String NAME = "INDEPENDENT_SINGLE_SYMBOL";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome run(Plan plan, Map<String, BarSeries> series, Progress progress) {
        Map<String, BacktestResult> out = new LinkedHashMap<>();
        for (var e : series.entrySet()) {
            progress.checkpoint();
            Strategy strategy;
            try {
                strategy = EngineBacktestExecutor.strategy(plan.strategy(), plan.quantity());
            } catch (UsageException invalid) {
                throw new IllegalArgumentException(invalid.getMessage(), invalid);
            }
            out.put(e.getKey(), EngineBacktestExecutor.run(new Reporting(strategy, progress), plan.cash(), plan.broker(), plan.closeAtEnd(),
                    plan.cashOnly(), e.getValue()));
        }
        progress.checkpoint();
        return new Outcome(out);
    }

    /** Passes every call to the strategy and tells {@code progress} of each bar. */
    private record Reporting(Strategy strategy, Progress progress) implements Strategy {
        @Override
        public StrategyId id() {
            return strategy.id();
        }

        @Override
        public void onBar(BarCursor bar, StrategyContext context) {
            progress.bar();
            strategy.onBar(bar, context);
        }
    }
}
