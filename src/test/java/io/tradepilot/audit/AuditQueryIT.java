package io.tradepilot.audit;

import io.tradepilot.testing.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit log read back for the Audit view: filters, newest first, paging, operator+ only. */
class AuditQueryIT extends IntegrationTestSupport {

    @Autowired
    AuditLog log;
    @Autowired
    AuditQuery query;

    @Test
    void records_are_filtered_by_time_user_action_and_outcome_and_paged_newest_first() {
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = clock.instant();
        for (int i = 0; i < 5; i++) {
            log.record(new AuditEntry(alice, "KILL_SWITCH_ENGAGE", "kill_switch", "r" + i, AuditOutcome.SUCCESS, null, "10.0.0.1"));
            clock.advance(Duration.ofMinutes(1));
        }
        log.record(new AuditEntry(bob, "KILL_SWITCH_DISENGAGE", "kill_switch", "nope", AuditOutcome.DENIED, null, null));
        clock.advance(Duration.ofMinutes(1));
        log.record(new AuditEntry(alice, "CIRCUIT_BREAKER_RESET", "circuit_breaker", "x", AuditOutcome.RATE_LIMITED, null, null));

        var operator = users.operator();
        users.as(operator, () -> {
            var byAlice = new AuditQuery.Filter(start, null, alice.toUpperCase(), null, null);
            assertThat(query.count(byAlice)).isEqualTo(6);
            var firstPage = query.find(byAlice, 0, 4);
            assertThat(firstPage).extracting(AuditQuery.Row::action).first().isEqualTo("CIRCUIT_BREAKER_RESET");
            assertThat(firstPage).hasSize(4);
            assertThat(query.find(byAlice, 4, 4)).extracting(AuditQuery.Row::reason).containsExactly("r1", "r0");

            assertThat(query.count(new AuditQuery.Filter(start, null, null, "KILL_SWITCH_DISENGAGE", AuditOutcome.DENIED)))
                    .isEqualTo(1);
            assertThat(query.count(new AuditQuery.Filter(start, null, alice, null, AuditOutcome.RATE_LIMITED))).isEqualTo(1);
            assertThat(query.count(new AuditQuery.Filter(start.plus(Duration.ofMinutes(1)),
                    start.plus(Duration.ofMinutes(3)), alice, null, null))).isEqualTo(2);
            assertThat(query.actions()).contains("KILL_SWITCH_ENGAGE", "CIRCUIT_BREAKER_RESET");
        });
    }

    @Test
    void a_viewer_may_not_read_the_audit_log() {
        assertThatThrownBy(() -> users.as(users.viewer(), () -> query.count(AuditQuery.Filter.any())))
                .isInstanceOf(AccessDeniedException.class);
    }
}
