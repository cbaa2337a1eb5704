package io.tradepilot.journal;

/** OPEN while any quantity of the trade is still held; CLOSED once the position returned to flat (or reversed). */
public enum TradeStatus {
    OPEN, CLOSED
}
