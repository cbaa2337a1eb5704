package io.tradepilot.alerts.internal;

import io.tradepilot.security.LoginFailed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Counts failed sign-ins in a sliding window: the failure that makes {@code threshold} within {@code window}
 * answers the burst (and the count starts again). Thread-safe.
 */
final class LoginBurst {

    /** {@code failures} failed sign-ins within the window, ending with the one that made it a burst. */
    record Burst(List<LoginFailed> failures) {
    }

    private final int threshold;
    private final Duration window;
    private final Deque<LoginFailed> recent = new ArrayDeque<>();

    LoginBurst(int threshold, Duration window) {
        if (threshold < 2) {
            throw new IllegalArgumentException("A burst is 2 or more failures");
        }
        this.threshold = threshold;
        this.window = window;
    }

    synchronized Optional<Burst> add(LoginFailed failure) {
        Instant since = failure.at().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(since)) {
            recent.removeFirst();
        }
        recent.addLast(failure);
        if (recent.size() < threshold) {
            return Optional.empty();
        }
        Burst burst = new Burst(new ArrayList<>(recent));
        recent.clear();
        return Optional.of(burst);
    }
}
