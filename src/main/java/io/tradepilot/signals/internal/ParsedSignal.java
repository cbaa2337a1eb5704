package io.tradepilot.signals.internal;

import io.tradepilot.signals.SignalAction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payload read as a signal: its format, action, the tickers it names (each with the price the alert saw, null
 * when none), the quantity it asks for (TradingView's contracts; null when none), when it was sent, and the
 * secret in its body (null when none).
 */
record ParsedSignal(String format, SignalAction action, List<Item> items, BigDecimal quantity, Instant time, String secret) {

    static final String TRADINGVIEW = "TRADINGVIEW";
    static final String CHARTINK = "CHARTINK";

    ParsedSignal {
        items = List.copyOf(items);
    }

    /** One ticker of the signal, with the price the alert saw (null when it sent none). */
    record Item(String ticker, BigDecimal price) {
    }

    /** The tickers, comma-separated, for the record. */
    String tickers() {
        return String.join(",", items.stream().map(Item::ticker).toList());
    }
}
