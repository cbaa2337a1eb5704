-- Webhook signal strategies (io.tradepilot.signals): strategies whose signals arrive from outside (TradingView,
-- ChartInk) on POST /api/v1/signals/{id}, and every signal received, whatever became of it.

-- One webhook strategy. secret is sealed with AES-GCM (io.tradepilot.security.SecretBox, bound to the strategy id),
-- never stored in the clear. symbol_map: one "TICKER=SYMBOL" per line (the payload's ticker to a traded symbol).
-- quantity_mode FIXED: quantity per order; RISK: floor(risk_amount / (price x stop_percent / 100)).
-- allowed_actions: comma-separated BUY, SELL, SHORT, COVER.
CREATE TABLE signal_strategy (
    id              VARCHAR(40)   PRIMARY KEY,
    name            VARCHAR(80)   NOT NULL,
    secret          VARCHAR(1000) NOT NULL,
    symbol_map      VARCHAR(4000) NOT NULL,
    quantity_mode   VARCHAR(8)    NOT NULL,
    quantity        NUMERIC(20, 8),
    risk_amount     NUMERIC(20, 4),
    stop_percent    NUMERIC(10, 4),
    allowed_actions VARCHAR(64)   NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(100)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT signal_strategy_mode_chk CHECK (quantity_mode IN ('FIXED', 'RISK'))
);

-- Every signal received, also malformed, unauthenticated and refused ones. strategy_id is what the URL named (no
-- foreign key: an unknown strategy is recorded too). payload: the body, secrets redacted, cut to 4000 characters;
-- payload_size: its length in bytes. outcome PLACED (order_ids), REFUSED (code, detail) or MALFORMED.
CREATE TABLE signal_event (
    id             BIGSERIAL     PRIMARY KEY,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    strategy_id    VARCHAR(100)  NOT NULL,
    format         VARCHAR(16),
    payload        VARCHAR(4000) NOT NULL,
    payload_size   INTEGER       NOT NULL,
    payload_hash   VARCHAR(64)   NOT NULL,
    action         VARCHAR(8),
    symbols        VARCHAR(400),
    outcome        VARCHAR(12)   NOT NULL,
    code           VARCHAR(40),
    detail         VARCHAR(1000),
    order_ids      VARCHAR(1000),
    client_address VARCHAR(64),
    CONSTRAINT signal_event_outcome_chk CHECK (outcome IN ('PLACED', 'REFUSED', 'MALFORMED'))
);
CREATE INDEX signal_event_received_idx ON signal_event (received_at);

-- Payloads already taken, per strategy (idempotency: a payload seen before is refused as a replay).
CREATE TABLE signal_seen (
    strategy_id  VARCHAR(40) NOT NULL,
    payload_hash VARCHAR(64) NOT NULL,
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (strategy_id, payload_hash)
);
