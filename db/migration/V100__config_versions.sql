-- Stored, immutable configuration versions (io.tradepilot.strategies): strategy configurations (kind
-- STRATEGY, key = the strategy id) and the risk limits (kind RISK, key 'limits'). A version is never
-- updated: an edit, a clone and a rollback each add one. The document is YAML that passed the validator
-- when stored (it is validated again before it is applied).
CREATE TABLE config_version (
    kind        VARCHAR(16)    NOT NULL,
    config_key  VARCHAR(64)    NOT NULL,
    version     INTEGER        NOT NULL,
    document    VARCHAR(20000) NOT NULL,
    based_on    INTEGER,
    created_by  VARCHAR(100)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(2000)  NOT NULL,
    PRIMARY KEY (kind, config_key, version)
);

-- Every application of a version to the engine, newest last: the latest row per (kind, key) is what an
-- engine start runs.
CREATE TABLE config_applied (
    seq         BIGSERIAL      PRIMARY KEY,
    kind        VARCHAR(16)    NOT NULL,
    config_key  VARCHAR(64)    NOT NULL,
    version     INTEGER        NOT NULL,
    applied_by  VARCHAR(100)   NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(2000)  NOT NULL,
    live        BOOLEAN        NOT NULL,
    FOREIGN KEY (kind, config_key, version) REFERENCES config_version (kind, config_key, version)
);
CREATE INDEX config_applied_key_idx ON config_applied (kind, config_key, seq);
