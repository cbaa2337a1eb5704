package io.tradepilot.controls;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.security.Roles;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditUnavailableException;
import io.tradepilot.controls.internal.AuditedAs;
import io.tradepilot.controls.internal.AuditingDeniedHandler;
import io.tradepilot.controls.internal.ControlAuthorization;
import io.tradepilot.controls.internal.ControlStore;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The application service of the controls, and their security and audit boundary: every
 * mutating method is authorized on the server (method security, and again inside the method),
 * and every attempt — applied, refused, rate limited or denied — is written to the audit log
 * with the user, action, target, reason, outcome and client address. Text arguments must be plain
 * ({@link PlainText}: reasons, notes and details multi-line, the confirmation word single-line), else the
 * answer is {@link RefusalCode#INVALID_TEXT} naming the field.
 * <p>
 * No applied change goes unaudited: pause, engaging the kill switch and tripping the breaker make trading
 * safer and are applied even while the audit log is down (their records wait in its spool); resume,
 * disengage and reset are recorded before they are applied and refused with
 * {@link RefusalCode#AUDIT_UNAVAILABLE} when that record cannot be written.
 * <p>
 * Changes are atomic: the state is read, the rule decides, and the new state is stored only if
 * nobody changed it in between (otherwise the rule decides again, up to three times).
 * When the state cannot be read, nothing changes and the answer is a refusal
 * ({@link RefusalCode#STATE_UNAVAILABLE}).
 */
public class ControlService {

    private static final int ATTEMPTS = 3;

    private final ControlStore store;
    private final ControlAuthorization authorization;
    private final AuditLog audit;
    private final ControlRules rules;
    private final Clock clock;
    private final Consumer<ControlChanged> afterChange;

    public ControlService(ControlStore store, ControlAuthorization authorization, AuditLog audit,
                          ControlRules rules, Clock clock) {
        this(store, authorization, audit, rules, clock, change -> { });
    }

    /**
     * @param afterChange runs on the caller's thread after each stored change, before the method
     *                    returns (e.g. so that this instance's trading gate blocks at once)
     */
    public ControlService(ControlStore store, ControlAuthorization authorization, AuditLog audit,
                          ControlRules rules, Clock clock, Consumer<ControlChanged> afterChange) {
        this.store = store;
        this.authorization = authorization;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.afterChange = afterChange;
    }

    /** The current state of the three controls, or {@link ControlsReading.Unknown} when it cannot be read. */
    public ControlsReading read() {
        try {
            return store.read().known();
        } catch (ControlStore.ControlStoreUnavailable e) {
            return new ControlsReading.Unknown(e.getMessage(), clock.instant());
        }
    }

    /**
     * The newest changes of one control, newest first (at most the stored cap).
     *
     * @throws ControlStore.ControlStoreUnavailable when the history cannot be read
     */
    public List<ControlChanged> history(Control control, int limit) {
        return store.history(control, limit);
    }

    /** The rules in force (minimum reason lengths, reset interval). */
    public ControlRules rules() {
        return rules;
    }

    /** The actions the current user's role permits: what a view may offer. The methods check again. */
    public Set<ControlAction> permittedActions() {
        Set<ControlAction> permitted = EnumSet.noneOf(ControlAction.class);
        Arrays.stream(ControlAction.values()).filter(ControlAuthorization::permits).forEach(permitted::add);
        return permitted;
    }

    /** Pauses trading (no new entries). Operator or admin. Refused when already paused. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.PAUSE)
    public ControlResult pause(String reason) {
        return perform(ControlAction.PAUSE, reason, PlainText.multiLine("reason", reason), (known, user) ->
                known.trading().pause(user, reason, clock.instant(), rules));
    }

    /** Resumes trading. Operator or admin. Refused when not paused. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.RESUME)
    public ControlResult resume(String reason) {
        return perform(ControlAction.RESUME, reason, PlainText.multiLine("reason", reason), (known, user) ->
                known.trading().resume(user, reason, clock.instant(), rules));
    }

    /** Engages the kill switch (no new orders). Operator or admin; reason of at least 10 characters; refused when engaged. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.ENGAGE_KILL_SWITCH)
    public ControlResult engageKillSwitch(String reason) {
        return perform(ControlAction.ENGAGE_KILL_SWITCH, reason, PlainText.multiLine("reason", reason), (known, user) ->
                known.killSwitch().engage(user, reason, clock.instant(), rules));
    }

    /** Disengages the kill switch. Admin only; notes and the typed word {@code CONFIRM}; refused when not engaged. */
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.DISENGAGE_KILL_SWITCH)
    public ControlResult disengageKillSwitch(String notes, String confirmation) {
        return perform(ControlAction.DISENGAGE_KILL_SWITCH, notes,
                PlainText.first(PlainText.multiLine("notes", notes), PlainText.singleLine("confirm", confirmation)),
                (known, user) -> known.killSwitch().disengage(user, notes, confirmation, clock.instant(), rules));
    }

    /** Trips the circuit breaker (no new entries). Operator or admin; MANUAL needs a detail; refused when tripped. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.TRIP_CIRCUIT_BREAKER)
    public ControlResult tripCircuitBreaker(TripReason reason, String detail) {
        return perform(ControlAction.TRIP_CIRCUIT_BREAKER, tripAuditReason(reason, detail), PlainText.multiLine("detail", detail),
                (known, user) -> known.circuitBreaker().trip(user, reason, detail, clock.instant(), rules));
    }

    /**
     * Trips the circuit breaker for a reason as written (the REST API): a listed {@link TripReason} by name, or free
     * text, which is taken as {@link TripReason#MANUAL} with the text in front of the detail. Otherwise as
     * {@link #tripCircuitBreaker(TripReason, String)}.
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.TRIP_CIRCUIT_BREAKER)
    public ControlResult tripCircuitBreaker(String reason, String detail) {
        Optional<TripReason> listed = TripReason.parse(reason);
        String text = ControlRules.clean(reason);
        TripReason tripReason = listed.orElse(text.isEmpty() ? null : TripReason.MANUAL);
        String tripDetail = listed.isPresent() || text.isEmpty() ? detail
                : ControlRules.clean(detail).isEmpty() ? text : text + " — " + ControlRules.clean(detail);
        return perform(ControlAction.TRIP_CIRCUIT_BREAKER, tripAuditReason(tripReason, tripDetail),
                PlainText.first(PlainText.multiLine("reason", reason), PlainText.multiLine("detail", detail)),
                (known, user) -> known.circuitBreaker().trip(user, tripReason, tripDetail, clock.instant(), rules));
    }

    /**
     * Resets a tripped circuit breaker. Operator or admin; reason of at least 20 characters; the
     * acknowledgement ticked; at most once a minute across all users (else rate limited).
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.RESET_CIRCUIT_BREAKER)
    public ControlResult resetCircuitBreaker(String reason, boolean acknowledged) {
        return perform(ControlAction.RESET_CIRCUIT_BREAKER, reason, PlainText.multiLine("reason", reason), (known, user) ->
                known.circuitBreaker().reset(user, reason, acknowledged, clock.instant(), rules));
    }

    /** The user name under which the platform's own automatic actions are recorded. */
    public static final String SYSTEM_USER = "system";

    /**
     * Trips the circuit breaker on the platform's own initiative (stale market data, a loss limit):
     * no user and no role are involved, and the attempt is audited as user {@value #SYSTEM_USER}.
     * Same rules as a manual trip otherwise: refused (and audited as FAILED) when already tripped or
     * when the state cannot be read or stored. Never exposed through the API or a view; callers are
     * the host's automatic triggers.
     */
    public ControlResult tripCircuitBreakerAutomatically(TripReason reason, String detail) {
        return apply(ControlAction.TRIP_CIRCUIT_BREAKER, tripAuditReason(reason, detail), SYSTEM_USER, (known, user) ->
                known.circuitBreaker().trip(user, reason, detail, clock.instant(), rules));
    }

    /**
     * Engages the kill switch on the platform's own initiative (a loss limit configured to kill), audited
     * as user {@value #SYSTEM_USER}; same rules as a manual engagement (a reason of the minimum length,
     * refused when already engaged). Never exposed through the API or a view.
     */
    public ControlResult engageKillSwitchAutomatically(String reason) {
        return apply(ControlAction.ENGAGE_KILL_SWITCH, reason, SYSTEM_USER, (known, user) ->
                known.killSwitch().engage(user, reason, clock.instant(), rules));
    }

    @FunctionalInterface
    private interface Rule {
        Decision<?> decide(ControlsReading.Known known, String user);
    }

    private static String tripAuditReason(TripReason reason, String detail) {
        return reason == null ? ControlRules.clean(detail)
                : reason.name() + (ControlRules.clean(detail).isEmpty() ? "" : ": " + ControlRules.clean(detail));
    }

    /** Role (a denial is audited), then the texts ({@link PlainText}; a refusal names the field), then {@link #apply}. */
    private ControlResult perform(ControlAction action, String reason, Optional<PlainText.Violation> invalidText, Rule rule) {
        authorization.require(action, reason);
        if (invalidText.isPresent()) {
            return new Attempt(action, reason, ControlAuthorization.currentUser()).refused(Refusal.invalidText(invalidText.get()));
        }
        return apply(action, reason, ControlAuthorization.currentUser(), rule);
    }

    /**
     * Reads, decides and stores (compare-and-set, up to {@value #ATTEMPTS} times). An action that makes trading
     * safer is stored first and audited after ({@link AuditLog#record}: the record waits in the spool when the
     * audit log is down). Any other is recorded first ({@link AuditLog#begin}) and stored only once its record is
     * written; when it cannot be, nothing is stored and the answer is {@link RefusalCode#AUDIT_UNAVAILABLE}.
     */
    private ControlResult apply(ControlAction action, String reason, String user, Rule rule) {
        Attempt attempt = new Attempt(action, reason, user);
        for (int i = 0; i < ATTEMPTS; i++) {
            ControlStore.Stored stored;
            try {
                stored = store.read();
            } catch (ControlStore.ControlStoreUnavailable e) {
                return attempt.refused(new Refusal(RefusalCode.STATE_UNAVAILABLE,
                        "Control state unknown, nothing was changed: " + e.getMessage()));
            }
            Decision<?> decision = rule.decide(stored.known(), user);
            switch (decision) {
                case Decision.Refused<?> refused -> {
                    return attempt.refused(refused.refusal());
                }
                case Decision.Applied<?> applied -> {
                    if (!action.safer() && attempt.pending == null) {
                        try {
                            attempt.pending = audit.begin(attempt.entry(AuditOutcome.PENDING, null));
                        } catch (AuditUnavailableException e) {
                            return new ControlResult.Refused(Refusal.auditUnavailable(e)); // recorded by the audit log
                        }
                    }
                    boolean written;
                    try {
                        written = store.compareAndSet(action.control(), stored.raw().get(action.control()),
                                applied.next(), applied.change());
                    } catch (ControlStore.ControlStoreUnavailable e) {
                        return attempt.refused(new Refusal(RefusalCode.STATE_UNAVAILABLE,
                                "Control state could not be stored, nothing was changed: " + e.getMessage()));
                    }
                    if (written) {
                        afterChange.accept(applied.change());
                        attempt.ended(AuditOutcome.SUCCESS, applied.change().from() + " -> " + applied.change().to());
                        return new ControlResult.Applied(applied.change());
                    }
                }
            }
        }
        return attempt.refused(new Refusal(RefusalCode.CONCURRENT_CHANGE,
                "Someone else changed the " + action.control().label().toLowerCase() + " at the same moment; look again and retry."));
    }

    /** One attempt's audit record: written once it ended, or begun before the change and completed now. */
    private final class Attempt {

        private final ControlAction action;
        private final String reason;
        private final String user;
        private final String client = CurrentUser.clientAddress();
        private AuditLog.Pending pending;

        Attempt(ControlAction action, String reason, String user) {
            this.action = action;
            this.reason = ControlRules.clean(reason).isEmpty() ? null : ControlRules.clean(reason);
            this.user = user;
        }

        AuditEntry entry(AuditOutcome outcome, String detail) {
            return new AuditEntry(user, action.auditName(), action.control().key(), reason, outcome, detail, client);
        }

        ControlResult refused(Refusal refusal) {
            ended(refusal.code() == RefusalCode.RATE_LIMITED ? AuditOutcome.RATE_LIMITED : AuditOutcome.FAILED,
                    refusal.code().name() + ": " + refusal.message());
            return new ControlResult.Refused(refusal);
        }

        void ended(AuditOutcome outcome, String detail) {
            if (pending != null) {
                pending.complete(outcome, detail);
            } else {
                audit.record(entry(outcome, detail));
            }
        }
    }
}
