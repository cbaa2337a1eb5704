package io.tradepilot.marketdata;

import java.time.Instant;

/** Bars to fetch from the connected broker: {@code symbol}'s bars of {@code interval} starting in [from, to). */
public record HistoryRequest(String symbol, String exchange, String interval, Instant from, Instant to, ImportMode mode) {
}
