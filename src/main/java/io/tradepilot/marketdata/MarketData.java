package io.tradepilot.marketdata;

import java.io.InputStream;
import java.util.List;

/**
 * The stored history as users see and change it. Roles, enforced here: viewers (and above) read; operators and
 * admins import, fetch from the broker and delete. Every change is audited before it is made (actions
 * {@code MARKETDATA_IMPORT_CSV}, {@code MARKETDATA_FETCH_FROM_BROKER}, {@code MARKETDATA_DELETE}); refusals and
 * denials are audited too. An import is one transaction: a file with any error stores nothing.
 */
public interface MarketData {

    /** Every stored series, ordered by symbol then interval. */
    List<StoredSeries> catalog();

    /** The quality report (warnings, by line) of a stored series; refuses an unknown series (404 {@code NOT_FOUND}). */
    List<QualityIssue> report(String symbol, String interval);

    /**
     * Validates the CSV file read from {@code csv} (the engine's normalized format: header
     * {@code date,open,high,low,close,volume}) and stores it per {@code request.mode()}.
     *
     * @throws MarketDataRefusal 400 {@code INVALID_PARAMETER} for a bad symbol, exchange, interval or mode; 413
     *                           {@code FILE_TOO_LARGE} over the size limit; 422 {@code INVALID_FILE} with every error,
     *                           line by line ({@link MarketDataRefusal#issues()}); 409 {@code SERIES_EXISTS} or
     *                           {@code OVERLAP} per the mode; 503 {@code AUDIT_UNAVAILABLE}
     */
    ImportResult importCsv(ImportRequest request, InputStream csv);

    /**
     * Fetches bars from the active broker account and stores them as a series (source {@code BROKER}), checked as an
     * import is. Refuses 409 {@code NO_BROKER} without an active account, 404 {@code UNKNOWN_SYMBOL} for a symbol the
     * broker does not list, 502 {@code BROKER_FAILED} when the broker call fails, 422 {@code NO_BARS} for an empty
     * answer, and as {@link #importCsv} otherwise.
     */
    ImportResult fetchFromBroker(HistoryRequest request);

    /**
     * Deletes a stored series with its bars and report. {@code confirmation} must equal {@link #confirmation}.
     *
     * @throws MarketDataRefusal 404 {@code NOT_FOUND}, 422 {@code CONFIRMATION_MISMATCH}, 503 {@code AUDIT_UNAVAILABLE}
     */
    void delete(String symbol, String interval, String confirmation);

    /** The words a user types to delete a series: {@code DELETE <symbol> <interval>}. */
    static String confirmation(String symbol, String interval) {
        return "DELETE " + symbol + " " + interval;
    }
}
