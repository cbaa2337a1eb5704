package io.tradepilot.strategies;

/** How far a strategy configuration version has been promoted: paper trading first, then live. */
public enum PromotionStage {
    /** Its backtest evidence passed the gate: it may trade on paper. */
    READY_FOR_PAPER,
    /** Its backtest evidence and its days of paper trading passed the gate: it may trade live. */
    READY_FOR_LIVE
}
