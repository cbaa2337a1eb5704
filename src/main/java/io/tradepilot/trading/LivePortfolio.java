package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The portfolio right now, with what the ledger does not hold: marks, unrealized P&L, exposure, open risk.
 * Exact decimals; {@code drawdown} a fraction below the peak; {@code dayPnl = equity - dayStartEquity};
 * {@code dailyLossLimit} the configured fraction of the day's starting equity (null when off).
 *
 * <p>Two sources ({@link #source()}):
 * <ul>
 *   <li>{@link Source#ENGINE}: the engine's latest snapshot, on the instance that runs the engine.</li>
 *   <li>{@link Source#BAR_CACHE}: on an instance that does not run it (a standby): positions (quantity,
 *       average price, realized P&L) from the ledger, each marked at the close of its newest bar in the shared
 *       bar cache ({@link Position#markAt()}: that bar's start); cash, equity, realized P&L, day-start and peak
 *       equity and drawdown from the ledger's last equity snapshot ({@code marketTime}: its time); the engine
 *       state {@value #UNKNOWN}, open risk null (protective stops are not in the ledger). A position without a
 *       cached bar (or the cache unreachable) has null mark, market value and unrealized P&L; the totals
 *       {@code unrealizedPnl} and {@code grossExposure} then cover the marked positions only.
 *       {@code marksAt} is the start of the oldest bar used for a mark (every mark is at least that recent),
 *       null when none is marked.</li>
 * </ul>
 *
 * @param marketTime    the engine clock's time (the bars being processed); BAR_CACHE: the last equity snapshot's time
 * @param engineState   TRIPPED (the engine's own automatic trip, until the controls release it), KILLED (the controls'
 *                      kill switch engaged, e.g. by a flatten), else RUNNING; the other controls are read separately;
 *                      BAR_CACHE: {@value #UNKNOWN}
 * @param stateReason   why the engine state is not RUNNING (the trip's message, or who engaged the kill switch and why)
 * @param positions     open positions only
 * @param workingOrders orders that can still fill
 * @param source        where the marks come from (and whether the engine state is known)
 * @param marksAt       ENGINE: {@code marketTime}; BAR_CACHE: see above
 */
public record LivePortfolio(Instant marketTime, String engineState, String stateReason, BigDecimal cash, BigDecimal equity,
                            BigDecimal dayStartEquity, BigDecimal dayPnl, BigDecimal realizedPnl, BigDecimal unrealizedPnl,
                            BigDecimal fees, BigDecimal peakEquity, BigDecimal drawdown, BigDecimal grossExposure,
                            BigDecimal openRisk, BigDecimal dailyLossLimit, List<Position> positions, int workingOrders,
                            Source source, Instant marksAt) {

    /** The engine state of a portfolio built without the engine. */
    public static final String UNKNOWN = "UNKNOWN";

    /** Where a portfolio's marks come from. */
    public enum Source {
        /** The engine's own snapshot: this instance runs the engine. */
        ENGINE,
        /** The ledger, marked at the bar cache's latest closes: this instance does not run the engine. */
        BAR_CACHE
    }

    public LivePortfolio {
        positions = List.copyOf(positions);
        Objects.requireNonNull(source, "source");
    }

    /** The engine's portfolio ({@link Source#ENGINE}, marked at {@code marketTime}). */
    public LivePortfolio(Instant marketTime, String engineState, String stateReason, BigDecimal cash, BigDecimal equity,
                         BigDecimal dayStartEquity, BigDecimal dayPnl, BigDecimal realizedPnl, BigDecimal unrealizedPnl,
                         BigDecimal fees, BigDecimal peakEquity, BigDecimal drawdown, BigDecimal grossExposure,
                         BigDecimal openRisk, BigDecimal dailyLossLimit, List<Position> positions, int workingOrders) {
        this(marketTime, engineState, stateReason, cash, equity, dayStartEquity, dayPnl, realizedPnl, unrealizedPnl, fees,
                peakEquity, drawdown, grossExposure, openRisk, dailyLossLimit, positions, workingOrders, Source.ENGINE, marketTime);
    }

    /** True when the engine's own snapshot, false on an instance that marks the ledger at cached closes. */
    public boolean fromEngine() {
        return source == Source.ENGINE;
    }

    /**
     * One open position, marked at the last close of its symbol.
     *
     * @param markAt the start of the bar whose close is the mark: BAR_CACHE only (null there when unmarked);
     *               null for the engine's positions (marked at the engine's last bar of the symbol)
     */
    public record Position(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark,
                           BigDecimal marketValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl, Instant markAt) {

        /** A position marked by the engine. */
        public Position(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark,
                        BigDecimal marketValue, BigDecimal unrealizedPnl, BigDecimal realizedPnl) {
            this(symbol, quantity, averagePrice, mark, marketValue, unrealizedPnl, realizedPnl, null);
        }
    }
}
