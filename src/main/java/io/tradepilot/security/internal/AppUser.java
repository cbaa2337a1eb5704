package io.tradepilot.security.internal;

import io.tradepilot.security.Roles.Role;
import io.tradepilot.security.UserSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code app_user}. */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, Role role, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    boolean enabled() {
        return enabled;
    }

    int failedLogins() {
        return failedLogins;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        clearFailures();
    }

    void changeRole(Role newRole) {
        this.role = newRole;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (enabled) {
            clearFailures();
        }
    }

    /** Counts one more consecutive failure and locks until {@code until} when it is not null. */
    void recordFailure(Instant until) {
        this.failedLogins++;
        if (until != null) {
            this.lockedUntil = until;
        }
    }

    void clearFailures() {
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    UserSummary summary() {
        return new UserSummary(username, role, enabled, lockedUntil, failedLogins, createdAt, passwordChangedAt);
    }
}
