-- The journal's materialized round trips (io.tradepilot.journal, docs/journal.md "Storage"): one row per trade as
-- the journal's TradeBuilder computed it from the ledger's fills, written by JournalBook as fills arrive (open
-- trades included and rewritten as they change and close). A read model: it can always be rebuilt from the
-- ledger's fill table (the journal truncates and refills it when the ledger was reset).

CREATE TABLE journal_trade (
    trade_id        BIGINT       PRIMARY KEY,   -- seq of the fill that opened the trade
    symbol          VARCHAR(64)  NOT NULL,
    side            VARCHAR(5)   NOT NULL,      -- LONG, SHORT
    strategy        VARCHAR(64)  NOT NULL,
    mode            VARCHAR(5)   NOT NULL,      -- PAPER, LIVE
    status          VARCHAR(6)   NOT NULL,      -- OPEN, CLOSED
    outcome         VARCHAR(9)   NOT NULL,      -- WIN, LOSS, BREAKEVEN, OPEN
    trade_day       DATE         NOT NULL,      -- exit date, entry date while open (market zone)
    entry_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_price     NUMERIC      NOT NULL,
    exit_time       TIMESTAMP WITH TIME ZONE,
    exit_price      NUMERIC,
    quantity        NUMERIC      NOT NULL,
    open_quantity   NUMERIC      NOT NULL,
    gross_pnl       NUMERIC      NOT NULL,
    fees            NUMERIC      NOT NULL,
    net_pnl         NUMERIC      NOT NULL,
    holding_micros  BIGINT,                     -- exit_time - entry_time; null while open
    initial_risk    NUMERIC,
    r_multiple      NUMERIC,
    exit_reason     VARCHAR(32),
    replay_from     BIGINT       NOT NULL,      -- the fill from which the builder rebuilds this trade's position
    last_fill_seq   BIGINT       NOT NULL,
    tags            VARCHAR(40) ARRAY NOT NULL DEFAULT ARRAY[]::VARCHAR(40)[]  -- kept in step with journal_tag
);

-- One index per filter/sort access path (docs/journal.md, "Storage"); ties are broken by trade_id (TradeSort). A
-- column that can be null (exit time, R, holding) sorts NULLS LAST both ways, so its descending order needs an index
-- of its own; symbol and strategy pages default to the newest exit first.
CREATE INDEX journal_trade_exit_idx ON journal_trade (exit_time, trade_id);
CREATE INDEX journal_trade_entry_idx ON journal_trade (entry_time, trade_id);
CREATE INDEX journal_trade_day_idx ON journal_trade (trade_day);
CREATE INDEX journal_trade_net_idx ON journal_trade (net_pnl, trade_id);
CREATE INDEX journal_trade_r_idx ON journal_trade (r_multiple, trade_id);
CREATE INDEX journal_trade_quantity_idx ON journal_trade (quantity, trade_id);
CREATE INDEX journal_trade_holding_idx ON journal_trade (holding_micros, trade_id);
CREATE INDEX journal_trade_open_idx ON journal_trade (symbol) WHERE status = 'OPEN';
-- [jooq ignore start]
CREATE INDEX journal_trade_exit_desc_idx ON journal_trade (exit_time DESC NULLS LAST, trade_id DESC);
CREATE INDEX journal_trade_r_desc_idx ON journal_trade (r_multiple DESC NULLS LAST, trade_id DESC);
CREATE INDEX journal_trade_holding_desc_idx ON journal_trade (holding_micros DESC NULLS LAST, trade_id DESC);
CREATE INDEX journal_trade_symbol_idx ON journal_trade (symbol, exit_time DESC NULLS LAST, trade_id DESC);
CREATE INDEX journal_trade_strategy_idx ON journal_trade (strategy, exit_time DESC NULLS LAST, trade_id DESC);
-- the statistics' ordered pass over the closed trades without a heap visit
CREATE INDEX journal_trade_exit_stats_idx ON journal_trade (exit_time, trade_id) INCLUDE (net_pnl, fees, r_multiple, trade_day)
    WHERE status = 'CLOSED';
CREATE INDEX journal_trade_tags_idx ON journal_trade USING GIN (tags);
-- [jooq ignore stop]

-- The fills of each trade (a reversing fill appears in two trades with its share of quantity and commission).
CREATE TABLE journal_trade_fill (
    trade_id        BIGINT       NOT NULL,
    fill_seq        BIGINT       NOT NULL,
    order_id        VARCHAR(64)  NOT NULL,
    client_order_id VARCHAR(200) NOT NULL,
    filled_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    side            VARCHAR(4)   NOT NULL,
    role            VARCHAR(5)   NOT NULL,      -- ENTRY, EXIT
    quantity        NUMERIC      NOT NULL,
    price           NUMERIC      NOT NULL,
    commission      NUMERIC      NOT NULL,
    protective_stop NUMERIC,
    order_type      VARCHAR(16),
    strategy        VARCHAR(64),
    PRIMARY KEY (trade_id, fill_seq)
);

-- How far the table is: the last fill applied and its order id (to notice a reset ledger). One row.
CREATE TABLE journal_state (
    id              INTEGER      PRIMARY KEY CHECK (id = 1),
    last_seq        BIGINT       NOT NULL,
    last_order_id   VARCHAR(64)
);
INSERT INTO journal_state (id, last_seq, last_order_id) VALUES (1, -1, NULL);
