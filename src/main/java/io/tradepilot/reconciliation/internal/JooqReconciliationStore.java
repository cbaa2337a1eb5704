package io.tradepilot.reconciliation.internal;

import io.tradepilot.reconciliation.Mismatch;
import io.tradepilot.reconciliation.ReconciliationRun;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.tradepilot.db.Tables.RECONCILIATION_MISMATCH;
import static io.tradepilot.db.Tables.RECONCILIATION_RUN;

/** The reconciliation tables. */
final class JooqReconciliationStore {

    private final DSLContext db;

    JooqReconciliationStore(DSLContext db) {
        this.db = db;
    }

    long insertRun(String accountId, Instant started, Instant finished, ReconciliationRun.Outcome outcome, int backfilled,
                   int open, String detail) {
        return db.insertInto(RECONCILIATION_RUN)
                .set(RECONCILIATION_RUN.ACCOUNT_ID, accountId).set(RECONCILIATION_RUN.STARTED_AT, started)
                .set(RECONCILIATION_RUN.FINISHED_AT, finished).set(RECONCILIATION_RUN.OUTCOME, outcome.name())
                .set(RECONCILIATION_RUN.BACKFILLED, backfilled).set(RECONCILIATION_RUN.OPEN_MISMATCHES, open)
                .set(RECONCILIATION_RUN.DETAIL, cut(detail))
                .returning(RECONCILIATION_RUN.ID).fetchOne().getId();
    }

    Optional<ReconciliationRun> lastRun() {
        return db.selectFrom(RECONCILIATION_RUN).orderBy(RECONCILIATION_RUN.ID.desc()).limit(1).fetchOptional(r -> new ReconciliationRun(
                r.getId(), r.getAccountId(), r.getStartedAt(), r.getFinishedAt(), ReconciliationRun.Outcome.valueOf(r.getOutcome()),
                r.getBackfilled(), r.getOpenMismatches(), r.getDetail()));
    }

    List<Mismatch> mismatches(boolean openOnly, int limit) {
        var query = db.selectFrom(RECONCILIATION_MISMATCH);
        return (openOnly ? query.where(RECONCILIATION_MISMATCH.RESOLUTION.isNull()) : query)
                .orderBy(RECONCILIATION_MISMATCH.ID.desc()).limit(limit).fetch(JooqReconciliationStore::mismatch);
    }

    Optional<Mismatch> mismatch(long id) {
        return db.selectFrom(RECONCILIATION_MISMATCH).where(RECONCILIATION_MISMATCH.ID.eq(id)).fetchOptional(JooqReconciliationStore::mismatch);
    }

    /** Locks the row (for a resolution): the mismatch, or empty. */
    Optional<Mismatch> lock(long id) {
        return db.selectFrom(RECONCILIATION_MISMATCH).where(RECONCILIATION_MISMATCH.ID.eq(id)).forUpdate().fetchOptional(JooqReconciliationStore::mismatch);
    }

    Optional<Mismatch> open(Mismatch.Kind kind, String key) {
        return db.selectFrom(RECONCILIATION_MISMATCH).where(RECONCILIATION_MISMATCH.RESOLUTION.isNull())
                .and(RECONCILIATION_MISMATCH.KIND.eq(kind.name())).and(RECONCILIATION_MISMATCH.MISMATCH_KEY.eq(key))
                .fetchOptional(JooqReconciliationStore::mismatch);
    }

    long insert(Reconciler.Difference d, Instant at) {
        return db.insertInto(RECONCILIATION_MISMATCH)
                .set(RECONCILIATION_MISMATCH.KIND, d.kind().name()).set(RECONCILIATION_MISMATCH.MISMATCH_KEY, cut(d.key()))
                .set(RECONCILIATION_MISMATCH.SYMBOL, d.symbol()).set(RECONCILIATION_MISMATCH.EXCHANGE, d.exchange())
                .set(RECONCILIATION_MISMATCH.LEDGER_VALUE, d.ledger()).set(RECONCILIATION_MISMATCH.BROKER_VALUE, d.broker())
                .set(RECONCILIATION_MISMATCH.BROKER_PRICE, d.brokerPrice()).set(RECONCILIATION_MISMATCH.DETAIL, cut(d.detail()))
                .set(RECONCILIATION_MISMATCH.FOUND_AT, at).set(RECONCILIATION_MISMATCH.LAST_SEEN_AT, at)
                .returning(RECONCILIATION_MISMATCH.ID).fetchOne().getId();
    }

    void seenAgain(long id, Reconciler.Difference d, Instant at) {
        db.update(RECONCILIATION_MISMATCH)
                .set(RECONCILIATION_MISMATCH.LEDGER_VALUE, d.ledger()).set(RECONCILIATION_MISMATCH.BROKER_VALUE, d.broker())
                .set(RECONCILIATION_MISMATCH.BROKER_PRICE, d.brokerPrice()).set(RECONCILIATION_MISMATCH.DETAIL, cut(d.detail()))
                .set(RECONCILIATION_MISMATCH.LAST_SEEN_AT, at)
                .where(RECONCILIATION_MISMATCH.ID.eq(id)).execute();
    }

    void resolve(long id, Mismatch.Resolution resolution, String by, Instant at, String reason) {
        db.update(RECONCILIATION_MISMATCH)
                .set(RECONCILIATION_MISMATCH.RESOLUTION, resolution.name()).set(RECONCILIATION_MISMATCH.RESOLVED_BY, by)
                .set(RECONCILIATION_MISMATCH.RESOLVED_AT, at).set(RECONCILIATION_MISMATCH.RESOLUTION_REASON, cut(reason))
                .where(RECONCILIATION_MISMATCH.ID.eq(id)).and(RECONCILIATION_MISMATCH.RESOLUTION.isNull()).execute();
    }

    int openCount() {
        return db.fetchCount(RECONCILIATION_MISMATCH, RECONCILIATION_MISMATCH.RESOLUTION.isNull());
    }

    private static Mismatch mismatch(Record record) {
        var r = record.into(RECONCILIATION_MISMATCH);
        return new Mismatch(r.getId(), Mismatch.Kind.valueOf(r.getKind()), r.getMismatchKey(), r.getSymbol(), r.getExchange(),
                r.getLedgerValue(), r.getBrokerValue(), r.getBrokerPrice(), r.getDetail(), r.getFoundAt(), r.getLastSeenAt(),
                r.getResolution() == null ? null : Mismatch.Resolution.valueOf(r.getResolution()), r.getResolvedBy(), r.getResolvedAt(),
                r.getResolutionReason());
    }

    private static String cut(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
