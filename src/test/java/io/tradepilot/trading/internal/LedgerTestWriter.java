package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.Portfolio;
import io.tradepilot.engine.portfolio.RoundTrip;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * For tests of modules that read the ledger: writes fully filled orders through the ledger's own writer
 * ({@link JooqLedger#write}) with the events the engine publishes for them (accepted, filled, position changed,
 * trades closed), computed by an engine {@link Portfolio}. Start from an empty ledger ({@link #emptyLedger}).
 */
public final class LedgerTestWriter {

    /**
     * One order filled at once. {@code type} MARKET, LIMIT, STOP...; {@code minutes} after the writer's start;
     * {@code protectiveStop} the stop the order carried (null: none), recorded with its fill as the engine does;
     * {@code exitTag} why the order exits (null: not said), likewise; {@code charges} the commission by kind (null: not
     * itemised).
     */
    public record FilledOrder(String strategy, String symbol, Side side, String quantity, String price, String commission,
                              OrderType type, int minutes, String protectiveStop, io.tradepilot.engine.orders.ExitTag exitTag,
                              io.tradepilot.engine.domain.Charges charges) {

        /** An order whose commission is not itemised. */
        public FilledOrder(String strategy, String symbol, Side side, String quantity, String price, String commission,
                           OrderType type, int minutes, String protectiveStop, io.tradepilot.engine.orders.ExitTag exitTag) {
            this(strategy, symbol, side, quantity, price, commission, type, minutes, protectiveStop, exitTag, null);
        }

        /** An order without an exit tag. */
        public FilledOrder(String strategy, String symbol, Side side, String quantity, String price, String commission,
                           OrderType type, int minutes, String protectiveStop) {
            this(strategy, symbol, side, quantity, price, commission, type, minutes, protectiveStop, null);
        }

        /** An order without a protective stop. */
        public FilledOrder(String strategy, String symbol, Side side, String quantity, String price, String commission,
                           OrderType type, int minutes) {
            this(strategy, symbol, side, quantity, price, commission, type, minutes, null);
        }
    }

    private final JooqLedger ledger;
    private final Instant start;
    private final ZoneId zone;
    private final Portfolio portfolio = new Portfolio(Money.of("1000000", Money.INR));
    private long nextSeq = 1;
    private int orders;

    public LedgerTestWriter(ApplicationContext context, Instant start, ZoneId zone) {
        this.ledger = context.getBean(JooqLedger.class);
        this.start = start;
        this.zone = zone;
    }

    /** Empties every ledger table (see {@link TradingFixtures#emptyLedger}). */
    public static void emptyLedger(org.jooq.DSLContext db) {
        TradingFixtures.emptyLedger(db);
    }

    /** Writes each order as one ledger batch. */
    public void write(List<FilledOrder> filled) {
        for (FilledOrder o : filled) {
            Instant at = start.plusSeconds(60L * o.minutes());
            Instrument instrument = Instrument.nseEquity(o.symbol());
            StrategyId strategy = new StrategyId(o.strategy());
            OrderId id = new OrderId("it-" + (++orders));
            ClientOrderId cid = ClientOrderId.derive(strategy, o.symbol(), at, o.side(), orders);
            Quantity q = Quantity.of(o.quantity());
            Price price = new Price(new BigDecimal(o.price()));
            Money fee = Money.of(o.commission(), Money.INR);
            Price stop = o.protectiveStop() == null ? null : new Price(new BigDecimal(o.protectiveStop()));
            List<LedgerItem> batch = new ArrayList<>();
            batch.add(new LedgerItem.Event(new EngineEvent.OrderAccepted(at, id, cid, strategy, o.symbol(), o.side(), q, o.type(),
                    o.type() == OrderType.LIMIT ? price : null, o.type() == OrderType.STOP ? price : null, TimeInForce.DAY)));
            batch.add(new LedgerItem.Event(new EngineEvent.OrderFilled(at, id, cid, o.symbol(), o.side(), q, price, fee,
                    Quantity.ZERO, OrderStatus.FILLED, stop, o.exitTag(), o.charges())));
            List<RoundTrip> closed = portfolio.apply(new Fill(id, cid, instrument, o.side(), q, price, fee, at, stop));
            var p = portfolio.position(o.symbol());
            batch.add(new LedgerItem.Event(new EngineEvent.PositionChanged(at, o.symbol(), p.quantity(), p.averagePrice(), p.realizedPnl())));
            for (RoundTrip rt : closed) batch.add(new LedgerItem.Event(new EngineEvent.TradeClosed(at, rt)));
            nextSeq = ledger.write(batch, s -> instrument, zone, nextSeq);
        }
    }
}
