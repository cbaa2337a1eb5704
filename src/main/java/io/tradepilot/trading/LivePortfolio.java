package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The engine's portfolio right now (its latest snapshot), with what the ledger does not hold: marks,
 * unrealized P&L, exposure, open risk. Exact decimals; {@code drawdown} a fraction below the peak;
 * {@code dayPnl = equity - dayStartEquity}; {@code dailyLossLimit} the configured fraction of the day's
 * starting equity (null when off).
 *
 * @param marketTime    the engine clock's time (the bars being processed)
 * @param engineState   RUNNING, PAUSED, TRIPPED or KILLED (the engine's own state; the controls are read separately)
 * @param positions     open positions only
 * @param workingOrders orders that can still fill
 */
public record LivePortfolio(Instant marketTime, String engineState, String stateReason, BigDecimal cash, BigDecimal equity,
                            BigDecimal dayStartEquity, BigDecimal dayPnl, BigDecimal realizedPnl, BigDecimal unrealizedPnl,
                            BigDecimal fees, BigDecimal peakEquity, BigDecimal drawdown, BigDecimal grossExposure,
                            BigDecimal openRisk, BigDecimal dailyLossLimit, List<Position> positions, int workingOrders) {

    public LivePortfolio {
        positions = List.copyOf(positions);
    }

    /** One open position, marked at the last close of its symbol. */
    public record Position(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark,
                           BigDecimal marketValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl) {
    }
}
