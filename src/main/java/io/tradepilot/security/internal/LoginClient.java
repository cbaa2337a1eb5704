package io.tradepilot.security.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code login_client}: one account's sign-ins from one client address, its consecutive failures
 * and its own lock ({@link LockoutPolicy#lockAfter}), and when it last signed in there.
 */
@Entity
@Table(name = "login_client")
class LoginClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "client_address", nullable = false, length = 64)
    private String clientAddress;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    protected LoginClient() {
    }

    LoginClient(String username, String clientAddress) {
        this.username = username;
        this.clientAddress = clientAddress;
    }

    String username() {
        return username;
    }

    String clientAddress() {
        return clientAddress;
    }

    int failures() {
        return failures;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Whether the account signed in from this address since {@code since}. */
    boolean signedInSince(Instant since) {
        return lastSuccessAt != null && !lastSuccessAt.isBefore(since);
    }

    /** Counts one more consecutive failure and locks until {@code until} when it is not null. */
    void recordFailure(Instant now, Instant until) {
        failures++;
        lastFailureAt = now;
        if (until != null) {
            lockedUntil = until;
        }
    }

    void recordSuccess(Instant now) {
        failures = 0;
        lockedUntil = null;
        lastSuccessAt = now;
    }
}
