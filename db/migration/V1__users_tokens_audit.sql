-- Users of the web application and the REST API. Passwords are bcrypt hashes.
CREATE TABLE app_user (
    id                  BIGSERIAL PRIMARY KEY,
    username            VARCHAR(64)  NOT NULL UNIQUE,
    password_hash       VARCHAR(100) NOT NULL,
    role                VARCHAR(16)  NOT NULL,
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins       INTEGER      NOT NULL DEFAULT 0,
    locked_until        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT app_user_role_chk CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER'))
);

-- Personal API tokens: only a SHA-256 hash of the secret is stored.
CREATE TABLE api_token (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES app_user (id),
    name         VARCHAR(64)  NOT NULL,
    token_prefix VARCHAR(16)  NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- Every attempted state change, allowed or denied.
CREATE TABLE audit_event (
    id             BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    username       VARCHAR(64)   NOT NULL,
    action         VARCHAR(64)   NOT NULL,
    target         VARCHAR(200)  NOT NULL,
    reason         VARCHAR(2000),
    outcome        VARCHAR(16)   NOT NULL,
    detail         VARCHAR(2000),
    client_address VARCHAR(64),
    CONSTRAINT audit_event_outcome_chk CHECK (outcome IN ('SUCCESS', 'FAILED', 'DENIED', 'RATE_LIMITED'))
);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at);
