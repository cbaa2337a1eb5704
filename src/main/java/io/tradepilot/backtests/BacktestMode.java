package io.tradepilot.backtests;

/**
 * How a run over several symbols is executed: {@link #INDEPENDENT} single-symbol runs (each symbol alone with the
 * run's cash, per-symbol figures only) or one {@link #PORTFOLIO} account (shared cash on one engine under the live
 * risk chain's account limits: max open positions, heat cap, buying power).
 */
public enum BacktestMode {
    INDEPENDENT,
    PORTFOLIO
}
