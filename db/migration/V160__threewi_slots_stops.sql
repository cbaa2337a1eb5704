-- The 3WI live path, continued (io.tradepilot.scheduler, docs/scheduler.md).
-- 1. Scans at the document's times (09:25 and 15:10 exchange time): a scheduled scan is stored under its trading day and
--    slot (HH:MM); the unique key lets each (scanner, exchange, day, slot) be scanned once. completed_at is set when the
--    scan's decisions are recorded: a slot whose run died before that may be scanned again. Ad hoc scans have no slot.
ALTER TABLE scan_result ADD COLUMN trading_day  DATE;
ALTER TABLE scan_result ADD COLUMN slot         VARCHAR(5);
ALTER TABLE scan_result ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE scan_result ADD CONSTRAINT scan_result_slot_uq UNIQUE (scanner, exchange, trading_day, slot);

-- 2. An exit whose order ended without filling (cancelled, expired, rejected) is RELEASED, so a later bar may claim it again.
ALTER TABLE setup_exit DROP CONSTRAINT setup_exit_state_chk;
ALTER TABLE setup_exit ADD CONSTRAINT setup_exit_state_chk CHECK (state IN ('PLACED', 'REFUSED', 'RELEASED'));

-- 3. The stop of an entered trade moved (breakeven, trailing steps), once per trade and step: the primary key is the
--    claim. The moved stop applies to the bars that start after reached_bar (the bar that reached the step).
CREATE TABLE setup_stop (
    setup_id    VARCHAR(120)  NOT NULL,
    step        VARCHAR(16)   NOT NULL,
    stop        NUMERIC       NOT NULL,
    reached_bar TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    moved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (setup_id, step)
);
