package io.tradepilot.brokers;

import java.time.Instant;
import java.util.List;

/**
 * What a broker adapter (or the Connections store) tells the {@code broker} health component about the accounts
 * it serves: whether each is connected and when its access token expires. Pluggable: every bean of this type is
 * asked at each health check; with none, or none reporting an account, the component says "none configured".
 * Implementations answer from what they already know (no call to the broker per health check), quickly, and
 * never throw; they never put credentials in {@link Account#detail}.
 */
@FunctionalInterface
public interface BrokerHealth {

    /** The accounts this source serves now; empty when it has none. */
    List<Account> accounts();

    /**
     * One broker account.
     *
     * @param id             the account's id (e.g. in the Connections store)
     * @param broker         the adapter's name: {@code alpaca}, {@code kite}
     * @param connected      whether its session and streams are up
     * @param tokenExpiresAt when its access token stops working; null when it does not expire (API keys)
     * @param detail         what the adapter last saw, for the operator (e.g. the last failure); may be empty
     */
    record Account(String id, String broker, boolean connected, Instant tokenExpiresAt, String detail) {
    }
}
