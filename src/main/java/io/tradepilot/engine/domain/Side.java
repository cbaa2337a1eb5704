package io.tradepilot.engine.domain;

/** Direction of an order or a fill. */
public enum Side {
    BUY(1), SELL(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for BUY, -1 for SELL: the sign a fill of this side adds to a net position. */
    public int sign() {
        return sign;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
