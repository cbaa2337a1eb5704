-- PAPER or LIVE (io.tradepilot.controls.TradingModes): one row. PAPER is the default; LIVE is switched on by an admin
-- behind the gates of docs/brokers.md ("LIVE mode") and starts at a reduced size factor (0.10) the admin raises in
-- steps (0.25, 0.50, 1.00). Every change is in the audit log. Numbered 92 to stay clear of other branches' migrations.
CREATE TABLE trading_mode (
    id           SMALLINT      PRIMARY KEY,
    mode         VARCHAR(8)    NOT NULL,
    size_factor  NUMERIC(4, 2) NOT NULL,
    changed_by   VARCHAR(100)  NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason       VARCHAR(2000),
    CONSTRAINT trading_mode_single_row CHECK (id = 1),
    CONSTRAINT trading_mode_mode_chk CHECK (mode IN ('PAPER', 'LIVE')),
    CONSTRAINT trading_mode_factor_chk CHECK (size_factor > 0 AND size_factor <= 1)
);

INSERT INTO trading_mode (id, mode, size_factor, changed_by, changed_at, reason)
VALUES (1, 'PAPER', 1.00, 'system', CURRENT_TIMESTAMP, 'default');
