package io.tradepilot.controls.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.LiveModePreconditions;
import io.tradepilot.controls.LivePreflight;
import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TradingModeChanged;
import io.tradepilot.controls.TradingModeRefusal;
import io.tradepilot.controls.TradingModeState;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import io.tradepilot.security.Roles;
import io.tradepilot.security.UserAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * PAPER/LIVE (see {@link TradingModes}), stored in {@code trading_mode}. Switching to LIVE and raising the size factor
 * are recorded before they are made; dropping to PAPER is made first and recorded after (never lost: the audit spool).
 * Each refusal is audited with its code.
 */
@HandleAuthorizationDenied(handlerClass = TradingModeDeniedHandler.class)
class DefaultTradingModes implements TradingModes {

    static final String LIVE = "TRADING_MODE_LIVE";
    static final String PAPER = "TRADING_MODE_PAPER";
    static final String SIZE = "TRADING_MODE_SIZE_FACTOR";
    private static final Logger log = LoggerFactory.getLogger(DefaultTradingModes.class);

    private final JooqTradingModeStore store;
    private final ObjectProvider<LiveModePreconditions> preconditions;
    private final ObjectProvider<LivePreflight> preflight;
    private final AuditLog auditLog;
    private final UserAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultTradingModes(JooqTradingModeStore store, ObjectProvider<LiveModePreconditions> preconditions,
                        ObjectProvider<LivePreflight> preflight, AuditLog auditLog, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.preconditions = preconditions;
        this.preflight = preflight;
        this.auditLog = auditLog;
        this.audit = new UserAudit(auditLog);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public TradingModeState current() {
        try {
            return store.read();
        } catch (RuntimeException e) {
            log.warn("Trading mode unreadable ({}); answering PAPER", e.toString());
            return new TradingModeState(TradingMode.PAPER, BigDecimal.ONE.setScale(2), "system", clock.instant(), "mode unreadable");
        }
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    public TradingModeState switchToLive(String confirmation, String reason) {
        String why = text(LIVE, reason);
        if (!CONFIRMATION.equals(confirmation)) {
            throw refused(LIVE, RefusalCode.CONFIRMATION_MISMATCH, "Type " + CONFIRMATION + " exactly to switch to LIVE.");
        }
        TradingModeState now = store.read();
        if (now.live()) throw refused(LIVE, RefusalCode.ALREADY_LIVE, "Trading is already LIVE.");
        List<LiveModePreconditions> checks = preconditions.orderedStream().toList();
        Optional<Refusal> unmet = checks.isEmpty()
                ? Optional.of(new Refusal(RefusalCode.NO_VENUE_CONNECTED, "No broker account can be checked: LIVE is off."))
                : checks.stream().map(LiveModePreconditions::unmet).flatMap(Optional::stream).findFirst();
        if (unmet.isPresent()) throw refused(LIVE, unmet.get().code(), unmet.get().message());
        Optional<String> noPreflight = preflightMissing();
        if (noPreflight.isPresent()) {
            throw refused(LIVE, RefusalCode.PREFLIGHT_NOT_COMPLETE, "LIVE needs today's pre-flight: " + noPreflight.get() + ".");
        }
        TradingModeState next = new TradingModeState(TradingMode.LIVE, TradingModeState.SIZE_STEPS.getFirst(), CurrentUser.username(),
                clock.instant(), why);
        return change(LIVE, "LIVE at size factor " + next.sizeFactor().toPlainString() + why(why), now, next);
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public TradingModeState dropToPaper(String reason) {
        String why = text(PAPER, reason);
        TradingModeState now = store.read();
        if (!now.live()) throw refused(PAPER, RefusalCode.NOT_LIVE, "Trading is already PAPER.");
        TradingModeState next = new TradingModeState(TradingMode.PAPER, BigDecimal.ONE.setScale(2), CurrentUser.username(), clock.instant(), why);
        if (!store.replace(now, next)) throw refused(PAPER, RefusalCode.CONCURRENT_CHANGE, "The mode changed meanwhile; look again.");
        audit.record(PAPER, "trading-mode", AuditOutcome.SUCCESS, "PAPER" + why(why));
        events.publishEvent(new TradingModeChanged(now, next));
        return next;
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    public TradingModeState raiseSizeFactor(String reason) {
        String why = text(SIZE, reason);
        TradingModeState now = store.read();
        if (!now.live()) throw refused(SIZE, RefusalCode.NOT_LIVE, "The size factor is raised only in LIVE.");
        int at = -1;
        for (int i = 0; i < TradingModeState.SIZE_STEPS.size(); i++) {
            if (TradingModeState.SIZE_STEPS.get(i).compareTo(now.sizeFactor()) <= 0) at = i;
        }
        if (at >= TradingModeState.SIZE_STEPS.size() - 1) {
            throw refused(SIZE, RefusalCode.SIZE_FACTOR_AT_MAXIMUM, "The size factor is already 100 %.");
        }
        TradingModeState next = new TradingModeState(TradingMode.LIVE, TradingModeState.SIZE_STEPS.get(at + 1), CurrentUser.username(),
                clock.instant(), why);
        return change(SIZE, now.sizeFactor().toPlainString() + " → " + next.sizeFactor().toPlainString() + why(why), now, next);
    }

    /** Why the pre-flight stands in the way of LIVE; a reason too when nobody can tell (no port, or it threw): fail closed. */
    private Optional<String> preflightMissing() {
        List<LivePreflight> gates = preflight.orderedStream().toList();
        if (gates.isEmpty()) return Optional.of("no pre-flight can be checked");
        for (LivePreflight gate : gates) {
            try {
                Optional<String> why = gate.whyNot();
                if (why.isPresent()) return why;
            } catch (RuntimeException e) {
                return Optional.of("cannot read whether the pre-flight is complete (" + e.getClass().getSimpleName() + ")");
            }
        }
        return Optional.empty();
    }

    private TradingModeState change(String action, String detail, TradingModeState now, TradingModeState next) {
        AuditLog.Pending pending = audit.begin(action, "trading-mode", detail,
                () -> new TradingModeRefusal(new Refusal(RefusalCode.AUDIT_UNAVAILABLE, "Nothing changed: the audit record cannot be written.")));
        try {
            if (!store.replace(now, next)) {
                pending.complete(AuditOutcome.FAILED, "changed meanwhile");
                throw new TradingModeRefusal(new Refusal(RefusalCode.CONCURRENT_CHANGE, "The mode changed meanwhile; look again."));
            }
            pending.complete(AuditOutcome.SUCCESS, detail);
        } catch (RuntimeException e) {
            if (!(e instanceof TradingModeRefusal)) pending.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        events.publishEvent(new TradingModeChanged(now, next));
        return next;
    }

    /** The optional reason, checked as plain text (at most 2,000 characters). */
    private String text(String action, String reason) {
        if (reason == null || reason.isBlank()) return null;
        Optional<PlainText.Violation> bad = PlainText.multiLine("reason", reason);
        if (bad.isPresent()) throw refused(action, new Refusal(RefusalCode.INVALID_TEXT, bad.get().message(), Optional.empty(), Optional.of("reason")));
        if (reason.strip().length() > 2000) throw refused(action, RefusalCode.REASON_TOO_LONG, "A reason of at most 2,000 characters.");
        return reason.strip();
    }

    private static String why(String reason) {
        return reason == null ? "" : " (" + reason + ")";
    }

    private TradingModeRefusal refused(String action, RefusalCode code, String message) {
        return refused(action, new Refusal(code, message));
    }

    private TradingModeRefusal refused(String action, Refusal refusal) {
        auditLog.record(new AuditEntry(CurrentUser.username(), action, "trading-mode", null, AuditOutcome.FAILED,
                refusal.code() + ": " + refusal.message(), CurrentUser.clientAddress()));
        return new TradingModeRefusal(refusal);
    }
}
