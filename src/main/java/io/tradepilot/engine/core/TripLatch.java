package io.tradepilot.engine.core;

import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.TradingState;
import io.tradepilot.engine.risk.TradingStatePort;

/**
 * The engine's own automatic trip (daily loss, drawdown, losing streak), held from the moment the engine trips until
 * the trading-state port reports a release. It bridges the time between the trip and the host's controls holding it:
 * the engine reports the trip ({@link EngineEvent.RiskTripped}) and refuses entries at once, in the same step, before
 * the host has recorded anything.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #trip} sets it, remembering the port's {@link TradingStatePort#releases()} count read at that moment.
 *       A set latch is not set again (a second trip changes nothing until the first is released).</li>
 *   <li>While set, {@link #over} answers CIRCUIT_BREAKER_TRIPPED with the trip's message (entries refused, exits
 *       pass), unless the port's own answer is stricter (KILL_SWITCH_ENGAGED, UNKNOWN or none: no new orders).</li>
 *   <li>It is released only when the port reports a release after the trip: {@link TradingStatePort#releases()}
 *       above the count read when it tripped. A port that never reports one (a backtest's) keeps it set to the end.
 *       {@link #over} judges that without changing anything; {@link #releaseIfReported} clears it.</li>
 * </ul>
 * Writer thread only (not thread-safe), like the engine.
 */
final class TripLatch {

    private boolean tripped;
    private RejectionCode code;
    private String message = "";
    private long releasesAtTrip;

    /** Whether the engine's own trip is set (and not yet {@linkplain #releaseIfReported released}). */
    boolean tripped() {
        return tripped;
    }

    /** The trip's message; empty while not tripped. */
    String message() {
        return message;
    }

    /** The trip's code (DAILY_LOSS_LIMIT, MAX_DRAWDOWN, CONSECUTIVE_LOSSES); null while not tripped. */
    RejectionCode code() {
        return code;
    }

    /** The engine state a snapshot shows: TRIPPED while set, else RUNNING. */
    EngineState state() {
        return tripped ? EngineState.TRIPPED : EngineState.RUNNING;
    }

    /** Sets the latch with the port's release count read now; false (nothing changes) when it is already set. */
    boolean trip(RejectionCode code, String message, long releasesNow) {
        if (tripped) return false;
        this.tripped = true;
        this.code = code;
        this.message = message == null ? "" : message;
        this.releasesAtTrip = releasesNow;
        return true;
    }

    /** Clears a set latch when {@code releasesNow} is above the count read at the trip; true when it did. */
    boolean releaseIfReported(long releasesNow) {
        if (!tripped || releasesNow <= releasesAtTrip) return false;
        tripped = false;
        code = null;
        message = "";
        return true;
    }

    /**
     * What the engine's trading-state check decides on: {@code port} (the host's answer) while the latch is not set or
     * the port has reported a release since the trip ({@code releasesNow}); else the trip, unless {@code port} is
     * stricter. Changes nothing.
     */
    TradingState over(TradingState port, long releasesNow) {
        if (!tripped || releasesNow > releasesAtTrip) return port;
        if (port == null || port.kind() == TradingState.Kind.KILL_SWITCH_ENGAGED || port.kind() == TradingState.Kind.UNKNOWN) return port;
        return TradingState.blocked(TradingState.Kind.CIRCUIT_BREAKER_TRIPPED, message);
    }
}
