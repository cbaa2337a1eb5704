package io.tradepilot.controls;

import java.time.Instant;

/**
 * What the store said about the three controls at one moment: either all three states, or
 * {@link Unknown} when they could not be read. Unknown means blocked (fail closed).
 */
public sealed interface ControlsReading {

    Instant readAt();

    record Known(TradingSwitch trading, KillSwitch killSwitch, CircuitBreaker circuitBreaker, Instant readAt)
            implements ControlsReading {
    }

    /** The state could not be read (e.g. Redis is down); {@code cause} says why, in words. */
    record Unknown(String cause, Instant readAt) implements ControlsReading {
    }
}
