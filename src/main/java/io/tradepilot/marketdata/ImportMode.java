package io.tradepilot.marketdata;

/** What an import does when a series of the same symbol and interval is already stored. */
public enum ImportMode {
    /** Store a new series; refused (409 {@code SERIES_EXISTS}) when one is stored. */
    CREATE,
    /** Replace the stored series' bars and report with the file's (a new series when none is stored). */
    REPLACE,
    /**
     * Append the file's bars to the stored series; every bar must start after the stored last bar (else 409
     * {@code OVERLAP}) and the exchange must be the stored one. The report gains the new warnings.
     */
    EXTEND
}
