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
}
