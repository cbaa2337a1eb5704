/**
 * Research on the backtest engine, plain Java: parameter sweeps ({@link io.tradepilot.engine.research.ParameterSpace},
 * {@link io.tradepilot.engine.research.Sweep}, run in chunks of contiguous cells, with the exact sma-cross
 * kernel {@link io.tradepilot.engine.research.SmaCrossKernel}), heatmaps of a metric over two parameters,
 * overfitting flags (in-sample/out-of-sample gap, {@link io.tradepilot.engine.research.DeflatedSharpe},
 * {@link io.tradepilot.engine.research.Cscv} PBO), walk-forward optimisation and Monte Carlo of a result's trades.
 *
 * <p>Every cell, window and simulation result is that of an independent engine backtest (or the kernel proven equal
 * to it); money is exact ({@code BigDecimal}); statistics are {@code double}. Conventions: docs/research.md.
 */
package io.tradepilot.engine.research;
