package io.tradepilot.trading.internal;

import static io.tradepilot.db.Tables.EQUITY_SNAPSHOT;
import static io.tradepilot.db.Tables.FEED_CHECKPOINT;
import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.ORDER_EVENT;
import static io.tradepilot.db.Tables.POSITION;
import static io.tradepilot.db.Tables.ROUND_TRIP;
import static io.tradepilot.db.Tables.STRATEGY_DAY;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static org.jooq.impl.DSL.excluded;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.portfolio.RoundTrip;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of one ledger transaction, folded from ledger items in engine order and written as a few
 * multi-row statements in one JDBC batch (one round trip for thousands of items, instead of one or more
 * per item). Folding never changes what the ledger ends up holding: the rows after {@link #write}
 * are those that writing the items one by one, in order, would leave.
 * <ul>
 *   <li>An order accepted in the batch is inserted once, already carrying its later fills and its end
 *       (status, filled quantity, reason, last update) from the same batch; an order from an earlier
 *       batch gets one update with the batch's net change. Order rows are written before fills (the
 *       fill's foreign key).</li>
 *   <li>Order events, fills, round trips and equity snapshots are inserted in engine order (their
 *       generated ids and sequence numbers keep that order; an equity snapshot at a time already
 *       recorded is ignored, so the first one wins).</li>
 *   <li>A venue's modification (quantity, limit and stop price) goes into the order's row the same way.</li>
 *   <li>Positions and feed checkpoints keep only their last value per symbol; a strategy's day adds up
 *       the batch's round trips and is added to the recorded totals.</li>
 *   <li>A round trip belongs to the strategy of the newest fill of its symbol (the engine publishes the
 *       fill just before the trades it closes): the batch's own fills first, else the ledger's.</li>
 * </ul>
 * Not thread-safe; used inside one transaction.
 */
final class LedgerBatch {

    private static final int TEXT = 500;
    /** Rows per multi-row INSERT: bounds the size of one statement's text. */
    private static final int ROWS_PER_INSERT = 1_000;

    private final DSLContext db;
    private final Function<String, Instrument> instruments;
    private final ZoneId zone;
    private long seq;

    private final Map<String, OrderRow> newOrders = new LinkedHashMap<>();
    private final Map<String, OrderChange> changedOrders = new LinkedHashMap<>();
    private final List<Object[]> orderEvents = new ArrayList<>();
    private final List<Object[]> fills = new ArrayList<>();
    private final Map<String, String> lastFillClientId = new HashMap<>();
    private final Map<String, EngineEvent.PositionChanged> positions = new LinkedHashMap<>();
    private final List<Object[]> roundTrips = new ArrayList<>();
    private final Map<Map.Entry<String, LocalDate>, DayTotals> days = new LinkedHashMap<>();
    private final Map<String, Object[]> checkpoints = new LinkedHashMap<>();
    private final List<Object[]> equity = new ArrayList<>();

    /**
     * @param instruments the instrument of a symbol (its exchange is recorded with the order)
     * @param zone        the market zone (a round trip counts for the trading day it closed on there)
     * @param nextFillSeq the sequence number of the batch's first fill
     */
    LedgerBatch(DSLContext db, Function<String, Instrument> instruments, ZoneId zone, long nextFillSeq) {
        this.db = db;
        this.instruments = instruments;
        this.zone = zone;
        this.seq = nextFillSeq;
    }

    /** The sequence number the next batch's first fill takes. */
    long nextFillSeq() {
        return seq;
    }

    /** Adds the next item, in engine order. */
    void add(LedgerItem item) {
        switch (item) {
            case LedgerItem.Event e -> add(e.event());
            case LedgerItem.StepDone step -> add(step);
        }
    }

    private void add(EngineEvent event) {
        switch (event) {
            case EngineEvent.OrderAccepted a -> {
                newOrders.put(a.orderId().value(), new OrderRow(a, instruments.apply(a.symbol()).exchange()));
                orderEvent(a.orderId().value(), a.clientOrderId().value(), "ACCEPTED", "ACCEPTED", null, a.time());
            }
            case EngineEvent.PositionAdopted a -> {
                // an order row of its own (strategy reconciliation), filled by the OrderFilled that follows: a restart replays it
                newOrders.put(a.orderId().value(), new OrderRow(new EngineEvent.OrderAccepted(a.time(), a.orderId(), a.clientOrderId(),
                        io.tradepilot.engine.orders.StrategyId.RECONCILIATION, a.symbol(), a.side(), a.quantity(),
                        io.tradepilot.engine.orders.OrderType.MARKET, null, null, io.tradepilot.engine.orders.TimeInForce.GTC), a.exchange()));
                orderEvent(a.orderId().value(), a.clientOrderId().value(), "ADOPTED", "ACCEPTED", a.side() + " "
                        + a.quantity().value().toPlainString() + " @ " + a.price().value().toPlainString() + " booked from the broker: " + a.reason(), a.time());
            }
            case EngineEvent.OrderRejected r -> orderEvent(null, r.clientOrderId().value(), "REJECTED", "REJECTED",
                    r.code() + ": " + r.message(), r.time());
            case EngineEvent.DuplicateOrderIgnored d -> orderEvent(d.existing().value(), d.clientOrderId().value(),
                    "DUPLICATE_IGNORED", null, null, d.time());
            case EngineEvent.OrderFilled f -> {
                fills.add(new Object[] {seq++, f.orderId().value(), f.clientOrderId().value(), f.symbol(), f.side().name(),
                        f.quantity().value(), f.price().value(), f.commission().amount(),
                        f.protectiveStop() == null ? null : f.protectiveStop().value(), f.time(),
                        f.exitTag() == null ? null : f.exitTag().name(), FillCharges.json(f.charges())});
                lastFillClientId.put(f.symbol(), f.clientOrderId().value());
                change(f.orderId().value(), f.status().name(), f.quantity().value(), false, null, f.time());
                orderEvent(f.orderId().value(), f.clientOrderId().value(), "FILLED", f.status().name(),
                        f.quantity().value().toPlainString() + " @ " + f.price().value().toPlainString(), f.time());
            }
            case EngineEvent.OrderCancelled c -> {
                change(c.orderId().value(), "CANCELLED", BigDecimal.ZERO, true, c.reason(), c.time());
                orderEvent(c.orderId().value(), null, "CANCELLED", "CANCELLED", c.reason(), c.time());
            }
            case EngineEvent.CancelRejected c -> orderEvent(c.orderId().value(), null, "CANCEL_REJECTED", null, c.reason(), c.time());
            case EngineEvent.OrderExpired x -> {
                change(x.orderId().value(), "EXPIRED", BigDecimal.ZERO, true, x.reason(), x.time());
                orderEvent(x.orderId().value(), null, "EXPIRED", "EXPIRED", x.reason(), x.time());
            }
            case EngineEvent.PositionChanged p -> positions.put(p.symbol(), p);
            case EngineEvent.TradeClosed t -> roundTrip(t.trade());
            case EngineEvent.RiskTripped ignored -> { }
            case EngineEvent.TradingStateChanged ignored -> { }
            case EngineEvent.OrderAcknowledged a -> {
                acknowledge(a.orderId().value(), a.venueOrderId(), a.time());
                orderEvent(a.orderId().value(), a.clientOrderId().value(), "ACKNOWLEDGED", null, "venue order id " + a.venueOrderId(), a.time());
            }
            case EngineEvent.OrderRejectedByVenue r -> {
                change(r.orderId().value(), "REJECTED", BigDecimal.ZERO, true, r.reason(), r.time());
                orderEvent(r.orderId().value(), r.clientOrderId().value(), "REJECTED_BY_VENUE", "REJECTED", r.reason(), r.time());
            }
            case EngineEvent.OrderModified m -> {
                modify(m);
                orderEvent(m.orderId().value(), m.clientOrderId().value(), "MODIFIED", null, "quantity " + m.quantity()
                        + (m.limitPrice() == null ? "" : ", limit " + m.limitPrice().value().toPlainString())
                        + (m.stopPrice() == null ? "" : ", stop " + m.stopPrice().value().toPlainString()), m.time());
            }
            case EngineEvent.ModifyRejected m -> orderEvent(m.orderId().value(), null, "MODIFY_REJECTED", null, m.reason(), m.time());
            case EngineEvent.ExecutionReportRefused r -> orderEvent(r.orderId() == null ? null : r.orderId().value(),
                    r.clientOrderId().value(), "REPORT_REFUSED", null, r.reason() + ": " + r.report(), r.time());
        }
    }

    /** The venue's own id of an order, from its acknowledgement. */
    private void acknowledge(String orderId, String venueOrderId, Instant at) {
        OrderRow row = newOrders.get(orderId);
        if (row != null) {
            row.venueOrderId = venueOrderId;
            return;
        }
        OrderChange c = changedOrders.computeIfAbsent(orderId, id -> new OrderChange());
        c.venueOrderId = venueOrderId;
        if (c.updatedAt == null || c.updatedAt.isBefore(at)) c.updatedAt = at;
    }

    /** The venue's new quantity and prices of an order (a modify replaces all three). */
    private void modify(EngineEvent.OrderModified m) {
        Terms terms = new Terms(m.quantity().value(), m.limitPrice() == null ? null : m.limitPrice().value(),
                m.stopPrice() == null ? null : m.stopPrice().value());
        OrderRow row = newOrders.get(m.orderId().value());
        if (row != null) {
            row.terms = terms;
            row.updatedAt = m.time();
            return;
        }
        OrderChange c = changedOrders.computeIfAbsent(m.orderId().value(), id -> new OrderChange());
        c.terms = terms;
        c.updatedAt = m.time();
    }

    private void add(LedgerItem.StepDone step) {
        for (Map.Entry<String, Long> e : step.barsBySymbol().entrySet()) {
            checkpoints.put(e.getKey(), new Object[] {e.getKey(), step.at(), e.getValue()});
        }
        PortfolioSnapshot p = step.portfolio();
        equity.add(new Object[] {step.at(), p.cash(), p.equity(), p.realizedPnl(), p.unrealizedPnl(), p.drawdown(),
                p.dayStartEquity(), p.peakEquity()});
    }

    private void change(String orderId, String status, BigDecimal filled, boolean ends, String reason, Instant at) {
        OrderRow row = newOrders.get(orderId);
        if (row != null) {
            row.status = status;
            row.filled = row.filled.add(filled);
            if (ends) row.reason = cut(reason);
            row.updatedAt = at;
            return;
        }
        OrderChange c = changedOrders.computeIfAbsent(orderId, id -> new OrderChange());
        c.status = status;
        c.filled = c.filled.add(filled);
        if (ends) {
            c.ends = true;
            c.reason = cut(reason);
        }
        c.updatedAt = at;
    }

    private void orderEvent(String orderId, String clientOrderId, String type, String status, String detail, Instant at) {
        orderEvents.add(new Object[] {orderId, clientOrderId, type, status, cut(detail), at});
    }

    private void roundTrip(RoundTrip rt) {
        String strategy = strategyOf(rt.symbol());
        roundTrips.add(new Object[] {strategy, rt.symbol(), rt.direction().name(), rt.entryTime(), rt.entryPrice(),
                rt.exitTime(), rt.exitPrice(), rt.quantity(), rt.grossPnl(), rt.fees(), rt.netPnl()});
        LocalDate day = rt.exitTime().atZone(zone).toLocalDate();
        DayTotals totals = days.computeIfAbsent(Map.entry(strategy, day), k -> new DayTotals());
        totals.trades++;
        if (rt.netPnl().signum() > 0) totals.wins++;
        totals.gross = totals.gross.add(rt.grossPnl());
        totals.fees = totals.fees.add(rt.fees());
        totals.net = totals.net.add(rt.netPnl());
    }

    private String strategyOf(String symbol) {
        String cid = lastFillClientId.get(symbol);
        if (cid == null) {
            cid = db.select(FILL.CLIENT_ORDER_ID).from(FILL).where(FILL.SYMBOL.eq(symbol))
                    .orderBy(FILL.SEQ.desc()).limit(1).fetchOne(FILL.CLIENT_ORDER_ID);
        }
        if (cid == null) return "unknown";
        int colon = cid.indexOf(':');
        return colon > 0 ? cid.substring(0, colon) : cid;
    }

    /**
     * Writes the folded rows; call once, inside the transaction. Every statement goes to the database in
     * one JDBC batch (values inlined by jOOQ, escaped), so the whole batch costs one round trip besides
     * the commit: under load a round trip to PostgreSQL, not the work, is what a transaction waits for.
     *
     * @param first a statement that runs before every row in the same batch (the leader fence, which
     *              fails the batch when this instance may no longer write), or {@code null}
     */
    void write(Query first) {
        List<Query> queries = new ArrayList<>();
        if (first != null) queries.add(first);
        List<Object[]> orderRows = new ArrayList<>(newOrders.size());
        for (OrderRow r : newOrders.values()) orderRows.add(r.values());
        insert(queries, TRADE_ORDER, List.of(TRADE_ORDER.ORDER_ID, TRADE_ORDER.CLIENT_ORDER_ID, TRADE_ORDER.STRATEGY,
                TRADE_ORDER.SYMBOL, TRADE_ORDER.EXCHANGE, TRADE_ORDER.SIDE, TRADE_ORDER.QUANTITY, TRADE_ORDER.ORDER_TYPE,
                TRADE_ORDER.LIMIT_PRICE, TRADE_ORDER.STOP_PRICE, TRADE_ORDER.TIME_IN_FORCE, TRADE_ORDER.STATUS,
                TRADE_ORDER.FILLED_QUANTITY, TRADE_ORDER.STATUS_REASON, TRADE_ORDER.CREATED_AT, TRADE_ORDER.UPDATED_AT,
                TRADE_ORDER.VENUE_ORDER_ID, TRADE_ORDER.EXIT_TAG), orderRows, insert -> insert);
        for (Map.Entry<String, OrderChange> e : changedOrders.entrySet()) {
            OrderChange c = e.getValue();
            var update = db.update(TRADE_ORDER)
                    .set(TRADE_ORDER.FILLED_QUANTITY, TRADE_ORDER.FILLED_QUANTITY.plus(c.filled))
                    .set(TRADE_ORDER.UPDATED_AT, c.updatedAt);
            if (c.status != null) update = update.set(TRADE_ORDER.STATUS, c.status);
            if (c.ends) update = update.set(TRADE_ORDER.STATUS_REASON, c.reason);
            if (c.venueOrderId != null) update = update.set(TRADE_ORDER.VENUE_ORDER_ID, c.venueOrderId);
            if (c.terms != null) {
                update = update.set(TRADE_ORDER.QUANTITY, c.terms.quantity())
                        .set(TRADE_ORDER.LIMIT_PRICE, c.terms.limitPrice())
                        .set(TRADE_ORDER.STOP_PRICE, c.terms.stopPrice());
            }
            queries.add(update.where(TRADE_ORDER.ORDER_ID.eq(e.getKey())));
        }
        insert(queries, FILL, List.of(FILL.SEQ, FILL.ORDER_ID, FILL.CLIENT_ORDER_ID, FILL.SYMBOL, FILL.SIDE, FILL.QUANTITY,
                FILL.PRICE, FILL.COMMISSION, FILL.PROTECTIVE_STOP, FILL.FILLED_AT, FILL.EXIT_TAG, FillCharges.COLUMN), fills,
                insert -> insert);
        insert(queries, ORDER_EVENT, List.of(ORDER_EVENT.ORDER_ID, ORDER_EVENT.CLIENT_ORDER_ID, ORDER_EVENT.EVENT_TYPE,
                ORDER_EVENT.STATUS, ORDER_EVENT.DETAIL, ORDER_EVENT.OCCURRED_AT), orderEvents, insert -> insert);
        List<Object[]> positionRows = new ArrayList<>(positions.size());
        for (EngineEvent.PositionChanged p : positions.values()) {
            positionRows.add(new Object[] {p.symbol(), p.quantity(), p.averagePrice(), p.realizedPnl(), p.time()});
        }
        insert(queries, POSITION, List.of(POSITION.SYMBOL, POSITION.QUANTITY, POSITION.AVERAGE_PRICE, POSITION.REALIZED_PNL,
                POSITION.UPDATED_AT), positionRows, insert -> insert.onConflict(POSITION.SYMBOL).doUpdate()
                .set(POSITION.QUANTITY, excluded(POSITION.QUANTITY))
                .set(POSITION.AVERAGE_PRICE, excluded(POSITION.AVERAGE_PRICE))
                .set(POSITION.REALIZED_PNL, excluded(POSITION.REALIZED_PNL))
                .set(POSITION.UPDATED_AT, excluded(POSITION.UPDATED_AT)));
        insert(queries, ROUND_TRIP, List.of(ROUND_TRIP.STRATEGY, ROUND_TRIP.SYMBOL, ROUND_TRIP.DIRECTION, ROUND_TRIP.ENTRY_TIME,
                ROUND_TRIP.ENTRY_PRICE, ROUND_TRIP.EXIT_TIME, ROUND_TRIP.EXIT_PRICE, ROUND_TRIP.QUANTITY, ROUND_TRIP.GROSS_PNL,
                ROUND_TRIP.FEES, ROUND_TRIP.NET_PNL), roundTrips, insert -> insert);
        List<Object[]> dayRows = new ArrayList<>(days.size());
        for (Map.Entry<Map.Entry<String, LocalDate>, DayTotals> e : days.entrySet()) {
            DayTotals t = e.getValue();
            dayRows.add(new Object[] {e.getKey().getKey(), e.getKey().getValue(), t.trades, t.wins, t.gross, t.fees, t.net});
        }
        insert(queries, STRATEGY_DAY, List.of(STRATEGY_DAY.STRATEGY, STRATEGY_DAY.TRADING_DAY, STRATEGY_DAY.TRADES,
                STRATEGY_DAY.WINS, STRATEGY_DAY.GROSS_PNL, STRATEGY_DAY.FEES, STRATEGY_DAY.NET_PNL), dayRows,
                insert -> insert.onConflict(STRATEGY_DAY.STRATEGY, STRATEGY_DAY.TRADING_DAY).doUpdate()
                        .set(STRATEGY_DAY.TRADES, STRATEGY_DAY.TRADES.plus(excluded(STRATEGY_DAY.TRADES)))
                        .set(STRATEGY_DAY.WINS, STRATEGY_DAY.WINS.plus(excluded(STRATEGY_DAY.WINS)))
                        .set(STRATEGY_DAY.GROSS_PNL, STRATEGY_DAY.GROSS_PNL.plus(excluded(STRATEGY_DAY.GROSS_PNL)))
                        .set(STRATEGY_DAY.FEES, STRATEGY_DAY.FEES.plus(excluded(STRATEGY_DAY.FEES)))
                        .set(STRATEGY_DAY.NET_PNL, STRATEGY_DAY.NET_PNL.plus(excluded(STRATEGY_DAY.NET_PNL))));
        insert(queries, FEED_CHECKPOINT, List.of(FEED_CHECKPOINT.SYMBOL, FEED_CHECKPOINT.LAST_BAR_START, FEED_CHECKPOINT.BARS),
                new ArrayList<>(checkpoints.values()), insert -> insert.onConflict(FEED_CHECKPOINT.SYMBOL).doUpdate()
                        .set(FEED_CHECKPOINT.LAST_BAR_START, excluded(FEED_CHECKPOINT.LAST_BAR_START))
                        .set(FEED_CHECKPOINT.BARS, excluded(FEED_CHECKPOINT.BARS)));
        insert(queries, EQUITY_SNAPSHOT, List.of(EQUITY_SNAPSHOT.AT, EQUITY_SNAPSHOT.CASH, EQUITY_SNAPSHOT.EQUITY,
                EQUITY_SNAPSHOT.REALIZED_PNL, EQUITY_SNAPSHOT.UNREALIZED_PNL, EQUITY_SNAPSHOT.DRAWDOWN,
                EQUITY_SNAPSHOT.DAY_START_EQUITY, EQUITY_SNAPSHOT.PEAK_EQUITY), equity,
                insert -> insert.onConflict(EQUITY_SNAPSHOT.AT).doNothing());
        if (queries.size() == 1) queries.getFirst().execute();
        else if (!queries.isEmpty()) db.batch(queries).execute();
    }

    /**
     * Adds multi-row INSERTs of {@code rows} (in order, at most {@link #ROWS_PER_INSERT} rows each) into
     * {@code table}, each finished by {@code conflict} (an ON CONFLICT clause, or none).
     */
    private <R extends Record> void insert(List<Query> queries, Table<R> table, List<? extends Field<?>> fields,
                                           List<Object[]> rows, Function<InsertValuesStepN<R>, Query> conflict) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            InsertValuesStepN<R> insert = db.insertInto(table, fields);
            for (Object[] row : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT))) insert = insert.values(row);
            queries.add(conflict.apply(insert));
        }
    }

    private static String cut(String s) {
        return s == null || s.length() <= TEXT ? s : s.substring(0, TEXT);
    }

    /** An order accepted in this batch, with what the batch did to it since. */
    private static final class OrderRow {
        private final EngineEvent.OrderAccepted accepted;
        private final String exchange;
        private String status = "ACCEPTED";
        private BigDecimal filled = BigDecimal.ZERO;
        private String reason;
        private Instant updatedAt;
        private Terms terms;
        private String venueOrderId;

        OrderRow(EngineEvent.OrderAccepted accepted, String exchange) {
            this.accepted = accepted;
            this.exchange = exchange;
            this.updatedAt = accepted.time();
            this.terms = new Terms(accepted.quantity().value(), accepted.limitPrice() == null ? null : accepted.limitPrice().value(),
                    accepted.stopPrice() == null ? null : accepted.stopPrice().value());
        }

        Object[] values() {
            var a = accepted;
            return new Object[] {a.orderId().value(), a.clientOrderId().value(), a.strategy().value(), a.symbol(), exchange,
                    a.side().name(), terms.quantity(), a.type().name(), terms.limitPrice(), terms.stopPrice(),
                    a.timeInForce().name(), status, filled, reason, a.time(), updatedAt, venueOrderId,
                    a.exitTag() == null ? null : a.exitTag().name()};
        }
    }

    /** An order's quantity and prices: as accepted, or as the venue last modified them. */
    private record Terms(BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice) {
    }

    /** The net change of an order recorded in an earlier batch. */
    private static final class OrderChange {
        /** The new status, or null when the batch only modified the order. */
        private String status;
        /** The venue's modification, or null. */
        private Terms terms;
        private BigDecimal filled = BigDecimal.ZERO;
        private boolean ends;
        private String reason;
        private Instant updatedAt;
        /** The venue's id from an acknowledgement in this batch, or null. */
        private String venueOrderId;
    }

    /** A strategy's round trips of one day within the batch. */
    private static final class DayTotals {
        private int trades;
        private int wins;
        private BigDecimal gross = BigDecimal.ZERO;
        private BigDecimal fees = BigDecimal.ZERO;
        private BigDecimal net = BigDecimal.ZERO;
    }
}
