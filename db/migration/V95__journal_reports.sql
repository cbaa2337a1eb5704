-- The journal's stored performance reports (io.tradepilot.journal.JournalReports): one per period (a trading day,
-- an ISO week from its Monday, a calendar month from its first day), written after the end-of-day report of the
-- period's last trading day (a later end-of-day report of the same day replaces it). body: the report as JSON
-- (exact decimals as plain JSON numbers). Open positions and open risk are the snapshot at created_at.
CREATE TABLE journal_report (
    period          VARCHAR(5)     NOT NULL,
    period_start    DATE           NOT NULL,
    period_end      DATE           NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    body            TEXT           NOT NULL,
    PRIMARY KEY (period, period_start),
    CONSTRAINT journal_report_period_chk CHECK (period IN ('DAY', 'WEEK', 'MONTH'))
);
CREATE INDEX journal_report_created_idx ON journal_report (created_at);
