package io.tradepilot.security.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * How long sign-ins are refused after failures, in two scopes (OWASP ASVS 2.2.1: resist brute force
 * without letting a stranger lock the owner out):
 * <ul>
 *   <li><b>an account from one client address</b> ({@link #lockAfter}): 30 s from the 3rd consecutive
 *       failure, 5 min from the 5th, 15 min from the 7th on; every further failure locks again for its
 *       tier's duration, a success from that address starts its count over. Other addresses are not
 *       affected;</li>
 *   <li><b>an account from all addresses</b> ({@link #accountLockAfter}), against guessing spread over many
 *       addresses: from the {@value #ACCOUNT_THRESHOLD}th failure since the account's last successful
 *       sign-in, 15 min, again at every further failure. It binds only addresses that have not signed in to
 *       the account within {@link #KNOWN_CLIENT_FOR}, so the owner's usual addresses stay open.</li>
 * </ul>
 * An admin's password reset lifts both.
 */
final class LockoutPolicy {

    /** Failures on one account, from all addresses, that lock it for unknown addresses. */
    static final int ACCOUNT_THRESHOLD = 30;
    /** How long an address counts as the account's own after a successful sign-in from it. */
    static final Duration KNOWN_CLIENT_FOR = Duration.ofDays(90);

    private LockoutPolicy() {
    }

    /** The lock of an account for one client address after that address's consecutive failures. */
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

    /** The lock of an account for addresses it never signed in from, after its failures from all addresses. */
    static Optional<Duration> accountLockAfter(int failuresSinceLastSuccess) {
        return failuresSinceLastSuccess >= ACCOUNT_THRESHOLD ? Optional.of(Duration.ofMinutes(15)) : Optional.empty();
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
