package io.tradepilot.brokers;

import io.tradepilot.engine.core.EngineInput;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.venue.ExecutionVenue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One connected broker account, as the engine host uses it; one implementation per adapter package
 * ({@code alpaca}, {@code kite}). A third broker implements this interface (and {@link ExecutionVenue}) and
 * needs no change to the engine or the host.
 */
public interface VenueSession extends AutoCloseable {

    /** The account's id in the Connections store. */
    String accountId();

    /** The adapter's name: {@code alpaca}, {@code kite}. */
    String broker();

    /** Whether the account points at the broker's live (real money) endpoints rather than its paper ones. */
    boolean live();

    /** The outbound order port the engine uses for this account. */
    ExecutionVenue venue();

    /** Starts delivering execution reports (as {@code EngineCommand.VenueReport}) to {@code engine}. */
    void start(EngineInput engine);

    /** The broker's instrument for {@code symbol} (exchange, currency, tick and lot size); empty when not listed. */
    Optional<Instrument> instrument(String symbol);

    /** Finished bars of {@code instrument} of {@code barSize} starting in [from, to), oldest first. */
    List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to);

    /**
     * Streams finished bars of {@code barSize} of {@code instruments} to {@code sink}, on the exchange's clock,
     * on the adapter's thread, until the returned handle is closed; after a dropped connection the missed bars
     * are back-filled before new ones, so that the sink sees every bar once, in time order per instrument.
     */
    AutoCloseable streamBars(List<Instrument> instruments, Duration barSize, BiConsumer<Instrument, Bar> sink);

    /** Whether {@link #streamTrades} works for this account (its market-data stream carries trades or ticks). */
    default boolean streamsTrades() {
        return false;
    }

    /**
     * Streams every trade (or tick) of {@code instruments} to {@code sink} as the broker reports it, on the adapter's
     * thread, until the returned handle is closed; the host builds its bars from them on the exchange's clock. Trades
     * missed while the connection was down are not repeated. Only when {@link #streamsTrades()}.
     *
     * @throws UnsupportedOperationException when the adapter streams no trades
     */
    default AutoCloseable streamTrades(List<Instrument> instruments, BiConsumer<Instrument, MarketTrade> sink) {
        throw new UnsupportedOperationException(broker() + " streams no trades");
    }

    /**
     * As {@link #streamTrades}, and also tells {@code listener} each time the stream is subscribed (first and after
     * every drop), so that it can back-fill what it missed. Only when {@link #streamsTrades()}. By default the trades
     * alone (an adapter that cannot say when it subscribed: nothing is back-filled).
     *
     * @throws UnsupportedOperationException when the adapter streams no trades
     */
    default AutoCloseable streamMarket(List<Instrument> instruments, MarketListener listener) {
        return streamTrades(instruments, listener::trade);
    }

    /** The broker's book now (cash, positions, working orders), for reconciliation. */
    BrokerBook book();

    /** The broker's fills executed after {@code after}, oldest first, to back-fill fills the engine missed. */
    List<BrokerBook.BrokerFill> fillsSince(Instant after);

    /** Closes streams and connections; never throws. */
    @Override
    void close();
}
