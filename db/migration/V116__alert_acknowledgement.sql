-- Acknowledging an alert (io.tradepilot.alerts.Alerts#acknowledge): who and when, once. The header's count of
-- unacknowledged alerts reads acknowledged_at IS NULL.
ALTER TABLE alert ADD COLUMN acknowledged_by VARCHAR(100);
ALTER TABLE alert ADD COLUMN acknowledged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX alert_acknowledged_at_idx ON alert (acknowledged_at);
