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

    /**
     * A read-only client of the active account's instruments and history for a reader other than the engine host
     * (e.g. a stored-history fetch), on any instance, leader or standby: it is opened apart from the trading session,
     * starts no stream, is not remembered as the account's session (the Connections page's health stays the trading
     * session's) and records nothing on the account (a failure to open it is the caller's answer, not the account's
     * last error). The caller closes it. Empty when no account is active. By default the reads of a fresh
     * {@link #activeSession()}; a store that remembers the sessions it opens overrides it.
     *
     * @throws IllegalStateException when the active account cannot be opened now (disabled, no adapter, credentials
     *                               unreadable, bad settings), saying why; never a credential
     */
    default Optional<AccountHistory> historyReader() {
        return activeSession().map(AccountHistory::of);
    }
}
