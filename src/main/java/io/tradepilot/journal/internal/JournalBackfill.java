package io.tradepilot.journal.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * At start, materializes the ledger's fills not yet in the journal's trade table ({@link JournalBook#sync()}:
 * idempotent, and a crash midway loses at most the uncommitted batch). A failure is logged, not fatal: every read
 * syncs again.
 */
class JournalBackfill {

    private static final Logger log = LoggerFactory.getLogger(JournalBackfill.class);

    private final JournalBook book;

    JournalBackfill(JournalBook book) {
        this.book = book;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        try {
            book.sync();
        } catch (RuntimeException e) {
            log.warn("The journal's backfill failed; the next read retries: {}", e.toString());
        }
    }
}
