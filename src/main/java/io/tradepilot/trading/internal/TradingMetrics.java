package io.tradepilot.trading.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.risk.RejectionCode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The engine host's meters (exposed at {@code /actuator/prometheus}; names in docs/operating.md, "Metrics").
 * The engine itself stays plain Java: these are counted where the host already sees each fact, on the feed
 * thread (bars, a step's bar → order latency) and on the ledger thread after a commit (orders, rejects, fills,
 * the transaction's duration). Every meter is created up front, so recording one is an increment or a
 * histogram update: nothing is looked up or allocated per bar or per event.
 *
 * <p>{@link #NONE} records into nothing (a host built without a registry, e.g. in unit tests).
 */
final class TradingMetrics {

    /** Meters that go nowhere. */
    static final TradingMetrics NONE = new TradingMetrics(new CompositeMeterRegistry());

    private final Counter bars;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter duplicate;
    private final Counter venueRejected;
    private final Counter cancelled;
    private final Counter expired;
    private final Counter filledOrders;
    private final Counter fills;
    private final Map<RejectionCode, Counter> rejects = new EnumMap<>(RejectionCode.class);
    private final Timer barToOrder;
    private final Timer ledgerWrite;

    TradingMetrics(MeterRegistry registry) {
        bars = Counter.builder("tradepilot.bars").description("Bars handed to the engine").register(registry);
        accepted = orders(registry, "accepted");
        rejected = orders(registry, "rejected");
        duplicate = orders(registry, "duplicate");
        venueRejected = orders(registry, "venue_rejected");
        cancelled = orders(registry, "cancelled");
        expired = orders(registry, "expired");
        filledOrders = orders(registry, "filled");
        fills = Counter.builder("tradepilot.fills").description("Fills recorded in the ledger").register(registry);
        for (RejectionCode code : RejectionCode.values()) {
            rejects.put(code, Counter.builder("tradepilot.rejects").tag("reason", code.name())
                    .description("Orders the engine's risk chain or state refused, by reason").register(registry));
        }
        barToOrder = Timer.builder("tradepilot.bar.to.order")
                .description("From the feed handing a time step's bars to the engine until the orders that step "
                        + "accepted are committed in the ledger (ready for the broker)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        ledgerWrite = Timer.builder("tradepilot.ledger.write")
                .description("From the ledger writer taking a batch off its queue until the batch is committed")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /**
     * Registers the host's gauges: the ledger backlog (items not yet committed) and the feed lag (seconds since
     * the feed last handed the engine a bar; NaN when this instance does not run the engine).
     */
    static void gauges(MeterRegistry registry, EngineHost host) {
        Gauge.builder("tradepilot.ledger.backlog", host, EngineHost::ledgerBacklog)
                .description("Ledger items the writer has not committed yet").register(registry);
        Gauge.builder("tradepilot.feed.lag", host, h -> h.sinceLastBar().map(d -> d.toNanos() / 1e9).orElse(Double.NaN))
                .baseUnit("seconds")
                .description("Wall time since the feed last handed the engine a bar (NaN: not the leader)")
                .register(registry);
    }

    private static Counter orders(MeterRegistry registry, String outcome) {
        return Counter.builder("tradepilot.orders").tag("outcome", outcome)
                .description("Orders by outcome, counted when the ledger committed the event").register(registry);
    }

    /** {@code count} bars of one time step went to the engine. Feed thread. */
    void barsIn(int count) {
        bars.increment(count);
    }

    /** A time step whose bars made the engine accept orders had them committed {@code nanos} after it began. Feed thread. */
    void barToOrder(long nanos) {
        barToOrder.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A ledger batch was committed {@code nanos} after the writer took it. Ledger thread. */
    void ledgerWrite(long nanos) {
        ledgerWrite.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One committed engine event. Ledger thread. */
    void recorded(EngineEvent event) {
        switch (event) {
            case EngineEvent.OrderAccepted ignored -> accepted.increment();
            case EngineEvent.OrderRejected r -> {
                rejected.increment();
                rejects.get(r.code()).increment();
            }
            case EngineEvent.DuplicateOrderIgnored ignored -> duplicate.increment();
            case EngineEvent.OrderRejectedByVenue ignored -> venueRejected.increment();
            case EngineEvent.OrderCancelled ignored -> cancelled.increment();
            case EngineEvent.OrderExpired ignored -> expired.increment();
            case EngineEvent.OrderFilled f -> {
                fills.increment();
                if (f.status() == OrderStatus.FILLED) filledOrders.increment();
            }
            default -> { }
        }
    }
}
