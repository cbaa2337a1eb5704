package io.tradepilot.engine.orders;

/**
 * An order's lifecycle. Terminal states: {@link #FILLED}, {@link #CANCELLED}, {@link #REJECTED},
 * {@link #EXPIRED}. {@link #CANCEL_FAILED} is a failure state that is not terminal: the order keeps
 * working (fills may still arrive) and may be cancelled again.
 */
public enum OrderStatus {
    NEW, ACCEPTED, PARTIALLY_FILLED, PENDING_CANCEL, CANCEL_FAILED, FILLED, CANCELLED, REJECTED, EXPIRED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    /** True while the order can still fill. */
    public boolean isWorking() {
        return this == ACCEPTED || this == PARTIALLY_FILLED || this == PENDING_CANCEL || this == CANCEL_FAILED;
    }
}
