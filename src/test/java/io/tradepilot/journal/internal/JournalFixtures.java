package io.tradepilot.journal.internal;

import org.jooq.DSLContext;

/** Test helpers for the journal's tables. */
public final class JournalFixtures {

    private JournalFixtures() {
    }

    /**
     * Empties the journal's materialized trades, their per-day summary, tags and notes and resets its state to "no fill applied": what a
     * test does next to emptying the ledger, so that trades and tags of an earlier test (whose fills may carry the
     * same sequence numbers and order ids) never leak into the next one. The book notices the reset state and
     * rebuilds from the first fill.
     */
    public static void emptyJournal(DSLContext db) {
        db.execute("TRUNCATE journal_tag, journal_note, journal_trade, journal_trade_fill, journal_day, journal_day_cross, journal_day_by");
        db.execute("UPDATE journal_state SET last_seq = -1, last_order_id = NULL");
    }
}
