package io.tradepilot.marketdata;

import java.time.Instant;

/**
 * One stored series: what it holds, where it came from and its quality report's counts (the report itself:
 * {@link MarketData#report}).
 *
 * @param interval    the bar interval as written: {@code 1d}, {@code 1m}, {@code 5m}...
 * @param first       start of the first bar
 * @param last        start of the last bar
 * @param sourceDetail the file name (CSV) or broker and account (BROKER)
 * @param gaps        runs of missing bars against the exchange calendar
 * @param missingBars bars missing in those runs
 * @param duplicates  identical repeated rows dropped on import
 * @param outliers    close-to-close moves beyond the outlier threshold
 * @param offSession  bars outside the exchange's sessions
 */
public record StoredSeries(String symbol, String exchange, String interval, Instant first, Instant last, long barCount,
                           Source source, String sourceDetail, String importedBy, Instant importedAt,
                           int gaps, long missingBars, int duplicates, int outliers, int offSession) {

    /** Where a series' bars came from. */
    public enum Source { CSV, BROKER }
}
