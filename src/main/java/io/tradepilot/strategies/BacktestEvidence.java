package io.tradepilot.strategies;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: the backtest evidence for the promotion gate, implemented by the module that runs backtests (the strategies
 * module does not depend on it). Read without a signed-in user, nothing audited.
 */
public interface BacktestEvidence {

    /** The newest DONE backtest run of exactly {@code version} of stored strategy {@code strategyId}, with its figures. */
    Optional<Run> newestDoneRun(String strategyId, int version);

    /**
     * A run's figures as the gate reads them.
     *
     * @param trades                 closed trades over every symbol
     * @param sharpe                 the lowest annualised Sharpe ratio over the run's symbols ({@code NaN} when undefined)
     * @param maxDrawdownP95         the 95th percentile of the Monte Carlo maximum drawdown (fraction of the running peak;
     *                               {@code NaN} without trades), computed with {@code mcMethod}, {@code mcSimulations}, {@code mcSeed}
     */
    record Run(long runId, Instant finishedAt, int trades, double sharpe, double maxDrawdownP95, String mcMethod, int mcSimulations,
               long mcSeed) {
    }
}
