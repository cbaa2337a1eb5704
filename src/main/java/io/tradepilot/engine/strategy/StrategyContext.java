package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;

import java.math.BigDecimal;
import java.time.Instant;

/** What a strategy may see and do during {@link Strategy#onBar}. Valid only during that call. */
public interface StrategyContext {
    /** The instrument of the current bar. */
    Instrument instrument();

    /** The decision time: the current bar's start (bars are identified by their start). */
    Instant time();

    /** Signed position in the current instrument, in whole units; refuses (throws) a fractional position. */
    long positionUnits();

    /** Signed position in the current instrument, exact. */
    BigDecimal position();

    /** True while an order of this strategy for the current instrument is working. */
    boolean hasWorkingOrders();

    /** Current equity, exact (allocates). */
    BigDecimal equity();

    /** A full portfolio snapshot (allocates). */
    PortfolioSnapshot portfolio();

    /**
     * Submits an intent for the current instrument. The engine derives a deterministic client order id
     * (strategy, symbol, bar time, side, sequence), runs the risk checks and reports the outcome as
     * events; a refusal is not an exception.
     */
    void submit(OrderIntent intent);
}
