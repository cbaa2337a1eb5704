-- The ledger writer's leader fence (LeaderLock.fence): the same two steps as the anonymous DO block it replaces, as
-- a procedure, so that PostgreSQL compiles its PL/pgSQL and plans its query once per session instead of on every
-- ledger transaction (the DO block cost ~0.2 ms of each transaction's ~1 ms on the server). CALL returns no rows,
-- so it still goes first in the transaction's JDBC batch. Takes the shared fence lock (held to the end of the
-- transaction), then fails with SQLSTATE TPL01 unless session leader_pid still holds the leader lock.
-- [jooq ignore start]
CREATE PROCEDURE ledger_fence(fence_high integer, fence_low integer, leader_classid bigint, leader_objid bigint,
                              leader_pid integer, leader_key bigint)
LANGUAGE plpgsql AS $fence$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(fence_high, fence_low);
    IF NOT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND classid::bigint = leader_classid
                   AND objid::bigint = leader_objid AND pid = leader_pid AND granted) THEN
        RAISE EXCEPTION USING ERRCODE = 'TPL01', MESSAGE = 'this instance no longer holds the engine leader lock ' || leader_key;
    END IF;
END
$fence$;
-- [jooq ignore stop]
