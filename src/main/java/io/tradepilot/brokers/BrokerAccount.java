package io.tradepilot.brokers;

import java.time.Instant;

/**
 * A stored broker account as admins see it: settings in the clear, credentials never — only masked hints
 * ({@code ••••WXYZ}) and whether an access token is stored.
 *
 * @param keyHint         the key id's last four characters behind a mask, or a note that it cannot be opened
 * @param active          the account the engine trades through (at most one)
 * @param lastTestOk      the outcome of the last connection test; null before the first
 * @param lastError       the last failure (test or session), null when none
 * @param tokenExpiresAt  when the stored access token expires (Kite), null when unknown or none
 * @param health          the open session's health (only for the account whose session is open), else null
 */
public record BrokerAccount(long id, BrokerKind broker, String name, AccountEnvironment environment, String tradingUrl,
                            String marketDataUrl, String tradeStreamUrl, String dataStreamUrl, String dataFeed,
                            String keyHint, boolean enabled, boolean active, Instant lastTestAt, Boolean lastTestOk,
                            String lastError, boolean accessTokenSet, Instant tokenExpiresAt, VenueHealth health,
                            String updatedBy, Instant updatedAt) {
}
