package io.tradepilot.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for a condition with a deadline, polling every 50 ms: the tests' one alternative to sleeping. */
public final class Eventually {

    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails with "timed out waiting for {@code what}" after {@code timeout}. */
    public static void eventually(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * As {@link #eventually}, treating a condition that throws as not yet true (e.g. a client still
     * reconnecting after an outage).
     */
    public static void eventuallyDespiteErrors(Duration timeout, BooleanSupplier condition, String what) {
        eventually(timeout, () -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException notYet) {
                return false;
            }
        }, what);
    }
}
