package io.tradepilot.brokers;

import io.tradepilot.engine.domain.Instrument;

/**
 * What a broker's market-data stream tells its listener ({@link VenueSession#streamMarket}), on the adapter's thread.
 */
public interface MarketListener {

    /** One trade (or tick) of {@code instrument}, as {@link VenueSession#streamTrades} delivers it. */
    void trade(Instrument instrument, MarketTrade trade);

    /**
     * The stream is subscribed: the first time ({@code connection} 1) or again after a drop (2, 3, …). Trades from now
     * on arrive; those made while it was down never will (the listener back-fills them from history).
     */
    void subscribed(int connection);

    /**
     * The stream dropped (or was given up): what it delivered of the bars in progress is incomplete until the next
     * {@link #subscribed}. By default nothing.
     */
    default void dropped() { }

    /** A listener of the trades alone ({@code subscribed} ignored). */
    static MarketListener trades(java.util.function.BiConsumer<Instrument, MarketTrade> sink) {
        java.util.Objects.requireNonNull(sink, "sink");
        return new MarketListener() {
            @Override public void trade(Instrument instrument, MarketTrade trade) { sink.accept(instrument, trade); }
            @Override public void subscribed(int connection) { }
        };
    }
}
