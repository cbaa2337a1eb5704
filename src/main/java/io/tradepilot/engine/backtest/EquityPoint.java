package io.tradepilot.engine.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/** Cash and equity (cash + position marked at the bar's close) after bar {@code time}, exact. */
public record EquityPoint(Instant time, BigDecimal cash, BigDecimal position, BigDecimal equity) {}
