package io.tradepilot.brokers;

/**
 * Published (Spring application event, after the change committed) when an admin made another account active or
 * deactivated the active one, or stored a new access token for the active one (Kite's daily login): the engine host
 * picks the new {@link VenueAccounts#activeSession()} up.
 *
 * @param accountId the account now active, null when none (the paper venue)
 */
public record ActiveAccountChanged(Long accountId, String changedBy) {
}
