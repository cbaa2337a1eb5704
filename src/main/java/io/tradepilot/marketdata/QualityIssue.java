package io.tradepilot.marketdata;

/**
 * One problem found in imported bars. {@code line} is the 1-based line of the CSV file (1 is the header; for bars
 * fetched from a broker, the bar's 1-based position); 0 when the problem belongs to no line.
 */
public record QualityIssue(long line, Severity severity, Kind kind, String message) {

    /** Errors refuse the whole import; warnings are kept in the series' quality report. */
    public enum Severity { ERROR, WARNING }

    /** What kind of problem. */
    public enum Kind {
        /** Wrong or missing header (error). */
        HEADER,
        /** A row that cannot be read: missing or extra columns, a bad date or number (error). */
        FORMAT,
        /** High below low, open or close outside [low, high] (error). */
        INCONSISTENT,
        /** The same time as an earlier row: identical (warning, dropped) or with other values (error). */
        DUPLICATE,
        /** A row earlier than the one before it (error). */
        OUT_OF_ORDER,
        /** Bars the exchange calendar expects are missing before this one (warning). */
        GAP,
        /** A bar outside the exchange's sessions (warning). */
        OFF_SESSION,
        /** A close-to-close move beyond the threshold (warning). */
        OUTLIER,
        /** The calendar does not cover this bar's year: gaps there are not checked (warning). */
        CALENDAR
    }

    @Override
    public String toString() {
        return "line " + line + ": " + severity + " " + kind + ": " + message;
    }
}
