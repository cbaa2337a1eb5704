package io.tradepilot.controls;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one place that answers "may a new order go out now, and if not, why". The engine asks it
 * (through its own port) before every order.
 * <ul>
 * <li>Kill switch engaged: no new orders (entries and exits); cancels and the emergency flatten are allowed.</li>
 * <li>Circuit breaker tripped, or trading paused: no new entries; exits, cancels and flatten are allowed.</li>
 * <li>State unknown (cannot be read): like the kill switch, fail closed.</li>
 * </ul>
 */
public final class TradingGate {

    private final Supplier<ControlsReading> reader;
    private final Clock clock;

    /** @param reader reads the current state; may answer {@link ControlsReading.Unknown} or throw */
    public TradingGate(Supplier<ControlsReading> reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** The control state the gate decides on now (for adapters such as the engine's trading-state port). */
    public ControlsReading current() {
        try {
            return reader.get();
        } catch (RuntimeException e) {
            return new ControlsReading.Unknown(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
    }

    /** Reads the current control state and decides; never throws for an unreadable state. */
    public GateDecision check(OrderPurpose purpose) {
        return decide(current(), purpose);
    }

    /** The rule itself, pure: the same reading and purpose always give the same decision. */
    public static GateDecision decide(ControlsReading reading, OrderPurpose purpose) {
        if (purpose == OrderPurpose.CANCEL || purpose == OrderPurpose.FLATTEN) {
            return new GateDecision.Allowed();
        }
        return switch (reading) {
            case ControlsReading.Unknown unknown -> new GateDecision.UnknownBlocked(unknown.cause());
            case ControlsReading.Known known -> decideKnown(known, purpose);
        };
    }

    private static GateDecision decideKnown(ControlsReading.Known known, OrderPurpose purpose) {
        List<GateDecision.BlockReason> reasons = new ArrayList<>();
        if (known.killSwitch().engaged()) {
            reasons.add(new GateDecision.BlockReason(Control.KILL_SWITCH,
                    "Kill switch engaged" + who(known.killSwitch().lastChange()) + ": no new orders."));
        }
        if (purpose == OrderPurpose.ENTRY) {
            if (known.circuitBreaker().tripped()) {
                reasons.add(new GateDecision.BlockReason(Control.CIRCUIT_BREAKER,
                        "Circuit breaker tripped" + who(known.circuitBreaker().lastChange()) + ": no new entries."));
            }
            if (known.trading().state() == TradingState.PAUSED) {
                reasons.add(new GateDecision.BlockReason(Control.TRADING,
                        "Trading paused" + who(known.trading().lastChange()) + ": no new entries."));
            }
        }
        return reasons.isEmpty() ? new GateDecision.Allowed() : new GateDecision.Blocked(reasons);
    }

    private static String who(java.util.Optional<Change> change) {
        return change.map(c -> " by " + c.user() + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")")).orElse("");
    }
}
