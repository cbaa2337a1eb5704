package io.tradepilot.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.Roles.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class LoginAttemptsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final AppUserRepository users = mock(AppUserRepository.class);
    private final AuditLog audit = mock(AuditLog.class);
    private Instant now = START;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AppUser alice = new AppUser("alice", "{noop}x", Role.OPERATOR, START);
    private LoginAttempts attempts;

    @BeforeEach
    void setUp() {
        when(users.findForUpdate("alice")).thenReturn(Optional.of(alice));
        when(users.findByUsername("alice")).thenReturn(Optional.of(alice));
        attempts = new LoginAttempts(users, audit, clock);
    }

    @Test
    void the_third_consecutive_failure_locks_the_account_for_thirty_seconds() {
        assertThat(attempts.recordFailure("alice", "10.0.0.1")).isEmpty();
        assertThat(attempts.recordFailure("alice", "10.0.0.1")).isEmpty();

        assertThat(attempts.recordFailure("alice", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(attempts.remainingLock("alice")).contains(Duration.ofSeconds(30));
    }

    @Test
    void the_lock_ends_when_its_time_has_passed_on_the_clock() {
        fail(3);

        now = START.plusSeconds(29);
        assertThat(attempts.remainingLock("alice")).contains(Duration.ofSeconds(1));
        now = START.plusSeconds(30);
        assertThat(attempts.remainingLock("alice")).isEmpty();
    }

    @Test
    void locks_grow_to_five_minutes_after_five_and_fifteen_minutes_after_seven_failures() {
        fail(4);
        assertThat(attempts.recordFailure("alice", null)).contains(Duration.ofMinutes(5));
        fail(1);
        assertThat(attempts.recordFailure("alice", null)).contains(Duration.ofMinutes(15));
        assertThat(attempts.recordFailure("alice", null)).contains(Duration.ofMinutes(15));
    }

    @Test
    void a_success_starts_the_count_over() {
        fail(2);
        attempts.recordSuccess("alice", null);

        assertThat(attempts.recordFailure("alice", null)).isEmpty();
        assertThat(alice.failedLogins()).isEqualTo(1);
    }

    @Test
    void a_lock_is_audited_as_rate_limited_with_the_client_address() {
        fail(2);
        attempts.recordFailure("alice", "192.0.2.4");

        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit, org.mockito.Mockito.times(3)).record(entries.capture());
        AuditEntry last = entries.getAllValues().getLast();
        assertThat(last.outcome()).isEqualTo(AuditOutcome.RATE_LIMITED);
        assertThat(last.action()).isEqualTo("LOGIN");
        assertThat(last.clientAddress()).isEqualTo("192.0.2.4");
        assertThat(last.detail()).contains("locked for 30 seconds");
    }

    @Test
    void failures_for_unknown_users_are_audited_without_locking_anything() {
        when(users.findForUpdate("mallory")).thenReturn(Optional.empty());

        assertThat(attempts.recordFailure("mallory", null)).isEmpty();
        verify(audit).record(any(AuditEntry.class));
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            attempts.recordFailure("alice", null);
        }
    }
}
