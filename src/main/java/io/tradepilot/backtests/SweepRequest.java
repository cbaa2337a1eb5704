package io.tradepilot.backtests;

import java.util.Map;

/**
 * A parameter sweep: the backtest {@code run} (strategy configuration, symbols, dates, cash, quantity, fill, fees,
 * slippage: validated as a run's), and the strategy parameters to sweep. Every parameter of the configuration not
 * swept keeps its value. A strategy that sizes by {@code risk_per_trade} is refused (a sweep trades a fixed quantity).
 *
 * @param run        the run every cell is (its {@code label} names the sweep)
 * @param parameters parameter name to {@code from:to:step} (inclusive, step positive, decimals allowed) or
 *                   {@code v1,v2,...}, in grid order; 1 to 4 parameters of the strategy's schema
 * @param samples    a seeded random sample of this many distinct valid cells (null: every valid cell of the grid)
 * @param seed       the sample's seed (null: 1)
 * @param chunkSize  cells per job (null: 25; 1 to 1,000)
 */
public record SweepRequest(BacktestRequest run, Map<String, String> parameters, Integer samples, Long seed, Integer chunkSize) {
}
