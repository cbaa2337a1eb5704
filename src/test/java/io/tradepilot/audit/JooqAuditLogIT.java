package io.tradepilot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.testing.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class JooqAuditLogIT extends IntegrationTestSupport {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void an_entry_is_stored_with_every_field_and_the_time_of_the_application_clock() {
        clock.advance(Duration.ofDays(3));
        Instant expected = clock.instant();

        String user = "alice-" + java.util.UUID.randomUUID();
        audit.record(new AuditEntry(user, "AUDIT_FIELDS_CHECK", "kill-switch", "reason given",
                AuditOutcome.DENIED, "role VIEWER", "10.0.0.7"));

        Map<String, Object> row = jdbc.queryForMap(
                "select * from audit_event where username = ?", user);
        assertThat(row).containsEntry("username", user).containsEntry("target", "kill-switch")
                .containsEntry("reason", "reason given").containsEntry("outcome", "DENIED")
                .containsEntry("detail", "role VIEWER").containsEntry("client_address", "10.0.0.7");
        Instant stored = ((java.sql.Timestamp) row.get("occurred_at")).toInstant();
        assertThat(Duration.between(expected, stored).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void an_entry_survives_the_rollback_of_the_callers_transaction() {
        String user = "bob-" + java.util.UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            audit.record(new AuditEntry(user, "AUDIT_ROLLBACK_CHECK", "x", null, AuditOutcome.FAILED, null, null));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ?", Long.class, user))
                .isEqualTo(1L);
    }

    @Test
    void overlong_texts_are_cut_to_the_column_sizes_instead_of_failing() {
        String user = "carol-" + java.util.UUID.randomUUID();
        audit.record(new AuditEntry(user, "AUDIT_LENGTH_CHECK", "t".repeat(500), "r".repeat(5000),
                AuditOutcome.SUCCESS, null, null));

        assertThat(jdbc.queryForObject("select length(reason) from audit_event where username = ?",
                Integer.class, user)).isEqualTo(2000);
    }
}
