package io.tradepilot.reconciliation.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.trading.EngineReconciliation;
import io.tradepilot.reconciliation.Mismatch;
import io.tradepilot.reconciliation.Reconciliation;
import io.tradepilot.reconciliation.ReconciliationRefusal;
import io.tradepilot.reconciliation.ReconciliationRun;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import io.tradepilot.security.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reconciliation for people (see {@link Reconciliation}): admins act, every role reads; each attempt audited. */
@PreAuthorize(Roles.IS_ADMIN)
@HandleAuthorizationDenied(handlerClass = ReconciliationDeniedHandler.class)
class DefaultReconciliation implements Reconciliation {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 2000;

    private final ReconciliationRunner runner;
    private final JooqReconciliationStore store;
    private final ObjectProvider<EngineReconciliation> engine;
    private final ReconciliationAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DefaultReconciliation(ReconciliationRunner runner, JooqReconciliationStore store, ObjectProvider<EngineReconciliation> engine,
                          ReconciliationAudit audit, TransactionTemplate transactions, Clock clock) {
        this.runner = runner;
        this.store = store;
        this.engine = engine;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ReconciliationRun runNow() {
        ReconciliationRun run = runner.run();
        audit.record(ReconciliationAudit.RUN, run.accountId() == null ? "reconciliation" : run.accountId(),
                run.outcome() == ReconciliationRun.Outcome.FAILED ? AuditOutcome.FAILED : AuditOutcome.SUCCESS,
                run.outcome() + ": " + run.detail());
        return run;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public Optional<ReconciliationRun> lastRun() {
        return store.lastRun();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<Mismatch> mismatches(boolean openOnly) {
        return store.mismatches(openOnly, 500);
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public boolean clean() {
        Optional<ReconciliationRun> last = store.lastRun();
        return last.isPresent() && last.get().outcome() == ReconciliationRun.Outcome.CLEAN && store.openCount() == 0;
    }

    @Override
    public Mismatch adopt(long mismatchId, String reason) {
        return resolve(ReconciliationAudit.ADOPT, mismatchId, reason, Mismatch.Resolution.ADOPTED, (m, e) -> {
            Instrument instrument = instrument(m);
            BigDecimal delta = nz(m.broker()).subtract(nz(m.ledger()));
            BigDecimal price = m.brokerPrice();
            if (price == null || price.signum() <= 0) {
                throw new ReconciliationRefusal(409, "NOT_A_POSITION", "The broker reports no price for " + m.symbol() + ": nothing to adopt; close or ignore it.");
            }
            return e.adoptPosition(instrument, delta, price, reason);
        });
    }

    @Override
    public Mismatch close(long mismatchId, String reason) {
        return resolve(ReconciliationAudit.CLOSE, mismatchId, reason, Mismatch.Resolution.CLOSED,
                (m, e) -> e.closeAtBroker(instrument(m), nz(m.ledger()).subtract(nz(m.broker())),
                        m.brokerPrice() == null || m.brokerPrice().signum() <= 0 ? null : m.brokerPrice(), reason));
    }

    @Override
    public Mismatch ignore(long mismatchId, String reason) {
        return resolve(ReconciliationAudit.IGNORE, mismatchId, reason, Mismatch.Resolution.IGNORED, null);
    }

    @FunctionalInterface
    private interface Action {
        boolean apply(Mismatch mismatch, EngineReconciliation engine);
    }

    private Mismatch resolve(String auditAction, long id, String reason, Mismatch.Resolution resolution, Action action) {
        String target = "mismatch:" + id;
        String clean = reason == null ? "" : reason.strip();
        Optional<PlainText.Violation> bad = PlainText.multiLine("reason", reason);
        if (bad.isPresent()) throw refused(auditAction, target, 422, "INVALID_TEXT", "reason: " + bad.get().problem());
        if (clean.length() < MIN_REASON) throw refused(auditAction, target, 422, "REASON_TOO_SHORT", "Give a reason of at least " + MIN_REASON + " characters.");
        if (clean.length() > MAX_REASON) throw refused(auditAction, target, 422, "REASON_TOO_LONG", "A reason of at most " + MAX_REASON + " characters.");
        Mismatch m = store.mismatch(id).orElseThrow(() -> refused(auditAction, target, 404, "MISMATCH_NOT_FOUND", "No difference " + id + "."));
        if (!m.open()) throw refused(auditAction, target, 409, "ALREADY_RESOLVED", "Difference " + id + " was already " + m.resolution() + " by " + m.resolvedBy() + ".");
        if (action != null && !m.positional()) {
            throw refused(auditAction, target, 409, "NOT_A_POSITION", "Only position differences are adopted or closed; ignore this one with a reason.");
        }
        AuditLog.Pending pending = audit.begin(auditAction, target, m.detail() + " — " + clean);
        try {
            if (action != null) {
                EngineReconciliation e = engine.getIfAvailable();
                if (e == null || !action.apply(m, e)) {
                    pending.complete(AuditOutcome.FAILED, "no engine or venue here took it");
                    throw new ReconciliationRefusal(503, "ENGINE_UNAVAILABLE", "No engine or connected venue on this instance took it; nothing changed.");
                }
            }
            Mismatch done = transactions.execute(tx -> {
                store.lock(id).filter(Mismatch::open).orElseThrow(() -> new ReconciliationRefusal(409, "ALREADY_RESOLVED",
                        "Difference " + id + " was resolved meanwhile."));
                store.resolve(id, resolution, CurrentUser.username(), clock.instant(), clean);
                return store.mismatch(id).orElseThrow();
            });
            pending.complete(AuditOutcome.SUCCESS, resolution.name());
            return done;
        } catch (ReconciliationRefusal r) {
            pending.complete(AuditOutcome.FAILED, r.getMessage());
            throw r;
        } catch (RuntimeException e) {
            pending.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
    }

    private Instrument instrument(Mismatch m) {
        VenueSession session = runner.session().orElseThrow(() -> new ReconciliationRefusal(409, "NO_VENUE", "No broker account is connected."));
        return session.instrument(m.exchange() == null ? m.symbol() : m.exchange() + ":" + m.symbol())
                .or(() -> session.instrument(m.symbol()))
                .orElseThrow(() -> new ReconciliationRefusal(409, "NOT_A_POSITION", "The broker does not list " + m.symbol() + "."));
    }

    private ReconciliationRefusal refused(String action, String target, int status, String code, String message) {
        audit.record(action, target, AuditOutcome.FAILED, code + ": " + message);
        return new ReconciliationRefusal(status, code, message);
    }

    private static BigDecimal nz(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }
}
