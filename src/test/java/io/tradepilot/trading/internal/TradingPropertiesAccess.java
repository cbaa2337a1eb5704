package io.tradepilot.trading.internal;

import java.math.BigDecimal;
import java.util.List;

/** Test access to the host's limits record for tests of other packages. */
public final class TradingPropertiesAccess {
    /** The limits with application.yaml's defaults. */
    public Record defaults() {
        return new TradingProperties.Limits(new BigDecimal("0.018"), new BigDecimal("0.035"), TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER,
                new TradingProperties.SizeReduction(3, new BigDecimal("0.5"), 2), 5, new BigDecimal("0.5"), new BigDecimal("2500"),
                new BigDecimal("0.25"), new BigDecimal("2000"), new BigDecimal("300000"), new BigDecimal("1000000"), List.of("BAD"));
    }

    /** Limits with every live rule on: trading hours with a blackout, correlation groups, buying power. */
    public Record everyRuleOn() {
        var hours = new TradingProperties.TradingHours(true, java.time.ZoneId.of("Asia/Kolkata"), java.time.LocalTime.of(9, 15),
                java.time.LocalTime.of(15, 20), java.time.LocalTime.of(15, 30),
                List.of(new TradingProperties.TradingHours.Blackout(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 0))));
        return new TradingProperties.Limits(new BigDecimal("0.018"), new BigDecimal("0.035"), TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER,
                new TradingProperties.SizeReduction(3, new BigDecimal("0.5"), 2), 5, new BigDecimal("0.5"), new BigDecimal("2500"),
                new BigDecimal("0.25"), new BigDecimal("2000"), new BigDecimal("300000"), new BigDecimal("1000000"), List.of("BAD"),
                3, new BigDecimal("0.06"), java.util.Map.of("banks", List.of("HDFCBANK", "ICICIBANK")), 1, hours,
                new TradingProperties.BuyingPowerSettings(true, new BigDecimal("5")));
    }
}
