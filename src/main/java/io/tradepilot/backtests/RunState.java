package io.tradepilot.backtests;

/** Where a backtest run stands. QUEUED and RUNNING may still change; DONE, FAILED and CANCELLED are final. */
public enum RunState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    /** True for DONE, FAILED and CANCELLED. */
    public boolean terminal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
