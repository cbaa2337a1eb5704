package io.tradepilot.journal;

/** The direction of a trade: LONG opened by a buy, SHORT by a sell. */
public enum TradeSide {
    LONG, SHORT
}
