-- The runbook (io.tradepilot.runbook): the daily pre-flight checklist and incidents.

-- A manual pre-flight item ticked by one user for one trading day (exchange date). Unticking deletes the row.
CREATE TABLE preflight_tick (
    day             DATE           NOT NULL,
    username        VARCHAR(100)   NOT NULL,
    item            VARCHAR(60)    NOT NULL,
    ticked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (day, username, item)
);

-- A user's completed pre-flight for a day: every automatic check passed and every manual item was ticked at
-- that moment; evidence holds what each automatic check showed then.
CREATE TABLE preflight_completion (
    day             DATE           NOT NULL,
    username        VARCHAR(100)   NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence        VARCHAR(8000)  NOT NULL,
    PRIMARY KEY (day, username)
);

-- Who reviewed which version (fingerprint) of the risk limits, and when.
CREATE TABLE risk_limits_review (
    id              BIGSERIAL PRIMARY KEY,
    fingerprint     VARCHAR(64)    NOT NULL,
    username        VARCHAR(100)   NOT NULL,
    reviewed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX risk_limits_review_fingerprint_idx ON risk_limits_review (fingerprint);

-- An incident: opened (optionally from an alert), a timeline of entries, closed with a resolution.
CREATE TABLE incident (
    id              BIGSERIAL PRIMARY KEY,
    title           VARCHAR(200)   NOT NULL,
    status          VARCHAR(10)    NOT NULL,
    alert_id        BIGINT,
    opened_by       VARCHAR(100)   NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_by       VARCHAR(100),
    closed_at       TIMESTAMP WITH TIME ZONE,
    resolution      VARCHAR(4000)
);
CREATE INDEX incident_alert_idx ON incident (alert_id);

CREATE TABLE incident_entry (
    id              BIGSERIAL PRIMARY KEY,
    incident_id     BIGINT         NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    username        VARCHAR(100)   NOT NULL,
    body            VARCHAR(4000)  NOT NULL
);
CREATE INDEX incident_entry_incident_idx ON incident_entry (incident_id);
