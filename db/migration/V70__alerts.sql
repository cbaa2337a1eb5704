-- Alerts (io.tradepilot.alerts): channels that reach people, rules that decide what is worth telling, the alerts
-- raised and, per alert and channel, one delivery row: the transactional outbox a background sender works off.
-- Numbered 70 to stay clear of migrations other branches add meanwhile (Flyway allows gaps).

-- A place alerts go. settings: the channel's non-secret settings as JSON (chat id, recipients, API base URL,
-- webhook format, the webhook URL's shown part). secret: the channel's secret (bot token, SMTP password, the
-- full webhook URL) sealed with AES-GCM (io.tradepilot.alerts.internal.SecretBox), never stored in the clear.
CREATE TABLE alert_channel (
    id               BIGSERIAL     PRIMARY KEY,
    name             VARCHAR(64)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    enabled          BOOLEAN       NOT NULL,
    min_severity     VARCHAR(16)   NOT NULL,
    rate_per_minute  INTEGER       NOT NULL,
    settings         VARCHAR(4000) NOT NULL,
    secret           VARCHAR(4000),
    updated_by       VARCHAR(100)  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_channel_name_key UNIQUE (name),
    CONSTRAINT alert_channel_kind_chk CHECK (kind IN ('TELEGRAM', 'EMAIL', 'WEBHOOK')),
    CONSTRAINT alert_channel_severity_chk CHECK (min_severity IN ('INFO', 'WARNING', 'CRITICAL')),
    CONSTRAINT alert_channel_rate_chk CHECK (rate_per_minute BETWEEN 1 AND 600)
);

-- One rule per kind of fact; the application knows the rules (io.tradepilot.alerts.AlertRule), the table holds
-- how each is set: on or off, the severity it raises, and the de-duplication window (same rule and key).
CREATE TABLE alert_rule (
    rule             VARCHAR(48)   PRIMARY KEY,
    enabled          BOOLEAN       NOT NULL,
    severity         VARCHAR(16)   NOT NULL,
    dedup_seconds    INTEGER       NOT NULL,
    updated_by       VARCHAR(100)  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_rule_severity_chk CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    CONSTRAINT alert_rule_dedup_chk CHECK (dedup_seconds BETWEEN 0 AND 86400)
);

-- Quiet hours (one row, id 1): alerts below CRITICAL raised between quiet_from and quiet_to (in zone) wait
-- until quiet_to; equal times mean no quiet hours.
CREATE TABLE alert_settings (
    id               INTEGER       PRIMARY KEY,
    quiet_from       TIME          NOT NULL,
    quiet_to         TIME          NOT NULL,
    zone             VARCHAR(64)   NOT NULL,
    updated_by       VARCHAR(100)  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_settings_one_row CHECK (id = 1)
);
INSERT INTO alert_settings (id, quiet_from, quiet_to, zone, updated_by, updated_at)
VALUES (1, TIME '00:00', TIME '00:00', 'Asia/Kolkata', 'system', CURRENT_TIMESTAMP);

-- An alert raised. source_id names the fact it was raised for (e.g. one control change), so every instance
-- that hears of the fact may try to raise it and only the first insert counts. repeats counts the raises of
-- the same rule and key folded into this one by de-duplication.
CREATE TABLE alert (
    id               BIGSERIAL     PRIMARY KEY,
    rule             VARCHAR(48)   NOT NULL,
    severity         VARCHAR(16)   NOT NULL,
    dedup_key        VARCHAR(200)  NOT NULL,
    source_id        VARCHAR(200),
    title            VARCHAR(200)  NOT NULL,
    body             VARCHAR(4000) NOT NULL,
    raised_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    repeats          INTEGER       NOT NULL,
    CONSTRAINT alert_source_id_key UNIQUE (source_id)
);
CREATE INDEX alert_rule_key_idx ON alert (rule, dedup_key, raised_at);
CREATE INDEX alert_raised_at_idx ON alert (raised_at);

-- The outbox: one row per alert and channel, written in the alert's transaction. The sender claims due rows
-- (FOR UPDATE SKIP LOCKED) by setting status SENDING with a lease, sends, and marks SENT, or PENDING again
-- with a later next_attempt_at, or FAILED after the last attempt. A SENDING row whose lease ran out (its
-- sender died) is due again.
CREATE TABLE alert_delivery (
    id               BIGSERIAL     PRIMARY KEY,
    alert_id         BIGINT        NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    channel_id       BIGINT        NOT NULL REFERENCES alert_channel (id) ON DELETE CASCADE,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    sent_at          TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    CONSTRAINT alert_delivery_once UNIQUE (alert_id, channel_id),
    CONSTRAINT alert_delivery_status_chk CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED'))
);
CREATE INDEX alert_delivery_due_idx ON alert_delivery (status, next_attempt_at);
CREATE INDEX alert_delivery_channel_sent_idx ON alert_delivery (channel_id, sent_at);
