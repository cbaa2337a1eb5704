package io.tradepilot.marketdata;

import io.tradepilot.engine.domain.Bar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where broker history comes from: the market data module's port, answered by the connected (active) broker
 * account. The module's own adapter implements it over the brokers module's public API
 * ({@code VenueAccounts.historyReader()}: a read-only client, not the trading session); another source (a data vendor) can replace
 * that bean.
 */
public interface BrokerHistory {

    /** The finished bars of {@code symbol} of {@code barSize} starting in [from, to), oldest first. */
    Fetched fetch(String symbol, Duration barSize, Instant from, Instant to);

    /** The bars and where they came from (broker and account, for the series' record). */
    record Fetched(String origin, List<Bar> bars) {
        public Fetched {
            bars = List.copyOf(bars);
        }
    }

    /** Why a fetch failed: {@code NO_BROKER} (no active account), {@code UNKNOWN_SYMBOL}, {@code BROKER_FAILED}. */
    final class Unavailable extends RuntimeException {
        private final String code;

        public Unavailable(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
