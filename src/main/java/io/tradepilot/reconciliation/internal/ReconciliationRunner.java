package io.tradepilot.reconciliation.internal;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.trading.EngineReconciliation;
import io.tradepilot.reconciliation.Mismatch;
import io.tradepilot.reconciliation.ReconciliationRun;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.TradingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One reconciliation run (no user: the schedule and the admin's "run now" both come here): reads the ledger (trading's
 * queries) and the active venue's book and fills, compares ({@link Reconciler}), hands missed fills to the engine
 * ({@link EngineReconciliation}; without it they stay {@code MISSED_FILL} differences), stores the differences (a
 * difference still there is seen again, one gone is {@code CLEARED}, one an admin ignored with the same values stays
 * ignored), and while any is open trips the circuit breaker with {@code RECONCILIATION_MISMATCH} (new entries held,
 * exits pass). Runs one at a time.
 */
final class ReconciliationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRunner.class);

    private final TradingQueries queries;
    private final ControlService controls;
    private final ObjectProvider<EngineReconciliation> engine;
    private final JooqReconciliationStore store;
    private final ReconciliationAudit audit;
    private final ReconciliationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Reconciler reconciler;

    ReconciliationRunner(TradingQueries queries, ControlService controls,
                         ObjectProvider<EngineReconciliation> engine, JooqReconciliationStore store, ReconciliationAudit audit,
                         ReconciliationProperties properties, TransactionTemplate transactions, Clock clock) {
        this.queries = queries;
        this.controls = controls;
        this.engine = engine;
        this.store = store;
        this.audit = audit;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.reconciler = new Reconciler(properties.cashTolerance());
    }

    /**
     * The broker session the engine leading here trades through (the host's, see {@link EngineReconciliation#session});
     * empty at the paper venue or when no engine leads on this instance.
     */
    Optional<VenueSession> session() {
        EngineReconciliation e = engine.getIfAvailable();
        return e == null ? Optional.empty() : e.session();
    }

    synchronized ReconciliationRun run() {
        Instant started = clock.instant();
        Optional<VenueSession> active = session();
        if (active.isEmpty()) {
            return new ReconciliationRun(0, null, started, started, ReconciliationRun.Outcome.NO_VENUE, 0, store.openCount(),
                    "no engine trades a broker account here: the paper venue has nothing to reconcile");
        }
        VenueSession session = active.get();
        BrokerBook book;
        List<BrokerBook.BrokerFill> fills;
        try {
            book = session.book();
            fills = session.fillsSince(started.minus(properties.fillsLookback()));
        } catch (RuntimeException e) {
            log.warn("Reconciliation: the broker's book of {} cannot be read ({})", session.accountId(), e.toString());
            long id = store.insertRun(session.accountId(), started, clock.instant(), ReconciliationRun.Outcome.FAILED, 0,
                    store.openCount(), "the broker's book cannot be read: " + e.getMessage());
            return store.lastRun().filter(r -> r.id() == id).orElseThrow();
        }
        Reconciler.Result result = reconciler.compare(ledgerSide(), book, fills);
        List<Reconciler.Difference> differences = new ArrayList<>(result.differences());
        int backfilled = 0;
        if (!result.backfill().isEmpty()) {
            EngineReconciliation e = engine.getIfAvailable();
            Set<String> orders = new LinkedHashSet<>();
            for (ExecutionReport r : result.backfill()) orders.add(r.clientOrderId().value());
            if (e != null && e.report(result.backfill())) {
                backfilled = result.backfill().size();
                audit.system(ReconciliationAudit.BACKFILL, session.accountId(), backfilled + " missed executions of " + orders);
            } else {
                for (String cid : orders) {
                    differences.add(new Reconciler.Difference(Mismatch.Kind.MISSED_FILL, cid, null, null, null, null, null,
                            "The broker filled order " + cid + " beyond what the ledger holds, and no engine here took the back-fill."));
                }
            }
        }
        int backfilledCount = backfilled;
        Instant now = clock.instant();
        int open = transactions.execute(tx -> store(differences, now));
        ReconciliationRun.Outcome outcome = open == 0 ? ReconciliationRun.Outcome.CLEAN : ReconciliationRun.Outcome.MISMATCH;
        long id = store.insertRun(session.accountId(), started, clock.instant(), outcome, backfilledCount, open,
                open == 0 ? "books agree" : open + " open difference(s)");
        if (open > 0) {
            controls.tripCircuitBreakerAutomatically(TripReason.RECONCILIATION_MISMATCH,
                    open + " open difference(s) with " + session.broker() + " " + session.accountId() + ": see the Reconciliation page");
        }
        EngineReconciliation host = engine.getIfAvailable();
        if (host != null) host.reconciled(session, open == 0); // after the trip: entries wait for a clean run
        return store.lastRun().filter(r -> r.id() == id).orElseThrow();
    }

    /** Stores this run's differences; the number open afterwards. */
    private int store(List<Reconciler.Difference> differences, Instant now) {
        Set<String> seen = new HashSet<>();
        for (Reconciler.Difference d : differences) {
            seen.add(d.kind() + "\u0000" + d.key());
            Optional<Mismatch> open = store.open(d.kind(), d.key());
            if (open.isPresent()) {
                store.seenAgain(open.get().id(), d, now);
            } else if (!ignoredAlready(d)) {
                long id = store.insert(d, now);
                audit.system(ReconciliationAudit.FOUND, "mismatch:" + id, d.detail());
            }
        }
        for (Mismatch m : store.mismatches(true, 10_000)) {
            if (!seen.contains(m.kind() + "\u0000" + m.key())) {
                store.resolve(m.id(), Mismatch.Resolution.CLEARED, ReconciliationAudit.SYSTEM_USER, now, "no longer found");
                audit.system(ReconciliationAudit.CLEARED, "mismatch:" + m.id(), "no longer found: " + m.detail());
            }
        }
        return store.openCount();
    }

    /** An admin ignored this very difference (same kind, key and values) before. */
    private boolean ignoredAlready(Reconciler.Difference d) {
        for (Mismatch m : store.mismatches(false, 1_000)) {
            if (m.resolution() == Mismatch.Resolution.IGNORED && m.kind() == d.kind() && m.key().equals(d.key())
                    && same(m.ledger(), d.ledger()) && same(m.broker(), d.broker())) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private Reconciler.LedgerSide ledgerSide() {
        Map<String, BigDecimal> positions = new LinkedHashMap<>();
        for (LedgerPosition p : queries.openPositions()) positions.put(p.symbol(), p.quantity());
        List<Reconciler.LedgerOrder> orders = new ArrayList<>();
        for (LedgerOrder o : queries.orders(true, 10_000)) {
            orders.add(new Reconciler.LedgerOrder(o.clientOrderId(), o.symbol(), o.side(), o.quantity(),
                    o.filledQuantity() == null ? BigDecimal.ZERO : o.filledQuantity(), o.working()));
        }
        BigDecimal cash = queries.portfolio().map(LivePortfolio::cash).orElse(null);
        return new Reconciler.LedgerSide(positions, orders, cash);
    }
}
