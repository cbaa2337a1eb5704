package io.tradepilot.brokers;

import java.time.Instant;
import java.util.Optional;

/**
 * The account the engine trades through, as anyone signed in may see it and as the daily pre-flight checks it: what it
 * is, its last connection test and the open session's health — never a credential, nothing secret. A read without
 * side effects (no session is opened, no network call), so it needs no role; changing accounts is
 * {@link BrokerAccounts}' job (admins).
 */
public interface ActiveAccountStatus {

    /** The active account now; empty when none is active (the engine trades the built-in paper venue). Reads the database. */
    Optional<ActiveAccount> activeAccount();

    /**
     * @param tokenExpiresAt when the stored access token expires (Kite), null when unknown or none
     * @param health         the health of the session this instance opened for it (the leader's engine), null when
     *                       this instance has none open (a standby, the engine stopped) or the adapter does not report it
     */
    record ActiveAccount(String name, BrokerKind broker, AccountEnvironment environment, boolean enabled,
                         Instant lastTestAt, Boolean lastTestOk, String lastError, boolean accessTokenSet,
                         Instant tokenExpiresAt, VenueHealth health) {

        /** "name (ALPACA PAPER)", as pages and evidence name the account. */
        public String label() {
            return name + " (" + broker + " " + environment + ")";
        }
    }
}
