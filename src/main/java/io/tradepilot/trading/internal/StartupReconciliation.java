package io.tradepilot.trading.internal;

import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.risk.TradingState;
import io.tradepilot.engine.risk.TradingStatePort;

/**
 * Holds new entries of an engine whose orders go to a broker until reconciliation has compared that session's book
 * with the ledger and found nothing open (fail closed: a fresh ledger while the broker holds a position must not send
 * an entry before the difference is seen and trips {@code RECONCILIATION_MISMATCH}). Exits pass (the hold answers
 * {@code PAUSED}: exits only); a stricter control state (kill switch, breaker, unknown) wins. One per host; each engine
 * start re-arms it for its own session, so a restart, a failover or a switch of account waits for its own first run.
 * Armed only when the host {@link #require requires} it (reconciliation runs on this instance).
 */
final class StartupReconciliation {

    private volatile boolean required;
    /** The session whose first clean reconciliation entries wait for; null: none awaited. */
    private volatile VenueSession awaiting;

    /** Whether entries wait for reconciliation at each engine start (set before the engine starts). */
    void require(boolean required) {
        this.required = required;
    }

    /**
     * The engine's trading state for an engine starting now: {@code controls}, and while {@code routed} (the session
     * taking the engine's orders; null at the paper venue) has not been reconciled clean, entries held. Releases
     * ({@link TradingStatePort#releases()}) are the controls'.
     */
    TradingStatePort arm(TradingStatePort controls, VenueSession routed) {
        awaiting = required ? routed : null;
        return new TradingStatePort() {
            @Override
            public TradingState current() {
                TradingState state = controls.current();
                VenueSession waitingFor = awaiting;
                if (state.kind() != TradingState.Kind.ALLOWED || waitingFor == null) return state;
                return TradingState.blocked(TradingState.Kind.PAUSED, "awaiting the start-up reconciliation with "
                        + waitingFor.broker() + " account " + waitingFor.accountId());
            }

            @Override
            public long releases() {
                return controls.releases();
            }
        };
    }

    /** Reconciliation compared {@code session}'s book with the ledger; {@code clean}: nothing open. Releases the hold of that session. */
    void reconciled(VenueSession session, boolean clean) {
        if (clean && session != null && session == awaiting) awaiting = null;
    }

    /** Whether entries are held for a session's first reconciliation now. */
    boolean holding() {
        return awaiting != null;
    }
}
