package io.tradepilot.brokers;

import java.util.List;

/**
 * The broker accounts admins connect (Connections page, {@code /api/v1/brokers/accounts}). Every method is for
 * admins only (method security; a denial is audited as {@code BROKER_ACCOUNT_<METHOD>} DENIED). Every change is
 * recorded in the audit log before it is made and refused with 503 {@code AUDIT_UNAVAILABLE} when it cannot be.
 * Credentials are taken here, sealed, and never returned, logged or audited. Refusals are {@link BrokerAccountRefusal}s.
 */
public interface BrokerAccounts {

    /** Every account, by name, with the open session's health on the active one. */
    List<BrokerAccount> accounts();

    /** Creates an account (credentials required). */
    BrokerAccount create(BrokerAccountRequest request);

    /** Replaces an account's settings; null credentials keep the stored ones. The active account stays enabled. */
    BrokerAccount update(long id, BrokerAccountRequest request);

    /** Deletes an account that is not active. */
    void delete(long id);

    /** Asks the broker whether the account's credentials work, records the outcome on the account, and says it. */
    ConnectionCheck test(long id);

    /**
     * Makes an enabled account the one the engine trades through (the previous one stops being active) and publishes
     * {@link ActiveAccountChanged}. Its broker must have an adapter.
     */
    BrokerAccount activate(long id);

    /**
     * Stores the access token the broker issued for the account (Kite: exchanged from the login's
     * {@code request_token}; valid until {@code expiresAt}), sealed; the audit record says only that a token was stored.
     */
    BrokerAccount storeAccessToken(long id, String accessToken, java.time.Instant expiresAt);

    /** No account is active any more: the engine trades the paper venue (publishes {@link ActiveAccountChanged}). */
    void deactivate();
}
