package io.tradepilot.backtests;

import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.PortfolioLimits;
import io.tradepilot.engine.backtest.PortfolioResult;
import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.cli.StrategyParameters;
import io.tradepilot.engine.marketdata.BarSeries;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The seam where a run's bars meet the engine. {@code INDEPENDENT_SINGLE_SYMBOL} runs each symbol alone with the
 * run's cash, exactly as the command line's folder runs do; {@code PORTFOLIO} runs every symbol in one account (shared
 * cash, the live risk chain) as the command line's {@code --portfolio} does. The worker picks one per run by its
 * {@link BacktestMode}.
 */
public interface BacktestRunner {

    /** The name stored with each run it executes. */
    String name();

    /**
     * Runs {@code plan} over {@code series} (symbol to bars, in the run's order), reporting every bar to {@code progress}.
     *
     * @throws Cancelled when {@code progress} says the run was cancelled (checked between bars and symbols)
     */
    Outcome run(Plan plan, Map<String, BarSeries> series, Progress progress);

    /**
     * The engine settings of a run.
     *
     * @param quantity fixed order quantity, or null when the strategy sizes by risk
     * @param broker    fill mode, commission and slippage (the market zone follows each series)
     * @param portfolio the account limits of a portfolio run (null for independent runs)
     */
    record Plan(StrategyParameters.Resolved strategy, BigDecimal quantity, BigDecimal cash, BrokerConfig broker,
                boolean closeAtEnd, boolean cashOnly, PortfolioLimits portfolio) {
        public Plan {
            Objects.requireNonNull(strategy);
            Objects.requireNonNull(cash);
            Objects.requireNonNull(broker);
        }
    }

    /**
     * The engine's result: per symbol for independent runs ({@code portfolio} null), or the one account's result
     * ({@code bySymbol} empty).
     */
    record Outcome(Map<String, BacktestResult> bySymbol, PortfolioResult portfolio) {
        public Outcome(Map<String, BacktestResult> bySymbol) {
            this(bySymbol, null);
        }
    }

    /** Told of the bars processed; throws {@link Cancelled} once the run is to stop. */
    interface Progress {
        /** Called after each bar (cheap: implementations count and look at the clock now and then). */
        void bar();

        /** Called between symbols; throws {@link Cancelled} when cancelled. */
        void checkpoint();
    }

    /** The run was cancelled: nothing of it is kept. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
