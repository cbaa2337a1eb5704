package io.tradepilot.backtests;

/** Charges per fill. */
public enum FeeModel {
    /** No charges. */
    NONE,
    /** A percent of notional per fill (the command line's {@code --commission}); the value is the percent. */
    PERCENT,
    /** Zerodha's NSE equity delivery charges (STT, exchange, SEBI, GST, stamp duty). */
    ZERODHA_DELIVERY,
    /** Zerodha's NSE equity intraday charges (brokerage 0.03 % capped at 20, STT on sells, ...). */
    ZERODHA_INTRADAY
}
