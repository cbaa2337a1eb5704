package io.tradepilot.security.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.LoginFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and client address and per account, locks by {@link LockoutPolicy},
 * audits every failure, lock and refusal ({@code LOGIN}, with the client address), and publishes each failure
 * as a {@link LoginFailed} event (the alerts count them).
 */
@Component
class LoginAttempts {

    static final String ACTION = "LOGIN";
    /** The address recorded when a sign-in comes without one. */
    static final String UNKNOWN_CLIENT = "unknown";

    /** A failure older than this no longer counts towards its address's lock. */
    private static final Duration FAILURES_KEPT_FOR = Duration.ofDays(1);

    private final AppUserRepository users;
    private final LoginClientRepository clients;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LoginAttempts(AppUserRepository users, LoginClientRepository clients, AuditLog audit, Clock clock) {
        this(users, clients, audit, clock, event -> { });
    }

    @Autowired
    LoginAttempts(AppUserRepository users, LoginClientRepository clients, AuditLog audit, Clock clock,
                  ApplicationEventPublisher events) {
        this.users = users;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /**
     * How long sign-ins to the user from this address stay refused from now: the address's own lock, or the
     * account's lock when the account has not signed in from this address lately; empty when neither is in
     * force or the user is unknown.
     */
    @Transactional(readOnly = true)
    public Optional<Duration> remainingLock(String username, String clientAddress) {
        Optional<AppUser> user = users.findByUsername(username);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<LoginClient> client = clients.findByUsernameAndClientAddress(username, key(clientAddress));
        Instant until = client.filter(c -> c.lockedAt(now)).map(LoginClient::lockedUntil).orElse(null);
        if (user.get().lockedAt(now) && !known(client, now)) {
            until = later(until, user.get().lockedUntil());
        }
        return Optional.ofNullable(until).map(end -> Duration.between(now, end));
    }

    /** Records a refused attempt while locked; it does not extend the lock. */
    public void recordRefusedWhileLocked(String username, String clientAddress, Duration remaining) {
        audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.RATE_LIMITED,
                "locked for another " + LockoutPolicy.describe(remaining), clientAddress));
    }

    /** Records a wrong password from an address; returns the lock that now refuses this address, if any. */
    @Transactional
    public Optional<Duration> recordFailure(String username, String clientAddress) {
        Optional<AppUser> found = users.findForUpdate(username);
        if (found.isEmpty()) {
            audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.FAILED,
                    "bad credentials", clientAddress));
            events.publishEvent(new LoginFailed(username, key(clientAddress), clock.instant()));
            return Optional.empty();
        }
        AppUser user = found.get();
        Instant now = clock.instant();
        clients.forgetStale(username, now, now.minus(FAILURES_KEPT_FOR), now.minus(LockoutPolicy.KNOWN_CLIENT_FOR));
        LoginClient client = clients.findByUsernameAndClientAddress(username, key(clientAddress))
                .orElseGet(() -> new LoginClient(username, key(clientAddress)));
        Optional<Duration> clientLock = LockoutPolicy.lockAfter(client.failures() + 1);
        client.recordFailure(now, clientLock.map(now::plus).orElse(null));
        clients.save(client);
        Optional<Duration> accountLock = LockoutPolicy.accountLockAfter(user.failedLogins() + 1);
        user.recordFailure(accountLock.map(now::plus).orElse(null));

        StringBuilder detail = new StringBuilder("bad credentials; ").append(client.failures())
                .append(" consecutive failures from this address, ").append(user.failedLogins())
                .append(" on the account since its last sign-in");
        clientLock.ifPresent(lock -> detail.append("; this address locked for ").append(LockoutPolicy.describe(lock)));
        accountLock.ifPresent(lock -> detail.append("; account locked for ").append(LockoutPolicy.describe(lock))
                .append(" for addresses it has not signed in from"));
        boolean locked = clientLock.isPresent() || accountLock.isPresent();
        audit.record(new AuditEntry(username, ACTION, username, null,
                locked ? AuditOutcome.RATE_LIMITED : AuditOutcome.FAILED, detail.toString(), clientAddress));
        events.publishEvent(new LoginFailed(username, key(clientAddress), now));

        Optional<Duration> accountLockHere = accountLock.filter(lock -> !known(Optional.of(client), now));
        return Stream.of(clientLock, accountLockHere).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    /** Records a refusal for another reason than the password (a disabled account). */
    public void recordRefused(String username, String clientAddress, String detail) {
        audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.DENIED, detail, clientAddress));
    }

    /**
     * Records a successful sign-in: the address's count and lock start over and it counts as the account's
     * own; the account's count (and its lock for unknown addresses) starts over too.
     */
    @Transactional
    public void recordSuccess(String username, String clientAddress) {
        users.findForUpdate(username).ifPresent(user -> {
            user.clearFailures();
            LoginClient client = clients.findByUsernameAndClientAddress(username, key(clientAddress))
                    .orElseGet(() -> new LoginClient(username, key(clientAddress)));
            client.recordSuccess(clock.instant());
            clients.save(client);
        });
        audit.record(new AuditEntry(username, ACTION, username, null, AuditOutcome.SUCCESS, null, clientAddress));
    }

    private static boolean known(Optional<LoginClient> client, Instant now) {
        return client.filter(c -> c.signedInSince(now.minus(LockoutPolicy.KNOWN_CLIENT_FOR))).isPresent();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static String key(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return UNKNOWN_CLIENT;
        }
        return clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
    }
}
