package io.tradepilot.engine.core;

import io.tradepilot.engine.core.EngineEvent.*;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.portfolio.Position;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.venue.ExecutionReport;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The engine's reconciliation commands ({@link EngineCommand.AdoptPosition}, {@link EngineCommand.CloseAtBroker}): a
 * position the engine did not trade booked as an order of its own that fills at once, and a difference at the venue
 * closed with a market order past the risk checks. Part of the engine: writer thread only, on the engine's own state.
 */
final class ReconciliationCommands {

    private final TradingEngine engine;

    ReconciliationCommands(TradingEngine engine) {
        this.engine = engine;
    }

    /** {@link EngineCommand.AdoptPosition}: an order of its own, filled at once at {@code price}; null when refused. */
    Order adoptPosition(Instrument ins, BigDecimal quantity, BigDecimal price, String reason) {
        Instant now = engine.clock.instant();
        Side side = quantity.signum() > 0 ? Side.BUY : Side.SELL;
        ClientOrderId cid = reconciliationId(ins.symbol(), now, side);
        OrderRequest req;
        try {
            engine.ensureSlot(engine.portfolio.slotOf(ins));
            req = OrderRequest.market(cid, StrategyId.RECONCILIATION, ins, side, new Quantity(quantity.abs()));
        } catch (IllegalArgumentException invalid) {
            engine.events.publish(new OrderRejected(now, cid, ins.symbol(), RejectionCode.INVALID_ORDER, invalid.getMessage()));
            return null;
        }
        Order o = new Order(engine.ids.next(), req, now);
        o.accept();
        engine.orders.put(o.id(), o);
        engine.byClientId.put(cid, o);
        engine.events.publish(new PositionAdopted(now, o.id(), cid, ins.symbol(), ins.exchange(), side, req.quantity(), new Price(price),
                reason == null ? "" : reason));
        engine.reports.execution(o, new ExecutionReport.VenueFilled(cid, req.quantity(), new Price(price),
                io.tradepilot.engine.domain.Money.zero(ins.currency()), req.quantity(), now));
        return o;
    }

    /** {@link EngineCommand.CloseAtBroker}: the difference adopted, then a market order for its opposite to the venue. */
    void closeAtBroker(EngineCommand.CloseAtBroker c) {
        Instrument ins = c.instrument();
        BigDecimal price = c.price();
        if (price == null) {
            Position held = engine.portfolio.position(ins.symbol());
            price = held == null || held.isFlat() ? null : held.averagePrice();
        }
        Side side = c.difference().signum() > 0 ? Side.SELL : Side.BUY;
        if (price == null || price.signum() <= 0) {
            engine.events.publish(new OrderRejected(engine.clock.instant(), reconciliationId(ins.symbol(), engine.clock.instant(), side), ins.symbol(),
                    RejectionCode.NO_PRICE, "no price to book the difference in " + ins.symbol() + " at"));
            return;
        }
        if (adoptPosition(ins, c.difference(), price, c.reason()) == null) return;
        engine.place(OrderRequest.market(reconciliationId(ins.symbol(), engine.clock.instant(), side), StrategyId.RECONCILIATION, ins, side,
                new Quantity(c.difference().abs())), true);
    }

    /** The first free {@code reconciliation:symbol:time:side:n} client order id (deterministic for the engine's time). */
    private ClientOrderId reconciliationId(String symbol, Instant now, Side side) {
        for (int seq = 0; ; seq++) {
            ClientOrderId cid = ClientOrderId.derive(StrategyId.RECONCILIATION, symbol, now, side, seq);
            if (!engine.byClientId.containsKey(cid)) return cid;
        }
    }
}
