package io.tradepilot.controls;

/** Whether orders go to the paper venue or to a real-money broker account. PAPER is the default. */
public enum TradingMode {
    PAPER, LIVE
}
