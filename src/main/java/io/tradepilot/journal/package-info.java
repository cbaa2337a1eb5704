/**
 * The trade journal: every round trip the platform made, built from the trading ledger's fills (FIFO
 * lots, scale-ins, partial exits and reversals, each trade listing its fills), with fees, net P&L, R
 * multiples, exit reasons, tags and notes, statistics for a filter, and CSV exports.
 * {@link io.tradepilot.journal.JournalQueries} is the read API (every role),
 * {@link io.tradepilot.journal.JournalAnnotations} the write API (operators and admins, audited);
 * implementations live in {@code internal} (which reads the ledger tables through its own read model),
 * the REST endpoints in {@code web}, the Journal page in {@code ui}. See docs/journal.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Journal")
package io.tradepilot.journal;
