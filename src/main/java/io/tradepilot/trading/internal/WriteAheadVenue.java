package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.venue.ExecutionVenue;
import io.tradepilot.engine.venue.VenueOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write-ahead rule for a venue outside the process: an order the engine submits is held until the ledger has
 * committed its row ({@code OrderAccepted}, with its deterministic client order id), and only then sent; a cancel,
 * modify or resolve of a held order waits behind it, in order. A crash between the commit and the send leaves a
 * recorded order the venue never saw: the restart resolves it by client order id (never sends it again), and the
 * venue reports it unknown (rejected). Orders the engine adopted from the ledger pass straight through.
 *
 * <p>{@link #recorded} is called on the ledger thread after each commit; the wrapped venue's methods are then called
 * from there, under this class's lock, so the calls of one order keep their order (they only queue, per
 * {@link ExecutionVenue}'s contract).
 */
final class WriteAheadVenue implements ExecutionVenue {

    private final ExecutionVenue venue;
    /** Orders submitted but not yet recorded → the calls waiting for the record (the submit first). */
    private final Map<OrderId, List<Runnable>> held = new HashMap<>();
    /** Orders recorded before the engine's submit reached this class (the ledger may win that race). */
    private final Set<OrderId> recordedFirst = new HashSet<>();

    WriteAheadVenue(ExecutionVenue venue) {
        this.venue = venue;
    }

    /** The venue orders go to once recorded. */
    ExecutionVenue venue() {
        return venue;
    }

    @Override
    public synchronized void submit(VenueOrder order) {
        if (recordedFirst.remove(order.orderId())) {
            venue.submit(order);
            return;
        }
        List<Runnable> calls = new ArrayList<>(2);
        calls.add(() -> venue.submit(order));
        held.put(order.orderId(), calls);
    }

    @Override
    public void cancel(VenueOrder order) {
        call(order.orderId(), () -> venue.cancel(order));
    }

    @Override
    public void modify(VenueOrder order, OrderRequest amended) {
        call(order.orderId(), () -> venue.modify(order, amended));
    }

    @Override
    public void resolve(VenueOrder order) {
        call(order.orderId(), () -> venue.resolve(order));
    }

    @Override
    public Duration answerTimeout() {
        return venue.answerTimeout();
    }

    @Override
    public boolean requiresTickAlignedPrices() {
        return venue.requiresTickAlignedPrices();
    }

    /** Orders held until their row is committed. */
    synchronized int held() {
        return held.size();
    }

    /** The ledger committed {@code event}: an accepted order's held calls go out, in order. */
    synchronized void recorded(EngineEvent event) {
        if (!(event instanceof EngineEvent.OrderAccepted a)) return;
        List<Runnable> calls = held.remove(a.orderId());
        if (calls == null) recordedFirst.add(a.orderId());
        else calls.forEach(Runnable::run);
    }

    /** Runs {@code call} now, or behind the held submit of order {@code id}; under the lock, so calls keep their order. */
    private synchronized void call(OrderId id, Runnable call) {
        List<Runnable> waiting = held.get(id);
        if (waiting != null) waiting.add(call);
        else call.run();
    }

    @Override
    public String toString() {
        return "write-ahead " + venue;
    }
}
