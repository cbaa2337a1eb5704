package io.tradepilot.engine.venue;

import io.tradepilot.engine.orders.OrderRequest;

import java.time.Duration;

/**
 * The engine's outbound port to a place that executes orders: the paper broker, or a broker adapter
 * (Alpaca, Kite, ...). The engine calls it on its writer thread, only for orders it has accepted and
 * published (so a host that records events write-ahead has the order before it is sent), and learns
 * every outcome only from {@link ExecutionReport}s. Methods must not block on the network: an adapter
 * queues the request and returns.
 *
 * <p>Identity: the engine's {@link VenueOrder#clientOrderId()} is deterministic and unique; an adapter
 * sends it as the broker's client order id (or tag) so that the broker refuses a second copy and can be
 * asked about it.
 *
 * <p>Unknown placements: the engine never submits the same order twice. When the answer to a
 * {@link #submit} does not come within {@link #answerTimeout()}, or after a restart for every order the
 * engine takes over, it calls {@link #resolve}: the venue looks the client order id up and reports what it
 * finds (accepted, fills, cancelled, ...), or {@link ExecutionReport.VenueRejected} when it does not know
 * the order (the placement never arrived).
 */
public interface ExecutionVenue {

    /** Sends a new order. Outcome: VenueAccepted (optional), then fills, or VenueRejected, VenueCancelled, VenueExpired. */
    void submit(VenueOrder order);

    /**
     * Asks the venue to cancel a working order. Outcome: VenueCancelled, or VenueCancelRejected (also normal
     * when a fill won the race; the fill is reported).
     */
    void cancel(VenueOrder order);

    /**
     * Asks the venue to change a working order to {@code amended} (same client order id, instrument, side,
     * type and time in force; a quantity not above the current one and above what is filled; new prices).
     * Outcome: VenueModified or VenueModifyRejected.
     */
    void modify(VenueOrder order, OrderRequest amended);

    /**
     * Finds out what became of an order whose placement the engine cannot confirm (no answer in time, a
     * restart): asks the venue by client order id and reports what it knows, never sending the order again.
     * Asking twice is harmless. A venue without memory of its own beyond the process (the paper broker)
     * takes the order back as working.
     */
    void resolve(VenueOrder order);

    /**
     * How long the engine waits for the first answer to a {@link #submit} (VenueAccepted, a fill, a rejection
     * or any other end) before it asks with {@link #resolve}, again after each further wait; null (the default)
     * when the venue answers every placement before {@code submit} returns or keeps no separate book (the paper
     * broker). The engine checks on {@code EngineCommand.OnTimer}.
     */
    default Duration answerTimeout() {
        return null;
    }

    /**
     * Whether the venue refuses prices off the instrument's tick size (every exchange does). The engine then
     * refuses such orders itself ({@code RejectionCode.OFF_TICK}) before they are sent. Default true; the paper
     * broker, which fills any price, says false so that backtests keep their historical behaviour.
     */
    default boolean requiresTickAlignedPrices() {
        return true;
    }
}
