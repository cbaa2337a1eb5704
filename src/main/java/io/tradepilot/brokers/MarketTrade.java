package io.tradepilot.brokers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade a broker's market-data stream reports, exact: when it happened on the exchange's clock, its price, and
 * either its own {@code quantity} (Alpaca's {@code t} messages: {@code volumeToday} is {@link #NO_DAY_VOLUME}) or the
 * instrument's cumulative {@code volumeToday} after it (KiteTicker ticks: the host's bars take the volume of a bar as
 * the rise of the day volume; {@code quantity} is then the last trade's quantity).
 */
public record MarketTrade(Instant time, BigDecimal price, long quantity, long volumeToday) {

    /** {@code volumeToday} of a trade that carries its own quantity only. */
    public static final long NO_DAY_VOLUME = -1;

    public MarketTrade {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0) throw new IllegalArgumentException("price must be positive: " + price);
        if (quantity < 0) throw new IllegalArgumentException("quantity must not be negative: " + quantity);
        if (volumeToday < NO_DAY_VOLUME) throw new IllegalArgumentException("volumeToday must not be negative: " + volumeToday);
    }

    /** A trade with its own quantity (the bar's volume is the sum of its trades' quantities). */
    public static MarketTrade trade(Instant time, BigDecimal price, long quantity) {
        return new MarketTrade(time, price, quantity, NO_DAY_VOLUME);
    }

    /** A tick: the last trade's price and quantity, and the day's cumulative volume after it. */
    public static MarketTrade tick(Instant time, BigDecimal price, long lastQuantity, long volumeToday) {
        return new MarketTrade(time, price, lastQuantity, volumeToday);
    }

    /** Whether the volume comes from the cumulative day volume ({@link #tick}). */
    public boolean cumulative() {
        return volumeToday != NO_DAY_VOLUME;
    }
}
