-- Reconciliation with the broker (io.tradepilot.reconciliation): each run, and each difference between the ledger and
-- the broker's book that a run could not explain by a missed fill. A difference stays open (and new entries held)
-- until an admin adopts, closes or ignores it, or a later run no longer finds it (CLEARED). Numbered 91 to stay clear
-- of other branches' migrations.
CREATE TABLE reconciliation_run (
    id                BIGSERIAL     PRIMARY KEY,
    account_id        VARCHAR(64),
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome           VARCHAR(16)   NOT NULL,
    backfilled        INTEGER       NOT NULL,
    open_mismatches   INTEGER       NOT NULL,
    detail            VARCHAR(2000),
    CONSTRAINT reconciliation_run_outcome_chk CHECK (outcome IN ('CLEAN', 'MISMATCH', 'NO_VENUE', 'FAILED'))
);

CREATE TABLE reconciliation_mismatch (
    id                BIGSERIAL     PRIMARY KEY,
    kind              VARCHAR(32)   NOT NULL,
    mismatch_key      VARCHAR(200)  NOT NULL,
    symbol            VARCHAR(64),
    exchange          VARCHAR(32),
    ledger_value      NUMERIC,
    broker_value      NUMERIC,
    broker_price      NUMERIC,
    detail            VARCHAR(2000) NOT NULL,
    found_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution        VARCHAR(16),
    resolved_by       VARCHAR(100),
    resolved_at       TIMESTAMP WITH TIME ZONE,
    resolution_reason VARCHAR(2000),
    CONSTRAINT reconciliation_mismatch_kind_chk CHECK (kind IN ('POSITION', 'ORDER_UNKNOWN_IN_LEDGER', 'ORDER_NOT_AT_BROKER', 'CASH', 'MISSED_FILL')),
    CONSTRAINT reconciliation_mismatch_resolution_chk CHECK (resolution IS NULL OR resolution IN ('ADOPTED', 'CLOSED', 'IGNORED', 'CLEARED'))
);

CREATE INDEX reconciliation_mismatch_open_idx ON reconciliation_mismatch (resolution, kind, mismatch_key);
