package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestRunner;
import io.tradepilot.engine.backtest.PortfolioBacktest;
import io.tradepilot.engine.backtest.PortfolioResult;
import io.tradepilot.engine.cli.EngineBacktestExecutor;
import io.tradepilot.engine.cli.UsageException;
import io.tradepilot.engine.marketdata.BarSeries;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * {@value #NAME}: every symbol in one account through {@link EngineBacktestExecutor#runPortfolio} — the code the
 * command line's {@code backtest --data DIR --portfolio} executes — with the plan's cash, broker, close-at-end and
 * {@link BacktestRunner.Plan#portfolio() limits}, one fresh strategy per symbol built as the independent runner builds
 * it. The engine's {@link PortfolioBacktest.Monitor} is mapped to the worker's {@link BacktestRunner.Progress}: each
 * reported fraction advances the bar count (which writes progress and reads the cancel flag now and then); a cancel
 * seen there is answered at the engine's next question between time steps, and the run ends {@link Cancelled}.
 */
final class PortfolioRunner implements BacktestRunner {

    static final String NAME = "PORTFOLIO";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome run(Plan plan, Map<String, BarSeries> series, Progress progress) {
        Objects.requireNonNull(plan.portfolio(), "a portfolio run needs its limits");
        progress.checkpoint();
        long total = series.values().stream().mapToLong(BarSeries::size).sum();
        Watch watch = new Watch(progress, total);
        PortfolioResult result;
        try {
            result = EngineBacktestExecutor.runPortfolio(() -> EngineBacktestExecutor.strategy(plan.strategy(), plan.quantity()), plan.cash(),
                    plan.broker(), plan.closeAtEnd(), plan.portfolio(), series.values(), watch);
        } catch (UsageException invalid) {
            throw new IllegalArgumentException(invalid.getMessage(), invalid);
        } catch (CancellationException cancelled) {
            throw new Cancelled();
        }
        progress.checkpoint();
        return new Outcome(Map.of(), result);
    }

    /** Turns the engine's fractions into bars for {@code progress}; remembers a cancel it raised. */
    private static final class Watch implements PortfolioBacktest.Monitor {
        private final Progress progress;
        private final long total;
        private long reported;
        private boolean cancelled;

        Watch(Progress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        @Override
        public void progress(double fractionDone) {
            long target = Math.min(total, Math.round(fractionDone * total));
            try {
                while (reported < target) {
                    reported++;
                    progress.bar();
                }
            } catch (Cancelled c) {
                cancelled = true;
            }
        }

        @Override
        public boolean cancelRequested() {
            return cancelled;
        }
    }
}
