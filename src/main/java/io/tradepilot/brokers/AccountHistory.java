package io.tradepilot.brokers;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only client of a broker account's market data (instruments and historical bars), for readers that are not
 * the engine host: the stored-history fetch of the market data module. It is never the account's trading session: it
 * places no order, starts no stream, is not the session whose health the Connections page shows, and records nothing
 * on the account (see {@link VenueAccounts#historyReader()}).
 */
public interface AccountHistory extends AutoCloseable {

    /** The adapter's name: {@code alpaca}, {@code kite}. */
    String broker();

    /** The account's id in the Connections store. */
    String accountId();

    /** The broker's instrument for {@code symbol}; empty when not listed. */
    Optional<Instrument> instrument(String symbol);

    /** Finished bars of {@code instrument} of {@code barSize} starting in [from, to), oldest first. */
    List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to);

    /** Releases the client's connections; never throws. */
    @Override
    void close();

    /**
     * The reads of {@code session} and nothing else (no venue, no streams, no book): the caller owns the session and
     * closes it with this view.
     */
    static AccountHistory of(VenueSession session) {
        Objects.requireNonNull(session, "session");
        return new AccountHistory() {
            @Override public String broker() { return session.broker(); }
            @Override public String accountId() { return session.accountId(); }
            @Override public Optional<Instrument> instrument(String symbol) { return session.instrument(symbol); }

            @Override
            public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) {
                return session.history(instrument, barSize, from, to);
            }

            @Override public void close() { session.close(); }
        };
    }
}
