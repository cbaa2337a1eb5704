package io.tradepilot.runbook.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.runbook.Incident;
import io.tradepilot.runbook.Incidents;
import io.tradepilot.runbook.RunbookRefusal;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import io.tradepilot.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link Incidents} in the runbook's tables; every change audited first, refusals and denials audited. */
class DefaultIncidents implements Incidents {

    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 4000;

    private final JooqRunbookStore store;
    private final RunbookAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DefaultIncidents(JooqRunbookStore store, RunbookAudit audit, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = RunbookDeniedHandler.class)
    public Incident open(String title, Long alertId, String firstEntry) {
        String target = alertId == null ? "incident:new" : "alert:" + alertId;
        String cleanTitle = text(RunbookAudit.OPENED, target, "title", title, false, TITLE_MAX);
        String entry = firstEntry == null || firstEntry.isBlank() ? null
                : text(RunbookAudit.OPENED, target, "text", firstEntry, true, TEXT_MAX);
        if (alertId != null) {
            Optional<Incident> open = store.openForAlert(alertId);
            if (open.isPresent()) {
                return store.find(open.get().id()).orElseThrow();
            }
        }
        AuditLog.Pending record = audit.begin(RunbookAudit.OPENED, target, cleanTitle);
        long id;
        try {
            id = transactions.execute(s -> {
                long created = store.openIncident(cleanTitle, alertId, CurrentUser.username(), clock.instant());
                if (entry != null) {
                    store.addEntry(created, CurrentUser.username(), clock.instant(), entry);
                }
                return created;
            });
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        record.complete(AuditOutcome.SUCCESS, "incident:" + id + " " + cleanTitle);
        return store.find(id).orElseThrow();
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = RunbookDeniedHandler.class)
    public Incident addEntry(long id, String text) {
        return changeOpen(RunbookAudit.NOTE, id, "text", text, clean -> store.addEntry(id, CurrentUser.username(), clock.instant(), clean));
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = RunbookDeniedHandler.class)
    public Incident close(long id, String resolution) {
        return changeOpen(RunbookAudit.CLOSED, id, "resolution", resolution,
                clean -> store.close(id, CurrentUser.username(), clock.instant(), clean));
    }

    /**
     * Checks {@code text}, records the change first, then applies {@code change} to the cleaned text in one
     * transaction that finds the incident open (locked); completes the record with the outcome.
     */
    private Incident changeOpen(String action, long id, String field, String text, java.util.function.Consumer<String> change) {
        String target = "incident:" + id;
        String clean = text(action, target, field, text, true, TEXT_MAX);
        AuditLog.Pending record = audit.begin(action, target, clean);
        try {
            transactions.executeWithoutResult(s -> {
                requireOpen(id, record);
                change.accept(clean);
            });
        } catch (RunbookRefusal refusal) {
            throw refusal;
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        record.complete(AuditOutcome.SUCCESS, clean);
        return store.find(id).orElseThrow();
    }

    @Override
    public List<Incident> list(int limit) {
        if (limit < 1 || limit > 500) {
            throw new RunbookRefusal(400, "INVALID_PARAMETER", "limit", "limit must be 1..500");
        }
        return store.list(limit);
    }

    @Override
    public Optional<Incident> find(long id) {
        return store.find(id);
    }

    @Override
    public Optional<Incident> forAlert(long alertId) {
        return store.newestForAlert(alertId);
    }

    /** Inside the change's transaction: the incident exists and is open (locked), else the pending record is completed as FAILED. */
    private void requireOpen(long id, AuditLog.Pending record) {
        Optional<Incident> incident = store.findForUpdate(id);
        RunbookRefusal refusal = null;
        if (incident.isEmpty()) {
            refusal = new RunbookRefusal(404, "INCIDENT_NOT_FOUND", null, "There is no incident " + id + ".");
        } else if (incident.get().status() == Incident.Status.CLOSED) {
            refusal = new RunbookRefusal(409, "INCIDENT_CLOSED", null, "Incident " + id + " is closed.");
        }
        if (refusal != null) {
            record.complete(AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
            throw refusal;
        }
    }

    /** The text trimmed, when it is plain and 3..max characters; else the refusal, audited. */
    private String text(String action, String target, String field, String text, boolean multiLine, int max) {
        String value = text == null ? "" : text.strip();
        Optional<String> problem = multiLine ? PlainText.multiLineProblem(value) : PlainText.singleLineProblem(value);
        RunbookRefusal refusal = null;
        if (problem.isPresent()) {
            refusal = new RunbookRefusal(422, "INVALID_TEXT", field, problem.get());
        } else if (value.length() < 3) {
            refusal = new RunbookRefusal(422, "TEXT_TOO_SHORT", field, "Write at least 3 characters.");
        } else if (value.length() > max) {
            refusal = new RunbookRefusal(422, "TEXT_TOO_LONG", field, "Write at most " + max + " characters.");
        }
        if (refusal != null) {
            throw audit.refused(action, target, refusal);
        }
        return value;
    }
}
