package io.tradepilot.backtests;

import java.util.Map;

/**
 * A walk-forward optimisation: the backtest {@code run} (strategy configuration, symbols, dates, cash, quantity, fill,
 * fees, slippage: validated as a run's), the parameter grid optimised in sample, and the windows. Each symbol is walked
 * forward on its own (its bars alone, as the command line's {@code walkforward} over that symbol's file).
 *
 * @param run        the run every window's backtests are (its {@code label} names the walk-forward)
 * @param parameters parameter name to {@code from:to:step} or {@code v1,v2,...}, as a sweep's; 1 to 4 parameters of the
 *                   strategy's schema; every other parameter keeps the configuration's value
 * @param isBars     bars per in-sample window (the first window's when anchored), at least 2
 * @param oosBars    bars per out-of-sample window (also the step), at least 1
 * @param anchored   in-sample windows all start at the first bar (null or false: rolling)
 * @param metric     the in-sample objective ({@code sharpe}, the default, {@code total_return}, ...)
 */
public record WalkForwardRequest(BacktestRequest run, Map<String, String> parameters, Integer isBars, Integer oosBars, Boolean anchored,
                                 String metric) {
}
