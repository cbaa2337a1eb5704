package io.tradepilot.journal;

/**
 * CSV exports of the trades matching a filter, for any signed-in role; every export is audited
 * ({@code JOURNAL_EXPORT}). Tax-ready: dates (market zone) and UTC times, quantities, prices, notional and
 * charges per fill as exact plain decimals. The fee model records one commission per fill (all charges
 * together), so charges are not broken down by kind. Text cells are safe against spreadsheet formula injection.
 */
public interface JournalExports {

    /** One line per trade, by exit time (open trades last), with a header line; CRLF line ends. */
    String tradesCsv(TradeFilter filter);

    /** One line per fill of each matching trade (a reversing fill's share in each of its two trades), with a header. */
    String fillsCsv(TradeFilter filter);
}
