package io.tradepilot.engine.venue;

import io.tradepilot.engine.orders.OrderRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A venue that only records what the engine asks of it, as a broker adapter would before its broker answers.
 * Tests play the broker by handing the engine {@link ExecutionReport}s.
 */
public final class RecordingVenue implements ExecutionVenue {

    public final List<VenueOrder> submitted = new ArrayList<>();
    public final List<VenueOrder> cancelled = new ArrayList<>();
    public final List<OrderRequest> modified = new ArrayList<>();
    public final List<VenueOrder> resolved = new ArrayList<>();
    /** For each submission: how many events the engine had published when it was sent (write-ahead). */
    public final List<Integer> eventsAtSubmit = new ArrayList<>();
    private final Duration answerTimeout;
    private final IntSupplier publishedEvents;

    public RecordingVenue(Duration answerTimeout, IntSupplier publishedEvents) {
        this.answerTimeout = answerTimeout;
        this.publishedEvents = publishedEvents;
    }

    @Override
    public void submit(VenueOrder order) {
        submitted.add(order);
        eventsAtSubmit.add(publishedEvents.getAsInt());
    }

    @Override
    public void cancel(VenueOrder order) {
        cancelled.add(order);
    }

    @Override
    public void modify(VenueOrder order, OrderRequest amended) {
        modified.add(amended);
    }

    @Override
    public void resolve(VenueOrder order) {
        resolved.add(order);
    }

    @Override
    public Duration answerTimeout() {
        return answerTimeout;
    }

    @Override
    public String toString() {
        return "RecordingVenue";
    }
}
