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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class LoginAttemptsTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final AppUserRepository users = mock(AppUserRepository.class);
    private final LoginClientRepository clients = mock(LoginClientRepository.class);
    private final Map<String, LoginClient> clientRows = new HashMap<>();
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
        when(clients.findByUsernameAndClientAddress(any(), any())).thenAnswer(call ->
                Optional.ofNullable(clientRows.get(call.getArgument(0) + "@" + call.getArgument(1))));
        when(clients.save(any())).thenAnswer(call -> {
            LoginClient row = call.getArgument(0);
            clientRows.put(row.username() + "@" + row.clientAddress(), row);
            return row;
        });
        attempts = new LoginAttempts(users, clients, audit, clock);
    }

    @Test
    void the_third_consecutive_failure_locks_the_account_for_thirty_seconds() {
        assertThat(attempts.recordFailure("alice", "10.0.0.1")).isEmpty();
        assertThat(attempts.recordFailure("alice", "10.0.0.1")).isEmpty();

        assertThat(attempts.recordFailure("alice", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(attempts.remainingLock("alice", "10.0.0.1")).contains(Duration.ofSeconds(30));
    }

    @Test
    void a_lock_binds_only_the_address_that_failed() {
        for (int i = 0; i < 7; i++) {
            attempts.recordFailure("alice", "203.0.113.9");
        }

        assertThat(attempts.remainingLock("alice", "203.0.113.9")).contains(Duration.ofMinutes(15));
        assertThat(attempts.remainingLock("alice", "10.0.0.1")).isEmpty();
        assertThat(attempts.remainingLock("alice", null)).isEmpty();
    }

    @Test
    void a_success_from_another_address_leaves_the_failing_address_locked() {
        fail(3, "203.0.113.9");

        attempts.recordSuccess("alice", "10.0.0.1");

        assertThat(attempts.remainingLock("alice", "203.0.113.9")).contains(Duration.ofSeconds(30));
        assertThat(attempts.remainingLock("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void failures_spread_over_many_addresses_lock_the_account_for_unknown_addresses_only() {
        attempts.recordSuccess("alice", "10.0.0.1");
        for (int i = 1; i < LockoutPolicy.ACCOUNT_THRESHOLD; i++) {
            assertThat(attempts.recordFailure("alice", "198.51.100." + i)).isEmpty();
        }

        assertThat(attempts.recordFailure("alice", "198.51.100.200")).contains(Duration.ofMinutes(15));

        assertThat(attempts.remainingLock("alice", "198.51.100.201")).as("a new address").contains(Duration.ofMinutes(15));
        assertThat(attempts.remainingLock("alice", "10.0.0.1")).as("the owner's address").isEmpty();
    }

    @Test
    void an_address_stops_being_the_owners_ninety_days_after_its_last_sign_in() {
        attempts.recordSuccess("alice", "10.0.0.1");
        now = START.plus(Duration.ofDays(91));
        for (int i = 0; i < LockoutPolicy.ACCOUNT_THRESHOLD; i++) {
            attempts.recordFailure("alice", "198.51.100." + i);
        }

        assertThat(attempts.remainingLock("alice", "10.0.0.1")).contains(Duration.ofMinutes(15));
    }

    @Test
    void the_lock_ends_when_its_time_has_passed_on_the_clock() {
        fail(3);

        now = START.plusSeconds(29);
        assertThat(attempts.remainingLock("alice", null)).contains(Duration.ofSeconds(1));
        now = START.plusSeconds(30);
        assertThat(attempts.remainingLock("alice", null)).isEmpty();
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
        assertThat(clientRows.get("alice@unknown").failures()).isEqualTo(1);
        assertThat(alice.failedLogins()).isEqualTo(1);
    }

    @Test
    void a_lock_is_audited_as_rate_limited_with_the_client_address() {
        fail(2, "192.0.2.4");
        attempts.recordFailure("alice", "192.0.2.4");

        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(audit, org.mockito.Mockito.times(3)).record(entries.capture());
        AuditEntry last = entries.getAllValues().getLast();
        assertThat(last.outcome()).isEqualTo(AuditOutcome.RATE_LIMITED);
        assertThat(last.action()).isEqualTo("LOGIN");
        assertThat(last.clientAddress()).isEqualTo("192.0.2.4");
        assertThat(last.detail()).contains("3 consecutive failures from this address")
                .contains("this address locked for 30 seconds");
    }

    @Test
    void failures_for_unknown_users_are_audited_without_locking_anything() {
        when(users.findForUpdate("mallory")).thenReturn(Optional.empty());

        assertThat(attempts.recordFailure("mallory", null)).isEmpty();
        verify(audit).record(any(AuditEntry.class));
    }

    private void fail(int times) {
        fail(times, null);
    }

    private void fail(int times, String clientAddress) {
        for (int i = 0; i < times; i++) {
            attempts.recordFailure("alice", clientAddress);
        }
    }
}
