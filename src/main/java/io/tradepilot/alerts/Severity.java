package io.tradepilot.alerts;

/** How urgent an alert is, least urgent first. CRITICAL alerts ignore quiet hours. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    /** Whether this severity is at least {@code minimum}. */
    public boolean atLeast(Severity minimum) {
        return compareTo(minimum) >= 0;
    }
}
