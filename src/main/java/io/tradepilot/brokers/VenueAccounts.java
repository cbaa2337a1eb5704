package io.tradepilot.brokers;

import java.util.Optional;

/**
 * The broker accounts an admin configured (Connections page) as the engine host sees them: at most one is
 * the account the engine trades through. With none, the host trades the built-in paper venue on the
 * configured market data (zero setup).
 */
public interface VenueAccounts {

    /**
     * The session of the account the engine trades through: configured, enabled and its credentials
     * readable; empty when there is none (the paper venue). Opening it does not yet connect streams (see
     * {@link VenueSession#start}).
     */
    Optional<VenueSession> activeSession();
}
