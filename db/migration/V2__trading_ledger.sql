-- The trading ledger written by the engine host (io.tradepilot.trading). Money, prices and quantities
-- are exact NUMERIC without a fixed scale (average prices carry as many digits as the engine's);
-- times are TIMESTAMP WITH TIME ZONE. Rows are written from the engine's events, in the order the
-- engine published them, one transaction per batch.

-- Every order the engine accepted or rejected, with its deterministic client order id. A row is
-- written (and committed) before the paper broker may execute the order.
CREATE TABLE trade_order (
    order_id        VARCHAR(64)    PRIMARY KEY,
    client_order_id VARCHAR(200)   NOT NULL UNIQUE,
    strategy        VARCHAR(64)    NOT NULL,
    symbol          VARCHAR(64)    NOT NULL,
    exchange        VARCHAR(16)    NOT NULL,
    side            VARCHAR(4)     NOT NULL,
    quantity        NUMERIC NOT NULL,
    order_type      VARCHAR(16)    NOT NULL,
    limit_price     NUMERIC,
    stop_price      NUMERIC,
    time_in_force   VARCHAR(8)     NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    filled_quantity NUMERIC NOT NULL,
    status_reason   VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT trade_order_side_chk CHECK (side IN ('BUY', 'SELL'))
);
CREATE INDEX trade_order_status_idx ON trade_order (status);
CREATE INDEX trade_order_created_idx ON trade_order (created_at);

-- Every state change of an order (and rejections, which have no order row), in engine order.
CREATE TABLE order_event (
    id              BIGSERIAL      PRIMARY KEY,
    order_id        VARCHAR(64),
    client_order_id VARCHAR(200),
    event_type      VARCHAR(32)    NOT NULL,
    status          VARCHAR(16),
    detail          VARCHAR(500),
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX order_event_order_idx ON order_event (order_id);

-- Executions, in engine order (seq); replaying them rebuilds cash and positions exactly.
CREATE TABLE fill (
    seq             BIGINT         PRIMARY KEY,
    order_id        VARCHAR(64)    NOT NULL REFERENCES trade_order (order_id),
    client_order_id VARCHAR(200)   NOT NULL,
    symbol          VARCHAR(64)    NOT NULL,
    side            VARCHAR(4)     NOT NULL,
    quantity        NUMERIC NOT NULL,
    price           NUMERIC NOT NULL,
    commission      NUMERIC NOT NULL,
    protective_stop NUMERIC,
    filled_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX fill_order_idx ON fill (order_id);

-- The current net position per symbol (signed quantity; average-cost realized P&L, cumulative).
CREATE TABLE position (
    symbol          VARCHAR(64)    PRIMARY KEY,
    quantity        NUMERIC NOT NULL,
    average_price   NUMERIC NOT NULL,
    realized_pnl    NUMERIC NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Closed FIFO round trips.
CREATE TABLE round_trip (
    id              BIGSERIAL      PRIMARY KEY,
    strategy        VARCHAR(64)    NOT NULL,
    symbol          VARCHAR(64)    NOT NULL,
    direction       VARCHAR(4)     NOT NULL,
    entry_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_price     NUMERIC NOT NULL,
    exit_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    exit_price      NUMERIC NOT NULL,
    quantity        NUMERIC NOT NULL,
    gross_pnl       NUMERIC NOT NULL,
    fees            NUMERIC NOT NULL,
    net_pnl         NUMERIC NOT NULL
);
CREATE INDEX round_trip_exit_idx ON round_trip (exit_time);

-- Portfolio equity at bar times (market time), for the equity curve and daily P&L.
CREATE TABLE equity_snapshot (
    at              TIMESTAMP WITH TIME ZONE PRIMARY KEY,
    cash            NUMERIC NOT NULL,
    equity          NUMERIC NOT NULL,
    realized_pnl    NUMERIC NOT NULL,
    unrealized_pnl  NUMERIC NOT NULL,
    drawdown        NUMERIC NOT NULL,
    day_start_equity NUMERIC NOT NULL
);

-- Per strategy and trading day (market zone): closed round trips and their P&L.
CREATE TABLE strategy_day (
    strategy        VARCHAR(64)    NOT NULL,
    trading_day     DATE           NOT NULL,
    trades          INTEGER        NOT NULL,
    wins            INTEGER        NOT NULL,
    gross_pnl       NUMERIC NOT NULL,
    fees            NUMERIC NOT NULL,
    net_pnl         NUMERIC NOT NULL,
    PRIMARY KEY (strategy, trading_day)
);

-- The last bar the engine finished per symbol, written in the same transaction as that bar's events:
-- after a restart the feed resumes after it and the strategies warm up on the bars up to it.
CREATE TABLE feed_checkpoint (
    symbol          VARCHAR(64)    PRIMARY KEY,
    last_bar_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    bars            BIGINT         NOT NULL
);
