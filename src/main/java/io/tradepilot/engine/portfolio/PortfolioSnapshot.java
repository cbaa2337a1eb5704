package io.tradepilot.engine.portfolio;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Immutable view of the portfolio. Invariants: {@code equity = cash + sum(quantity x mark)};
 * {@code drawdown = (peakEquity - equity) / peakEquity} as a fraction (0 at a peak).
 */
public record PortfolioSnapshot(Currency currency, BigDecimal cash, BigDecimal equity, BigDecimal realizedPnl,
                                BigDecimal unrealizedPnl, BigDecimal fees, BigDecimal peakEquity, BigDecimal drawdown,
                                BigDecimal grossExposure, BigDecimal openRisk, BigDecimal dayStartEquity,
                                List<PositionSnapshot> positions) {
    public PortfolioSnapshot {
        positions = List.copyOf(positions);
    }
}
