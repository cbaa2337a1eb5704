/**
 * The journal's implementation: {@link io.tradepilot.journal.internal.TradeBuilder} turns the ledger's fills
 * into trades with the engine's FIFO lots, {@link io.tradepilot.journal.internal.JournalBook} materializes them
 * incrementally in the journal's trade table ({@link io.tradepilot.journal.internal.JooqTradeTable}, where pages,
 * filters and statistics are computed), and the jOOQ read models read the ledger tables (read only) and the
 * journal's own tables.
 */
package io.tradepilot.journal.internal;
