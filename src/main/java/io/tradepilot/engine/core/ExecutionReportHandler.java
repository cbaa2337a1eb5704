package io.tradepilot.engine.core;

import io.tradepilot.engine.core.EngineEvent.*;
import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.Transition;
import io.tradepilot.engine.portfolio.Position;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.ExecutionVenue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The venue's execution reports applied to the engine (see {@link TradingEngine}'s class documentation): each report
 * through the order's guarded transitions, an execution to the order, the portfolio, the losing streak and the trips, a
 * report that contradicts what the engine knows published as {@link EngineEvent.ExecutionReportRefused}, and placements
 * without an answer asked about at the venue by client order id. Part of the engine: writer thread only, on the engine's
 * own state.
 */
final class ExecutionReportHandler {

    private final TradingEngine engine;

    ExecutionReportHandler(TradingEngine engine) {
        this.engine = engine;
    }

    /** Applies one execution report (see the class documentation); writer thread, also reentrantly from a synchronous venue. */
    void onReport(ExecutionReport report) {
        Order o = engine.byClientId.get(report.clientOrderId());
        if (o == null) {
            refused(report, null, "unknown client order id");
            return;
        }
        if (engine.unanswered != null) engine.unanswered.remove(o.id());
        if (report instanceof ExecutionReport.Execution x) {
            execution(o, x);
            return;
        }
        switch (report) {
            case ExecutionReport.Execution x -> execution(o, x);
            case ExecutionReport.VenueAccepted a -> {
                Transition t = o.acknowledge(a.venueOrderId());
                if (t.done()) engine.events.publish(new OrderAcknowledged(engine.clock.instant(), o.id(), a.clientOrderId(), a.venueOrderId()));
                else refusedIf(t, report, o);
            }
            case ExecutionReport.VenueRejected r -> {
                Transition t = o.rejectByVenue(r.reason());
                if (t.done()) {
                    engine.orderEnded(o);
                    engine.events.publish(new OrderRejectedByVenue(engine.clock.instant(), o.id(), r.clientOrderId(), o.request().symbol(), r.reason()));
                } else refusedIf(t, report, o);
            }
            case ExecutionReport.VenueCancelled c -> {
                Transition t = o.cancelledByVenue(c.reason());
                if (t.done()) {
                    engine.orderEnded(o);
                    engine.events.publish(new OrderCancelled(engine.clock.instant(), o.id(), o.statusReason()));
                } else refusedIf(t, report, o);
            }
            case ExecutionReport.VenueCancelRejected c -> {
                Transition t = o.cancelRejectedByVenue(c.reason());
                if (t.done()) engine.events.publish(new CancelRejected(engine.clock.instant(), o.id(), c.reason()));
                else refusedIf(t, report, o);
            }
            case ExecutionReport.VenueExpired x -> {
                Transition t = o.expiredByVenue(x.reason());
                if (t.done()) {
                    engine.orderEnded(o);
                    engine.events.publish(new OrderExpired(engine.clock.instant(), o.id(), x.reason()));
                } else refusedIf(t, report, o);
            }
            case ExecutionReport.VenueModified m -> {
                Transition t;
                try {
                    t = o.amend(TradingEngine.amended(o.request(), m.quantity(), m.limitPrice(), m.stopPrice()));
                } catch (IllegalArgumentException invalid) {
                    t = new Transition.Refused(o.status(), "modify", invalid.getMessage());
                }
                if (t.done()) {
                    engine.events.publish(new OrderModified(engine.clock.instant(), o.id(), m.clientOrderId(), m.quantity(), m.limitPrice(), m.stopPrice()));
                } else refusedIf(t, report, o);
            }
            case ExecutionReport.VenueModifyRejected m -> {
                if (o.status().isWorking()) engine.events.publish(new ModifyRejected(engine.clock.instant(), o.id(), m.reason()));
                else refused(report, o, "the order is " + o.status());
            }
        }
    }

    /** An execution: the order records it, the portfolio applies it, then the events, the streak and the trips. */
    void execution(Order order, ExecutionReport.Execution x) {
        OrderRequest req = order.request();
        if (!x.commission().currency().equals(req.instrument().currency())) {
            refused(x, order, "commission in " + x.commission().currency() + ", but " + req.symbol() + " trades in " + req.instrument().currency());
            return;
        }
        Transition t = order.fillByVenue(x.quantity(), x.price(), x.cumulativeQuantity());
        if (!t.done()) {
            refusedIf(t, x, order);
            return;
        }
        Fill fill = new Fill(order.id(), req.clientOrderId(), req.instrument(), req.side(), x.quantity(), x.price(), x.commission(), x.time(),
                req.protectiveStop());
        List<RoundTrip> closed = engine.portfolio.apply(fill);
        if (engine.buildEvents) {
            Instant now = engine.clock.instant();
            engine.events.publish(new OrderFilled(now, order.id(), fill.clientOrderId(), fill.instrument().symbol(), fill.side(),
                    fill.quantity(), fill.price(), fill.commission(), order.remaining(), order.status(), fill.protectiveStop(), req.exitTag(),
                    x.charges()));
            Position p = engine.portfolio.position(fill.instrument().symbol());
            engine.events.publish(new PositionChanged(now, fill.instrument().symbol(), p.quantity(), p.averagePrice(), p.realizedPnl()));
            for (RoundTrip rt : closed) engine.events.publish(new TradeClosed(now, rt));
        } else {
            engine.eventsNotBuilt += 2 + closed.size();
        }
        for (RoundTrip rt : closed) {
            engine.lossStreak.onRoundTrip(rt.netPnl());
        }
        if (order.status().isTerminal()) engine.orderEnded(order);
        engine.checkAutoTrips();
    }

    private void refusedIf(Transition t, ExecutionReport report, Order o) {
        if (t instanceof Transition.Refused r) refused(report, o, r.reason());
    }

    private void refused(ExecutionReport report, Order o, String reason) {
        engine.events.publish(new ExecutionReportRefused(engine.clock.instant(), report.clientOrderId(), o == null ? null : o.id(), report, reason));
    }

    /**
     * Asks the venue about every placement that has waited {@link ExecutionVenue#answerTimeout()} for an
     * answer since it was sent or last asked about; never sends it again.
     */
    void resolveUnanswered(Instant now) {
        if (engine.unanswered == null || engine.unanswered.isEmpty()) return;
        List<OrderId> due = new ArrayList<>();
        for (var e : engine.unanswered.entrySet()) {
            if (!now.isBefore(e.getValue().plus(engine.answerTimeout))) due.add(e.getKey());
        }
        for (OrderId id : due) {
            Order o = engine.orders.get(id);
            if (!engine.unanswered.containsKey(id) || o == null || !o.status().isWorking()) continue;
            engine.unanswered.put(id, now);
            engine.venue.resolve(TradingEngine.venueOrder(o));
        }
    }
}
