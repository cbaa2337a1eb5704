-- The 3WI live path (io.tradepilot.scheduler, docs/scheduler.md "Scan orders", "Stops and targets", "Near-breakout watch").
-- scan_setup keeps the plan a TAKEN setup was entered with (side, quantity, stop, targets), so the exit watch can
-- manage the trade after a restart, and what became of the trade (exit_state OPEN / EXITED, exit_reason).
ALTER TABLE scan_setup ADD COLUMN side        VARCHAR(4);
ALTER TABLE scan_setup ADD COLUMN quantity    NUMERIC;
ALTER TABLE scan_setup ADD COLUMN entry       NUMERIC;
ALTER TABLE scan_setup ADD COLUMN stop        NUMERIC;
ALTER TABLE scan_setup ADD COLUMN target1     NUMERIC;
ALTER TABLE scan_setup ADD COLUMN target2     NUMERIC;
ALTER TABLE scan_setup ADD COLUMN exit_state  VARCHAR(8);
ALTER TABLE scan_setup ADD COLUMN exit_reason VARCHAR(1000);

-- One row per exit of a 3WI trade: kind EXIT (the whole remaining position: stop, target 2 or the tracker's exit) or
-- BOOK (target 1: half of the entry quantity). The primary key is the idempotency guard: the exit is claimed here
-- (state PLACED) in one statement before its order is placed, so no rerun, restart or second instance places it twice.
-- A refusal (state REFUSED) may be claimed again by a later check; a claim without an order (the process died between
-- claim and placement) is never retried.
CREATE TABLE setup_exit (
    setup_id   VARCHAR(120)  NOT NULL,
    kind       VARCHAR(8)    NOT NULL,
    symbol     VARCHAR(64)   NOT NULL,
    trigger    VARCHAR(16)   NOT NULL,
    side       VARCHAR(4)    NOT NULL,
    quantity   NUMERIC       NOT NULL,
    state      VARCHAR(8)    NOT NULL,
    order_id   VARCHAR(120),
    reason     VARCHAR(1000) NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (setup_id, kind),
    CONSTRAINT setup_exit_kind_chk CHECK (kind IN ('EXIT', 'BOOK')),
    CONSTRAINT setup_exit_state_chk CHECK (state IN ('PLACED', 'REFUSED'))
);

-- What the position tracker did with a finding: alert only, or the exit it placed (and for which setup).
ALTER TABLE position_check ADD COLUMN action VARCHAR(400);

-- The near-breakout watch: setups not broken out whose price is within 1 % of the trigger, per day and setup
-- (a rerun the same day replaces the day's row).
CREATE TABLE near_breakout (
    day          DATE          NOT NULL,
    setup_id     VARCHAR(120)  NOT NULL,
    symbol       VARCHAR(64)   NOT NULL,
    direction    VARCHAR(4)    NOT NULL,
    mother_high  NUMERIC       NOT NULL,
    mother_low   NUMERIC       NOT NULL,
    price        NUMERIC       NOT NULL,
    price_source VARCHAR(16)   NOT NULL,
    distance_pct NUMERIC       NOT NULL,
    quality      INTEGER       NOT NULL,
    checked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (day, setup_id)
);
