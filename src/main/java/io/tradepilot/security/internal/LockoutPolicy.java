package io.tradepilot.security.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * How long an account stays locked after consecutive failed sign-ins: 30 s from the 3rd failure,
 * 5 min from the 5th, 15 min from the 7th on. Every further failure locks again for its tier's
 * duration; a successful sign-in (or an admin's reset) starts the count over.
 */
final class LockoutPolicy {

    private LockoutPolicy() {
    }

    static Optional<Duration> lockAfter(int consecutiveFailures) {
        if (consecutiveFailures >= 7) {
            return Optional.of(Duration.ofMinutes(15));
        }
        if (consecutiveFailures >= 5) {
            return Optional.of(Duration.ofMinutes(5));
        }
        if (consecutiveFailures >= 3) {
            return Optional.of(Duration.ofSeconds(30));
        }
        return Optional.empty();
    }

    /** "30 seconds", "5 minutes", "1 minute 10 seconds": for messages. */
    static String describe(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        long minutes = seconds / 60;
        long rest = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (minutes > 0) {
            text.append(minutes).append(minutes == 1 ? " minute" : " minutes");
        }
        if (rest > 0) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(rest).append(rest == 1 ? " second" : " seconds");
        }
        return text.toString();
    }
}
