package io.tradepilot.engine.portfolio;

import io.tradepilot.engine.domain.Side;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One closed FIFO pairing of an entry lot (or part of it) with an exit. {@code direction} is the entry's
 * side (BUY: a long trade). {@code grossPnl} excludes fees; {@code fees} holds the entry's and the exit's
 * pro-rata charges; {@code netPnl = grossPnl - fees}. {@code initialRisk} is
 * {@code quantity * |entryPrice - stop|} when the entry carried a protective stop, otherwise null.
 */
public record RoundTrip(String symbol, Side direction, Instant entryTime, BigDecimal entryPrice, Instant exitTime,
                        BigDecimal exitPrice, BigDecimal quantity, BigDecimal grossPnl, BigDecimal fees,
                        BigDecimal netPnl, BigDecimal initialRisk) {

    /** Net P&L in units of initial risk, or null when the risk is unknown or zero. */
    public BigDecimal rMultiple() {
        if (initialRisk == null || initialRisk.signum() == 0) return null;
        return Exact.divide(netPnl, initialRisk);
    }
}
