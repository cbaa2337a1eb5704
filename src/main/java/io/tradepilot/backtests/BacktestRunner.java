package io.tradepilot.backtests;

import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.cli.StrategyParameters;
import io.tradepilot.engine.marketdata.BarSeries;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The seam where a run's bars meet the engine. Today's runner ({@code INDEPENDENT_SINGLE_SYMBOL}) runs each symbol
 * alone with the run's cash, exactly as the command line's folder runs do; a portfolio runner (shared cash, the live
 * risk chain) implements this interface and is chosen by its {@link #name()}.
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
     * @param broker   fill mode, commission and slippage (the market zone follows each series)
     */
    record Plan(StrategyParameters.Resolved strategy, BigDecimal quantity, BigDecimal cash, BrokerConfig broker,
                boolean closeAtEnd, boolean cashOnly) {
        public Plan {
            Objects.requireNonNull(strategy);
            Objects.requireNonNull(cash);
            Objects.requireNonNull(broker);
        }
    }

    /** Per symbol, the engine's result of its run. A portfolio runner will add its account-level result here. */
    record Outcome(Map<String, BacktestResult> bySymbol) {
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
