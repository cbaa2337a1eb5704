package io.tradepilot.controls;

import java.util.function.Consumer;

/**
 * Every control change, as it happens, from any instance of the application (relayed through
 * Redis pub/sub, in the order the changes were stored).
 */
public interface ControlEvents {

    /**
     * Calls {@code listener} for each change until the returned subscription is cancelled.
     * Listeners run on one delivery thread: they must hand work off quickly (e.g. {@code UI.access}).
     */
    Subscription subscribe(Consumer<ControlChanged> listener);

    /** Stops the deliveries to one listener. */
    @FunctionalInterface
    interface Subscription {
        void cancel();
    }
}
