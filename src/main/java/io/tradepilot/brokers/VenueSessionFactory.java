package io.tradepilot.brokers;

/**
 * The service provider interface of a broker adapter: how {@link VenueAccounts} opens a session for a stored account
 * and how the Connections page tests one. One Spring bean per {@link BrokerKind} (Alpaca's is
 * {@code brokers.alpaca.AlpacaSessionFactory}); a second bean for the same kind refuses to start the application.
 * An account whose kind has no factory cannot be made active and its test says so.
 *
 * <p>A third broker: add its {@link BrokerKind} (and the migration's check), an adapter package with a
 * {@link VenueSession} and this factory as a bean; nothing else changes.
 */
public interface VenueSessionFactory {

    /** The broker this factory serves. */
    BrokerKind broker();

    /**
     * A session for {@code account}: builds the adapter's clients but connects no stream yet (see
     * {@link VenueSession#start} and {@link VenueSession#streamBars}); it may read the broker's instrument list lazily.
     *
     * @throws IllegalArgumentException when the account's settings cannot work with this broker (e.g. a bad URL)
     */
    VenueSession open(AccountCredentials account);

    /**
     * Asks the broker whether {@code account}'s credentials work (Alpaca {@code GET /v2/account}), within the adapter's
     * request timeout; never throws, never puts a credential into the detail.
     */
    ConnectionCheck check(AccountCredentials account);
}
