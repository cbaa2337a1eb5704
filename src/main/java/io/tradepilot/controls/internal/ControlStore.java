package io.tradepilot.controls.internal;

import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlsReading;

import java.util.List;
import java.util.Map;

/** Where the control states and their histories live. Implementations must make each write atomic. */
public interface ControlStore {

    /**
     * Reads all three controls at once.
     *
     * @throws ControlStoreUnavailable when the store cannot be read or holds something unreadable
     */
    Stored read();

    /**
     * Stores {@code next} as the state of {@code control} and appends {@code change} to its history
     * (capped) and publishes it — all or nothing — only if the stored state still is
     * {@code expectedRaw} (the raw value read before; empty string when absent).
     *
     * @return false when someone else changed the control in between (nothing was written)
     * @throws ControlStoreUnavailable when the store cannot be written
     */
    boolean compareAndSet(Control control, String expectedRaw, Object next, ControlChanged change);

    /** The newest {@code limit} changes of {@code control}, newest first. */
    List<ControlChanged> history(Control control, int limit);

    /** The decoded states and the raw values they came from, for the check-and-set. */
    record Stored(ControlsReading.Known known, Map<Control, String> raw) {
    }

    final class ControlStoreUnavailable extends RuntimeException {
        public ControlStoreUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
