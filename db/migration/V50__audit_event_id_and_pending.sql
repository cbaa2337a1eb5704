-- Durable audit (io.tradepilot.audit.AuditLog): every record carries an event id chosen by the application, so
-- a record kept in the local spool while the database was unreachable is written exactly once when it comes
-- back (the drain inserts ON CONFLICT (event_id)), and a change that may only be made once it is recorded is
-- written first as PENDING and completed with its outcome afterwards. Rows written before this migration have
-- no event id. Numbered 50 to stay clear of migrations other branches add meanwhile (Flyway allows gaps).
ALTER TABLE audit_event ADD COLUMN event_id UUID;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_event_id_key UNIQUE (event_id);
ALTER TABLE audit_event DROP CONSTRAINT audit_event_outcome_chk;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_outcome_chk
    CHECK (outcome IN ('SUCCESS', 'FAILED', 'DENIED', 'RATE_LIMITED', 'PENDING'));
