-- What the scheduled 3WI scan decided for each breakout setup (io.tradepilot.scheduler, docs/scheduler.md "Scan orders").
-- setup_id is deterministic: 3wi-<rules version>:<symbol>:<mother week Monday>, so a rerun of the scan or a restart
-- finds the same row. The primary key is the idempotency guard: the scan claims a setup by inserting it as TAKEN
-- (or turning a SKIPPED/REFUSED row into TAKEN) in one statement before it places the entry, so a setup is entered
-- at most once. state TAKEN (order_id: the entry order; null if the process died between claim and placement, which
-- is never retried), SKIPPED (reason: not qualified, orders switched off) or REFUSED (reason: the risk chain's code
-- and message). scan_id: the scan result that last decided it.
CREATE TABLE scan_setup (
    setup_id    VARCHAR(120)  PRIMARY KEY,
    symbol      VARCHAR(64)   NOT NULL,
    mother_week DATE          NOT NULL,
    scan_id     BIGINT        NOT NULL,
    state       VARCHAR(8)    NOT NULL,
    order_id    VARCHAR(120),
    reason      VARCHAR(1000) NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT scan_setup_state_chk CHECK (state IN ('TAKEN', 'SKIPPED', 'REFUSED'))
);
