package io.tradepilot.journal;

/** Where a trade was made. Only paper trading exists today; live trades will carry {@link #LIVE}. */
public enum TradingMode {
    PAPER, LIVE
}
