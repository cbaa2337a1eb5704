package io.tradepilot.signals;

import io.tradepilot.engine.domain.Side;

/**
 * What a signal asks for: open or add to a long ({@code BUY}), close a long ({@code SELL}), open a short
 * ({@code SHORT}), close a short ({@code COVER}) — OpenAlgo's four words. TradingView's
 * {@code {{strategy.order.action}}} sends {@code buy} or {@code sell}.
 */
public enum SignalAction {
    BUY(Side.BUY, true), SELL(Side.SELL, false), SHORT(Side.SELL, true), COVER(Side.BUY, false);

    private final Side side;
    private final boolean entry;

    SignalAction(Side side, boolean entry) {
        this.side = side;
        this.entry = entry;
    }

    /** The order's side. */
    public Side side() { return side; }

    /** Whether the action opens (or adds to) a position; exits are sized by the same rule. */
    public boolean entry() { return entry; }
}
