package io.tradepilot.controls;

import java.util.Optional;

/**
 * What must hold before trading may switch to LIVE besides the admin's typed confirmation, answered by the modules that
 * know (no open paper positions, a connected venue whose account is live, a clean reconciliation); implemented outside
 * controls (reconciliation: positions, venue, reconciliation; strategies: every applied version READY_FOR_LIVE). Every
 * implementation is asked, the first unmet one refuses. Without an implementation, switching to LIVE is refused
 * ({@link RefusalCode#NO_VENUE_CONNECTED}): fail closed.
 */
public interface LiveModePreconditions {

    /** The first precondition not met (codes {@code PAPER_POSITIONS_OPEN}, {@code NO_VENUE_CONNECTED},
     *  {@code VENUE_NOT_LIVE}, {@code RECONCILIATION_NOT_CLEAN}), or empty when LIVE may start. */
    Optional<Refusal> unmet();
}
