package io.tradepilot.engine.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A tradable instrument. {@code tickSize} is the smallest price step, {@code lotSize} the smallest
 * tradable quantity step (1 for cash equities, e.g. 50 for an index future).
 */
public record Instrument(String symbol, String exchange, Currency currency, BigDecimal tickSize, BigDecimal lotSize) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(currency, "currency");
        if (symbol.isBlank()) throw new IllegalArgumentException("symbol must not be blank");
        if (tickSize == null || tickSize.signum() <= 0) throw new IllegalArgumentException("tick size must be positive");
        if (lotSize == null || lotSize.signum() <= 0) throw new IllegalArgumentException("lot size must be positive");
    }

    /** An NSE cash equity: INR, tick 0.05, lot 1. */
    public static Instrument nseEquity(String symbol) {
        return new Instrument(symbol, "NSE", Money.INR, new BigDecimal("0.05"), BigDecimal.ONE);
    }

    /** A US equity: USD, tick 0.01, lot 1. */
    public static Instrument usEquity(String symbol, String exchange) {
        return new Instrument(symbol, exchange, Money.USD, new BigDecimal("0.01"), BigDecimal.ONE);
    }
}
