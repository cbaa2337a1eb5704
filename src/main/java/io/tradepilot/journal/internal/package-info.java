/**
 * The journal's implementation: {@link io.tradepilot.journal.internal.TradeBuilder} turns the ledger's fills
 * into trades with the engine's FIFO lots, {@link io.tradepilot.journal.internal.JournalBook} keeps them
 * current incrementally, and the jOOQ read models read the ledger tables (read only) and the journal's own
 * annotation tables.
 */
package io.tradepilot.journal.internal;
