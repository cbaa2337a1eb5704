package io.tradepilot.engine.risk;

/** Why an order was refused. Stable names: the host stores and displays them. */
public enum RejectionCode {
    TRADING_PAUSED, KILL_SWITCH_ENGAGED, CIRCUIT_BREAKER_TRIPPED, REDUCE_ONLY, TRADING_STATE_UNKNOWN,
    MAX_QUANTITY_PER_SYMBOL, MAX_PERCENT_OF_EQUITY, MAX_TOTAL_EXPOSURE, MAX_OPEN_POSITIONS,
    DAILY_LOSS_LIMIT, MAX_DRAWDOWN, PORTFOLIO_HEAT, OUTSIDE_TRADING_WINDOW, NO_PRICE,
    CONSECUTIVE_LOSSES, BLACKLISTED, FAT_FINGER, DUPLICATE_CLIENT_ORDER_ID, INVALID_ORDER,
    /** An entry after today's loss reached the soft limit (part of the daily loss limit): no trip, the next day trades again. */
    DAILY_LOSS_ENTRIES_PAUSED,
    /** The order's strategy is switched off and the order would not only reduce the position. */
    STRATEGY_DISABLED,
    /** A strategy's entry, reduced after a losing streak ({@link LossSizeReduction}), rounded down to zero lots. */
    SIZE_REDUCED_TO_ZERO,
    /**
     * The symbol was squared off today ({@code EngineCommand.SquareOff}) and the order would not only
     * reduce its position: entries wait for the next trading day in the market zone.
     */
    AFTER_SQUARE_OFF,
    /** A limit or stop price is not a whole multiple of the instrument's tick size, for a venue that refuses such prices. */
    OFF_TICK,
    /** An entry that would open one more position in a correlation group (e.g. a sector) already at its cap ({@link CorrelatedPositions}). */
    MAX_CORRELATED_POSITIONS,
    /** An entry the available cash or margin cannot pay for ({@link BuyingPower}). */
    INSUFFICIENT_BUYING_POWER,
    /** A strategy's entry outside the trading hours of its configuration ({@link StrategyLimits}). */
    STRATEGY_OUTSIDE_HOURS,
    /** A strategy's entry inside one of its configuration's blackouts ({@link StrategyLimits}). */
    STRATEGY_BLACKOUT,
    /** A strategy's entry in a new symbol while it holds its configuration's {@code max_positions} ({@link StrategyLimits}). */
    STRATEGY_MAX_POSITIONS,
    /** A strategy's entry, multiplied by the host's LIVE size factor ({@link EntrySizeFactor}), rounded down to zero lots: not sent. */
    LIVE_SIZE_ROUNDS_TO_ZERO
}
