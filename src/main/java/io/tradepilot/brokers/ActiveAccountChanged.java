package io.tradepilot.brokers;

/**
 * Published (Spring application event, after the change committed) when an admin made another account active or
 * deactivated the active one: the engine host picks the new {@link VenueAccounts#activeSession()} up.
 *
 * @param accountId the account now active, null when none (the paper venue)
 */
public record ActiveAccountChanged(Long accountId, String changedBy) {
}
