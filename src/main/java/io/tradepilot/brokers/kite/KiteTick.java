package io.tradepilot.brokers.kite;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One KiteTicker tick, exact: {@code lastPrice} from the packet's integer paise (or the segment's smaller unit),
 * {@code volumeToday} cumulative for the day. The times come only with {@code full} mode (null otherwise).
 */
public record KiteTick(long instrumentToken, BigDecimal lastPrice, long lastQuantity, long volumeToday,
                       Instant lastTradeTime, Instant exchangeTime) { }
