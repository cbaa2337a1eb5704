package io.tradepilot.controls;

import java.time.Duration;
import java.util.Optional;

/**
 * A change that was not made, with a code for machines and a message for people.
 *
 * @param retryAfter for {@link RefusalCode#RATE_LIMITED}: how long until the change may be asked again
 */
public record Refusal(RefusalCode code, String message, Optional<Duration> retryAfter) {

    public Refusal(RefusalCode code, String message) {
        this(code, message, Optional.empty());
    }
}
