package io.tradepilot.brokers.kite;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;

import java.math.BigDecimal;

/**
 * One row of Kite's instruments dump ({@code GET /instruments/{exchange}}, CSV): the ticker's {@code instrumentToken},
 * the {@code tradingSymbol}, tick and lot size, segment and type.
 */
public record KiteInstrument(long instrumentToken, String tradingSymbol, String name, String exchange, BigDecimal tickSize,
                             BigDecimal lotSize, String instrumentType, String segment) {

    /** The engine's instrument (INR; the dump's exchange, tick and lot size). */
    public Instrument toInstrument() {
        return new Instrument(tradingSymbol, exchange, Money.INR, tickSize, lotSize);
    }
}
