package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.domain.Quantity;

import java.util.Objects;

/**
 * What a sweep runs: every cell of {@code space} on every series, each cell as an independent single-symbol
 * backtest of the space's strategy with {@code config}.
 *
 * @param quantity    the fixed quantity per entry (null for a strategy that sizes itself, such as 3wi)
 * @param keepResults keep each cell's full {@link io.tradepilot.engine.backtest.BacktestResult}s (trades, curve):
 *                    for tests, walk-forward and small sweeps; memory grows with cells × series
 * @param keepReturns keep each cell's per-date return series (see {@link CellResult#returns()}), needed by the
 *                    overfitting analysis
 */
public record SweepSpec(ParameterSpace space, Quantity quantity, BacktestConfig config, boolean keepResults, boolean keepReturns) {
    public SweepSpec {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(config, "config");
    }

    public SweepSpec(ParameterSpace space, Quantity quantity, BacktestConfig config) {
        this(space, quantity, config, false, false);
    }

    public SweepSpec keepingResults() { return new SweepSpec(space, quantity, config, true, keepReturns); }
    public SweepSpec keepingReturns() { return new SweepSpec(space, quantity, config, keepResults, true); }
}
