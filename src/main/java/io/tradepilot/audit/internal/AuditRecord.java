package io.tradepilot.audit.internal;

import io.tradepilot.audit.AuditEntry;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One audit record as written to the store or the spool: the entry, the moment of the attempt and the event id
 * that makes writing it again harmless (the store keeps one row per event id). Its texts are storable as they are
 * ({@link JooqAuditStore#storable}): the spool and the store hold the same characters.
 */
record AuditRecord(UUID eventId, Instant occurredAt, AuditEntry entry) {

    AuditRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(entry, "entry");
        entry = new AuditEntry(JooqAuditStore.storable(entry.username()), JooqAuditStore.storable(entry.action()),
                JooqAuditStore.storable(entry.target()), JooqAuditStore.storable(entry.reason()), entry.outcome(),
                JooqAuditStore.storable(entry.detail()), JooqAuditStore.storable(entry.clientAddress()));
    }
}
