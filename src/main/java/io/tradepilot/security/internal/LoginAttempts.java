package io.tradepilot.security.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts consecutive failed sign-ins per user, locks accounts by {@link LockoutPolicy}, audits. */
@Component
class LoginAttempts {

    static final String ACTION = "LOGIN";

    private final AppUserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    LoginAttempts(AppUserRepository users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long the user stays locked from now, empty when not locked or unknown. */
    @Transactional(readOnly = true)
    public Optional<Duration> remainingLock(String username) {
        Instant now = clock.instant();
        return users.findByUsername(username)
                .filter(user -> user.lockedAt(now))
                .map(user -> Duration.between(now, user.lockedUntil()));
    }

    /** Records a refused attempt on a locked account; it does not extend the lock. */
    public void recordRefusedWhileLocked(String username, String clientAddress, Duration remaining) {
        audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.RATE_LIMITED,
                "account locked for another " + LockoutPolicy.describe(remaining), clientAddress));
    }

    /** Records a wrong password; returns the lock it caused, if any. */
    @Transactional
    public Optional<Duration> recordFailure(String username, String clientAddress) {
        Optional<AppUser> found = users.findForUpdate(username);
        if (found.isEmpty()) {
            audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.FAILED,
                    "bad credentials", clientAddress));
            return Optional.empty();
        }
        AppUser user = found.get();
        Optional<Duration> lock = LockoutPolicy.lockAfter(user.failedLogins() + 1);
        user.recordFailure(lock.map(clock.instant()::plus).orElse(null));
        if (lock.isPresent()) {
            audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.RATE_LIMITED,
                    "bad credentials; " + user.failedLogins() + " consecutive failures, locked for "
                            + LockoutPolicy.describe(lock.get()), clientAddress));
        } else {
            audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.FAILED,
                    "bad credentials; " + user.failedLogins() + " consecutive failures", clientAddress));
        }
        return lock;
    }

    /** Records a refusal for another reason than the password (a disabled account). */
    public void recordRefused(String username, String clientAddress, String detail) {
        audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.DENIED, detail, clientAddress));
    }

    /** Records a successful sign-in and starts the failure count over. */
    @Transactional
    public void recordSuccess(String username, String clientAddress) {
        users.findForUpdate(username).ifPresent(AppUser::clearFailures);
        audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.SUCCESS, null, clientAddress));
    }
}
