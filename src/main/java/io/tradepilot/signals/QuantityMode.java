package io.tradepilot.signals;

/** How a webhook strategy sizes its orders: a fixed quantity, or the risk amount over the stop distance. */
public enum QuantityMode {
    /** Every order for {@code quantity}. */
    FIXED,
    /** {@code floor(riskAmount / (price × stopPercent / 100))}: needs the signal's price; zero is refused. */
    RISK
}
