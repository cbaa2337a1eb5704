package io.tradepilot.runbook.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.runbook.CheckOutcome;
import io.tradepilot.runbook.CheckResult;
import io.tradepilot.runbook.Preflight;
import io.tradepilot.runbook.PreflightCheck;
import io.tradepilot.runbook.PreflightSheet;
import io.tradepilot.runbook.RiskLimitsReview;
import io.tradepilot.runbook.RunbookRefusal;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link Preflight} over the contributed checks and the runbook's tables; every change audited first. */
class DefaultPreflight implements Preflight {

    /** A manual item of the checklist. */
    record ManualItem(String id, String label) {
    }

    private final List<PreflightCheck> checks;
    private final List<ManualItem> items;
    private final JooqRunbookStore store;
    private final RunbookAudit audit;
    private final java.util.function.Supplier<RiskLimits> limits;
    private final ExchangeCalendar calendar;
    private final Clock clock;

    DefaultPreflight(List<PreflightCheck> checks, List<ManualItem> items, JooqRunbookStore store, RunbookAudit audit,
                     java.util.function.Supplier<RiskLimits> limits, ExchangeCalendar calendar, Clock clock) {
        this.checks = checks.stream().sorted(Comparator.comparingInt(PreflightCheck::order)).toList();
        this.items = List.copyOf(items);
        this.store = store;
        this.audit = audit;
        this.limits = limits;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public LocalDate tradingDay() {
        return calendar.currentOrNextSession(clock.instant()).date();
    }

    @Override
    public List<CheckOutcome> runChecks() {
        List<CheckOutcome> outcomes = new ArrayList<>(checks.size());
        for (PreflightCheck check : checks) {
            CheckResult result;
            try {
                result = check.run();
            } catch (RuntimeException e) {
                result = CheckResult.fail("The check failed: " + e.getClass().getSimpleName());
            }
            outcomes.add(new CheckOutcome(check.id(), check.title(), result, clock.instant()));
        }
        return outcomes;
    }

    @Override
    public PreflightSheet sheet(LocalDate day) {
        Map<String, Instant> ticks = store.ticks(day, CurrentUser.username());
        return new PreflightSheet(day, items.stream().map(i -> new PreflightSheet.Item(i.id(), i.label(), ticks.get(i.id()))).toList(),
                store.completions(day));
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = RunbookDeniedHandler.class)
    public PreflightSheet tick(LocalDate day, String item, boolean ticked) {
        String action = ticked ? RunbookAudit.TICKED : RunbookAudit.UNTICKED;
        String target = "preflight:" + day;
        requireToday(action, target, day);
        if (items.stream().noneMatch(i -> i.id().equals(item))) {
            throw audit.refused(action, target, new RunbookRefusal(400, "UNKNOWN_ITEM", "item", "There is no checklist item '" + item + "'."));
        }
        AuditLog.Pending record = audit.begin(action, target, "item: " + item);
        try {
            if (ticked) {
                store.tick(day, CurrentUser.username(), item, clock.instant());
            } else {
                store.untick(day, CurrentUser.username(), item);
            }
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        record.complete(AuditOutcome.SUCCESS, "item: " + item);
        return sheet(day);
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = RunbookDeniedHandler.class)
    public PreflightSheet complete(LocalDate day) {
        String target = "preflight:" + day;
        requireToday(RunbookAudit.COMPLETED, target, day);
        List<CheckOutcome> outcomes = runChecks();
        List<String> missing = new ArrayList<>();
        outcomes.stream().filter(o -> !o.result().status().passes()).forEach(o -> missing.add(o.title()));
        sheet(day).items().stream().filter(i -> !i.ticked()).forEach(i -> missing.add(i.label()));
        if (!missing.isEmpty()) {
            throw audit.refused(RunbookAudit.COMPLETED, target, new RunbookRefusal(409, "NOT_READY", null,
                    "Not ready: " + String.join("; ", missing)));
        }
        String evidence = outcomes.stream().map(o -> o.id() + "=" + o.result().status() + " (" + o.result().evidence() + ")")
                .collect(Collectors.joining("\n"));
        if (evidence.length() > 8000) {
            evidence = evidence.substring(0, 8000);
        }
        AuditLog.Pending record = audit.begin(RunbookAudit.COMPLETED, target, evidence);
        try {
            store.complete(day, CurrentUser.username(), clock.instant(), evidence);
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        record.complete(AuditOutcome.SUCCESS, evidence);
        return sheet(day);
    }

    @Override
    public boolean preflightComplete(LocalDate day) {
        return store.anyCompletion(day);
    }

    @Override
    public RiskLimitsReview riskLimits() {
        return review(limits.get(), store);
    }

    /** The limits in force now and the latest review of exactly these. */
    static RiskLimitsReview review(RiskLimits limits, JooqRunbookStore store) {
        String fingerprint = limits.fingerprint();
        return new RiskLimitsReview(fingerprint, limits.describe(), store.latestReview(fingerprint));
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = RunbookDeniedHandler.class)
    public RiskLimitsReview reviewRiskLimits() {
        RiskLimits limits = this.limits.get();
        String fingerprint = limits.fingerprint();
        String target = "risk-limits:" + fingerprint;
        AuditLog.Pending record = audit.begin(RunbookAudit.REVIEWED, target, limits.describe());
        try {
            store.review(fingerprint, CurrentUser.username(), clock.instant());
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        record.complete(AuditOutcome.SUCCESS, limits.describe());
        return riskLimits();
    }

    private void requireToday(String action, String target, LocalDate day) {
        LocalDate today = tradingDay();
        if (!today.equals(day)) {
            throw audit.refused(action, target, new RunbookRefusal(409, "WRONG_DAY", "day",
                    "The checklist can be changed only for the current trading day, " + today + "."));
        }
    }
}
