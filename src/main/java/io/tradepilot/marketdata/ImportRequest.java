package io.tradepilot.marketdata;

/**
 * What to import: the series' symbol, exchange ({@code NSE} or {@code NYSE}: its calendar and zone), bar interval
 * ({@code 1d} or {@code <n>m}/{@code <n>h}), the mode for a series already stored, and the file's name for the record.
 */
public record ImportRequest(String symbol, String exchange, String interval, ImportMode mode, String fileName) {
}
