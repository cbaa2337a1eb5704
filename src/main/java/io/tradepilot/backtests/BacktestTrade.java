package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A closed round trip (FIFO) of a run, with the journal's columns: {@code side} LONG or SHORT, {@code fees} both
 * legs' pro-rata charges, {@code netPnl = grossPnl - fees}, {@code rMultiple} null without a protective stop.
 */
public record BacktestTrade(String symbol, int seq, String side, Instant entryTime, BigDecimal entryPrice, Instant exitTime,
                            BigDecimal exitPrice, BigDecimal quantity, BigDecimal grossPnl, BigDecimal fees, BigDecimal netPnl,
                            BigDecimal rMultiple) {
}
