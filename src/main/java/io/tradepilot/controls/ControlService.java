package io.tradepilot.controls;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.security.Roles;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.internal.AuditedAs;
import io.tradepilot.controls.internal.AuditingDeniedHandler;
import io.tradepilot.controls.internal.ControlAuthorization;
import io.tradepilot.controls.internal.ControlStore;
import io.tradepilot.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The application service of the controls, and their security and audit boundary: every
 * mutating method is authorized on the server (method security, and again inside the method),
 * and every attempt — applied, refused, rate limited or denied — is written to the audit log
 * with the user, action, target, reason, outcome and client address.
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
        return perform(ControlAction.PAUSE, reason, (known, user) ->
                known.trading().pause(user, reason, clock.instant(), rules));
    }

    /** Resumes trading. Operator or admin. Refused when not paused. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.RESUME)
    public ControlResult resume(String reason) {
        return perform(ControlAction.RESUME, reason, (known, user) ->
                known.trading().resume(user, reason, clock.instant(), rules));
    }

    /** Engages the kill switch (no new orders). Operator or admin; reason of at least 10 characters; refused when engaged. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.ENGAGE_KILL_SWITCH)
    public ControlResult engageKillSwitch(String reason) {
        return perform(ControlAction.ENGAGE_KILL_SWITCH, reason, (known, user) ->
                known.killSwitch().engage(user, reason, clock.instant(), rules));
    }

    /** Disengages the kill switch. Admin only; notes and the typed word {@code CONFIRM}; refused when not engaged. */
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.DISENGAGE_KILL_SWITCH)
    public ControlResult disengageKillSwitch(String notes, String confirmation) {
        return perform(ControlAction.DISENGAGE_KILL_SWITCH, notes, (known, user) ->
                known.killSwitch().disengage(user, notes, confirmation, clock.instant(), rules));
    }

    /** Trips the circuit breaker (no new entries). Operator or admin; MANUAL needs a detail; refused when tripped. */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.TRIP_CIRCUIT_BREAKER)
    public ControlResult tripCircuitBreaker(TripReason reason, String detail) {
        String auditReason = reason == null ? ControlRules.clean(detail)
                : reason.name() + (ControlRules.clean(detail).isEmpty() ? "" : ": " + ControlRules.clean(detail));
        return perform(ControlAction.TRIP_CIRCUIT_BREAKER, auditReason, (known, user) ->
                known.circuitBreaker().trip(user, reason, detail, clock.instant(), rules));
    }

    /**
     * Resets a tripped circuit breaker. Operator or admin; reason of at least 20 characters; the
     * acknowledgement ticked; at most once a minute across all users (else rate limited).
     */
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = AuditingDeniedHandler.class)
    @AuditedAs(ControlAction.RESET_CIRCUIT_BREAKER)
    public ControlResult resetCircuitBreaker(String reason, boolean acknowledged) {
        return perform(ControlAction.RESET_CIRCUIT_BREAKER, reason, (known, user) ->
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
        String auditReason = reason == null ? ControlRules.clean(detail)
                : reason.name() + (ControlRules.clean(detail).isEmpty() ? "" : ": " + ControlRules.clean(detail));
        return apply(ControlAction.TRIP_CIRCUIT_BREAKER, auditReason, SYSTEM_USER, (known, user) ->
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

    private ControlResult perform(ControlAction action, String reason, Rule rule) {
        authorization.require(action, reason);
        return apply(action, reason, ControlAuthorization.currentUser(), rule);
    }

    private ControlResult apply(ControlAction action, String reason, String user, Rule rule) {
        String client = CurrentUser.clientAddress();
        String auditReason = ControlRules.clean(reason).isEmpty() ? null : ControlRules.clean(reason);
        Function<AuditOutcome, Function<String, AuditEntry>> attempt = outcome -> detail ->
                new AuditEntry(user, action.auditName(), action.control().key(), auditReason, outcome, detail, client);
        for (int i = 0; i < ATTEMPTS; i++) {
            ControlStore.Stored stored;
            try {
                stored = store.read();
            } catch (ControlStore.ControlStoreUnavailable e) {
                return refused(attempt, new Refusal(RefusalCode.STATE_UNAVAILABLE,
                        "Control state unknown, nothing was changed: " + e.getMessage()));
            }
            Decision<?> decision = rule.decide(stored.known(), user);
            switch (decision) {
                case Decision.Refused<?> refused -> {
                    return refused(attempt, refused.refusal());
                }
                case Decision.Applied<?> applied -> {
                    boolean written;
                    try {
                        written = store.compareAndSet(action.control(), stored.raw().get(action.control()),
                                applied.next(), applied.change());
                    } catch (ControlStore.ControlStoreUnavailable e) {
                        return refused(attempt, new Refusal(RefusalCode.STATE_UNAVAILABLE,
                                "Control state could not be stored, nothing was changed: " + e.getMessage()));
                    }
                    if (written) {
                        afterChange.accept(applied.change());
                        record(attempt.apply(AuditOutcome.SUCCESS).apply(applied.change().from() + " -> "
                                + applied.change().to()));
                        return new ControlResult.Applied(applied.change());
                    }
                }
            }
        }
        return refused(attempt, new Refusal(RefusalCode.CONCURRENT_CHANGE,
                "Someone else changed the " + action.control().label().toLowerCase() + " at the same moment; look again and retry."));
    }

    private ControlResult refused(Function<AuditOutcome, Function<String, AuditEntry>> attempt, Refusal refusal) {
        AuditOutcome outcome = refusal.code() == RefusalCode.RATE_LIMITED ? AuditOutcome.RATE_LIMITED : AuditOutcome.FAILED;
        record(attempt.apply(outcome).apply(refusal.code().name() + ": " + refusal.message()));
        return new ControlResult.Refused(refusal);
    }

    /** Writes the audit record; the change (if any) is already stored and broadcast, see {@link AuditLog#recordOrLog}. */
    private void record(AuditEntry entry) {
        audit.recordOrLog(entry);
    }
}
