-- Broker accounts (io.tradepilot.brokers): the venue accounts an admin connects on the Connections page, and which
-- one the engine trades through. Numbered 85 to stay clear of migrations other branches add meanwhile.

-- One account at a broker. Every base URL is per account, so an account points at the broker's paper or live
-- endpoints or at a local stand-in. key_id, secret and access_token are sealed with AES-GCM
-- (io.tradepilot.security.SecretBox, bound to the account's broker and the field), never stored in the clear.
-- last_test_*: the outcome of the last "test connection" (or of opening the account's session).
CREATE TABLE broker_account (
    id                      BIGSERIAL     PRIMARY KEY,
    broker                  VARCHAR(16)   NOT NULL,
    name                    VARCHAR(64)   NOT NULL,
    environment             VARCHAR(8)    NOT NULL,
    trading_url             VARCHAR(500)  NOT NULL,
    market_data_url         VARCHAR(500)  NOT NULL,
    trade_stream_url        VARCHAR(500),
    data_stream_url         VARCHAR(500),
    data_feed               VARCHAR(16),
    key_id                  VARCHAR(4000) NOT NULL,
    secret                  VARCHAR(4000) NOT NULL,
    access_token            VARCHAR(4000),
    access_token_expires_at TIMESTAMP WITH TIME ZONE,
    enabled                 BOOLEAN       NOT NULL,
    last_test_at            TIMESTAMP WITH TIME ZONE,
    last_test_ok            BOOLEAN,
    last_error              VARCHAR(1000),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by              VARCHAR(100)  NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT broker_account_name_key UNIQUE (name),
    CONSTRAINT broker_account_broker_chk CHECK (broker IN ('ALPACA', 'KITE')),
    CONSTRAINT broker_account_environment_chk CHECK (environment IN ('PAPER', 'LIVE'))
);

-- The account the engine trades through: at most one row (id 1), so at most one active account; none means the
-- built-in paper venue. Deleting the account deletes the row.
CREATE TABLE broker_active_account (
    id          INTEGER      PRIMARY KEY,
    account_id  BIGINT       NOT NULL REFERENCES broker_account (id) ON DELETE CASCADE,
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT broker_active_account_one_row CHECK (id = 1)
);
