package io.tradepilot.audit.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditUnavailableException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuditLog} over the {@code audit_event} table ({@link JooqAuditStore}) with a local {@link AuditSpool} for
 * what the table cannot take, and a drainer thread that writes the spool to the table once it can again.
 * While spooled records wait, new ones join them in the spool, so that a store that hangs is not waited for once
 * per record; {@link #begin} always asks the store itself.
 */
final class DurableAuditLog implements AuditLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DurableAuditLog.class);

    /** Records written to the store per transaction when draining. */
    static final int DRAIN_BATCH = 500;

    static final String UNAVAILABLE_DETAIL =
            "AUDIT_UNAVAILABLE: the audit log could not record the attempt before the change, so nothing was changed";

    private final JooqAuditStore store;
    private final AuditSpool spool;
    private final Clock clock;
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private ScheduledExecutorService drainer;

    DurableAuditLog(JooqAuditStore store, AuditSpool spool, Clock clock) {
        this.store = store;
        this.spool = spool;
        this.clock = clock;
    }

    /** Bytes of records waiting in the spool ({@link AuditSpool#sizeBytes}). */
    long spooledBytes() {
        return spool.sizeBytes();
    }

    /** Drains the spool every {@code interval} on a thread of its own, until {@link #close()}. */
    DurableAuditLog startDraining(Duration interval) {
        drainer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("audit-spool-drainer").daemon().factory());
        drainer.scheduleWithFixedDelay(this::drain, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void record(AuditEntry entry) {
        AuditRecord record = new AuditRecord(UUID.randomUUID(), clock.instant(), entry);
        if (spool.isEmpty()) {
            try {
                store.insert(record);
                return;
            } catch (RuntimeException e) {
                storeFailed(e);
            }
        }
        spool(record);
    }

    @Override
    public Pending begin(AuditEntry attempt) {
        if (attempt.outcome() != AuditOutcome.PENDING) {
            throw new IllegalArgumentException("A record written before its change is PENDING, not " + attempt.outcome());
        }
        AuditRecord record = new AuditRecord(UUID.randomUUID(), clock.instant(), attempt);
        try {
            store.insert(record);
        } catch (RuntimeException e) {
            storeFailed(e);
            // same event id: should the insert have landed after all, the drain turns that PENDING row into this
            spool(new AuditRecord(record.eventId(), record.occurredAt(),
                    attempt.withOutcome(AuditOutcome.FAILED, UNAVAILABLE_DETAIL + " (" + rootMessage(e) + ")")));
            throw new AuditUnavailableException(
                    "The audit log cannot be written, so nothing was changed; try again once it is back.", e);
        }
        return new StoredPending(record);
    }

    /**
     * Writes the spooled records to the store; keeps them when it cannot. Runs on the drainer thread; callable
     * from tests.
     *
     * @return how many records were written
     */
    int drain() {
        try {
            int written = spool.drain(store::upsert, DRAIN_BATCH);
            if (written > 0) {
                log.info("Wrote {} spooled audit records to the audit log", written);
            }
            if (storeDown.compareAndSet(true, false)) {
                log.info("The audit log can be written again");
            }
            return written;
        } catch (IOException e) {
            log.error("The audit spool in {} cannot be read; its records stay there", spool.directory(), e);
        } catch (RuntimeException e) {
            storeFailed(e);
        }
        return 0;
    }

    @Override
    public void close() {
        if (drainer != null) {
            drainer.shutdownNow();
            try {
                drainer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        spool.close();
    }

    private void spool(AuditRecord record) {
        try {
            spool.append(record);
            log.warn("Audit record {} ({} {} by {}) kept in the audit spool until the audit log can be written",
                    record.eventId(), record.entry().action(), record.entry().outcome(),
                    JooqAuditStore.storable(record.entry().username()));
        } catch (IOException | RuntimeException e) {
            log.error("AUDIT RECORD LOST (audit log and spool in {} unavailable: {}): {} at {} {}", spool.directory(),
                    rootMessage(e), record.eventId(), record.occurredAt(), JooqAuditStore.storable(record.entry().toString()));
        }
    }

    private void storeFailed(RuntimeException e) {
        if (storeDown.compareAndSet(false, true)) {
            log.warn("The audit log cannot be written ({}): records go to the spool in {} until it can",
                    rootMessage(e), spool.directory());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return JooqAuditStore.storable(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private final class StoredPending implements Pending {

        private final AuditRecord record;
        private final AtomicBoolean completed = new AtomicBoolean();

        StoredPending(AuditRecord record) {
            this.record = record;
        }

        @Override
        public void complete(AuditOutcome outcome, String detail) {
            if (outcome == AuditOutcome.PENDING) {
                throw new IllegalArgumentException("A record is completed with its outcome, not PENDING");
            }
            if (!completed.compareAndSet(false, true)) {
                return;
            }
            AuditRecord done = new AuditRecord(record.eventId(), record.occurredAt(), record.entry().withOutcome(outcome, detail));
            try {
                if (!store.complete(record.eventId(), outcome, detail)) {
                    store.upsert(List.of(done));
                }
                return;
            } catch (RuntimeException e) {
                storeFailed(e);
            }
            spool(done);
        }
    }
}
