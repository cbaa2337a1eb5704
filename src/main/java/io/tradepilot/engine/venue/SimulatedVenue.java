package io.tradepilot.engine.venue;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A venue that executes against the engine's own bars (the paper broker). While any order works at it, the
 * engine offers it every bar before the strategies see that bar (it ignores instruments it has no orders in),
 * and it may be asked to close an order at a given price when no later bar exists (a backtest's close at the end).
 */
public interface SimulatedVenue extends ExecutionVenue {

    /** A completed bar of {@code instrument} (prices scaled as {@code bar} says). Reports what it executes or expires. */
    void onBar(Instrument instrument, BarCursor bar);

    /**
     * Executes the rest of a working order at once at {@code price}, stamped {@code time}, bypassing the fill
     * model (and takes it off its book); nothing when the order is not working here.
     */
    void fillAtMark(VenueOrder order, BigDecimal price, Instant time);
}
