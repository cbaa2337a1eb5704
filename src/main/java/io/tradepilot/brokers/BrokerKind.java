package io.tradepilot.brokers;

import java.util.Locale;

/** The brokers an account can be at; each has one adapter package and one {@link VenueSessionFactory}. */
public enum BrokerKind {
    /** Alpaca (US equities), package {@code brokers.alpaca}. */
    ALPACA,
    /** Zerodha Kite (NSE), package {@code brokers.kite}. */
    KITE;

    /** The adapter's name, as {@link VenueSession#broker()} reports it: {@code alpaca}, {@code kite}. */
    public String adapter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
