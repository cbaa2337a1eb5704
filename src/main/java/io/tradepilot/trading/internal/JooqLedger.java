package io.tradepilot.trading.internal;

import static io.tradepilot.db.Tables.EQUITY_SNAPSHOT;
import static io.tradepilot.db.Tables.FEED_CHECKPOINT;
import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.ORDER_EVENT;
import static io.tradepilot.db.Tables.POSITION;
import static io.tradepilot.db.Tables.ROUND_TRIP;
import static io.tradepilot.db.Tables.STRATEGY_DAY;
import static io.tradepilot.db.Tables.TRADE_ORDER;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.StrategyDay;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The trading ledger in PostgreSQL (jOOQ): writes batches of engine events in one transaction each,
 * and reads what recovery and the read API need. Writes are not idempotent: each batch is written
 * exactly once by {@link LedgerWriter}, in engine order.
 */
final class JooqLedger {

    private static final int TEXT = 500;

    private final DSLContext db;
    private final TransactionTemplate transactions;

    JooqLedger(DSLContext db, TransactionTemplate transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    // ------------------------------------------------------------------------------- writing

    /**
     * Writes one batch atomically: all of it or nothing.
     *
     * @param instruments the instrument of a symbol (its exchange is recorded with the order)
     * @param nextFillSeq the sequence number of the batch's first fill; returns the next one after the batch
     */
    long write(List<LedgerItem> batch, Function<String, Instrument> instruments, ZoneId marketZone, long nextFillSeq) {
        return write(batch, instruments, marketZone, nextFillSeq, LeaderLock.LedgerFence.NONE);
    }

    /**
     * As {@link #write(List, Function, ZoneId, long)}, after {@code fence} passed inside the same transaction (a
     * fence that throws rolls the batch back: nothing of it is written).
     */
    long write(List<LedgerItem> batch, Function<String, Instrument> instruments, ZoneId marketZone, long nextFillSeq,
               LeaderLock.LedgerFence fence) {
        Long next = transactions.execute(status -> {
            fence.verify(db);
            long seq = nextFillSeq;
            for (LedgerItem item : batch) {
                switch (item) {
                    case LedgerItem.Event e -> seq = write(e.event(), instruments, marketZone, seq);
                    case LedgerItem.StepDone step -> writeStep(step);
                }
            }
            return seq;
        });
        return next == null ? nextFillSeq : next;
    }

    private long write(EngineEvent event, Function<String, Instrument> instruments, ZoneId zone, long seq) {
        switch (event) {
            case EngineEvent.OrderAccepted a -> {
                db.insertInto(TRADE_ORDER)
                        .set(TRADE_ORDER.ORDER_ID, a.orderId().value())
                        .set(TRADE_ORDER.CLIENT_ORDER_ID, a.clientOrderId().value())
                        .set(TRADE_ORDER.STRATEGY, a.strategy().value())
                        .set(TRADE_ORDER.SYMBOL, a.symbol())
                        .set(TRADE_ORDER.EXCHANGE, instruments.apply(a.symbol()).exchange())
                        .set(TRADE_ORDER.SIDE, a.side().name())
                        .set(TRADE_ORDER.QUANTITY, a.quantity().value())
                        .set(TRADE_ORDER.ORDER_TYPE, a.type().name())
                        .set(TRADE_ORDER.LIMIT_PRICE, a.limitPrice() == null ? null : a.limitPrice().value())
                        .set(TRADE_ORDER.STOP_PRICE, a.stopPrice() == null ? null : a.stopPrice().value())
                        .set(TRADE_ORDER.TIME_IN_FORCE, a.timeInForce().name())
                        .set(TRADE_ORDER.STATUS, "ACCEPTED")
                        .set(TRADE_ORDER.FILLED_QUANTITY, BigDecimal.ZERO)
                        .set(TRADE_ORDER.CREATED_AT, a.time())
                        .set(TRADE_ORDER.UPDATED_AT, a.time())
                        .execute();
                orderEvent(a.orderId().value(), a.clientOrderId().value(), "ACCEPTED", "ACCEPTED", null, a.time());
            }
            case EngineEvent.OrderRejected r -> orderEvent(null, r.clientOrderId().value(), "REJECTED", "REJECTED",
                    r.code() + ": " + r.message(), r.time());
            case EngineEvent.DuplicateOrderIgnored d -> orderEvent(d.existing().value(), d.clientOrderId().value(),
                    "DUPLICATE_IGNORED", null, null, d.time());
            case EngineEvent.OrderFilled f -> {
                db.insertInto(FILL)
                        .set(FILL.SEQ, seq)
                        .set(FILL.ORDER_ID, f.orderId().value())
                        .set(FILL.CLIENT_ORDER_ID, f.clientOrderId().value())
                        .set(FILL.SYMBOL, f.symbol())
                        .set(FILL.SIDE, f.side().name())
                        .set(FILL.QUANTITY, f.quantity().value())
                        .set(FILL.PRICE, f.price().value())
                        .set(FILL.COMMISSION, f.commission().amount())
                        .set(FILL.FILLED_AT, f.time())
                        .execute();
                db.update(TRADE_ORDER)
                        .set(TRADE_ORDER.STATUS, f.status().name())
                        .set(TRADE_ORDER.FILLED_QUANTITY, TRADE_ORDER.FILLED_QUANTITY.plus(f.quantity().value()))
                        .set(TRADE_ORDER.UPDATED_AT, f.time())
                        .where(TRADE_ORDER.ORDER_ID.eq(f.orderId().value()))
                        .execute();
                orderEvent(f.orderId().value(), f.clientOrderId().value(), "FILLED", f.status().name(),
                        f.quantity().value().toPlainString() + " @ " + f.price().value().toPlainString(), f.time());
                return seq + 1;
            }
            case EngineEvent.OrderCancelled c -> {
                endOrder(c.orderId().value(), "CANCELLED", c.reason(), c.time());
                orderEvent(c.orderId().value(), null, "CANCELLED", "CANCELLED", c.reason(), c.time());
            }
            case EngineEvent.CancelRejected c -> orderEvent(c.orderId().value(), null, "CANCEL_REJECTED", null, c.reason(), c.time());
            case EngineEvent.OrderExpired x -> {
                endOrder(x.orderId().value(), "EXPIRED", x.reason(), x.time());
                orderEvent(x.orderId().value(), null, "EXPIRED", "EXPIRED", x.reason(), x.time());
            }
            case EngineEvent.PositionChanged p -> db.insertInto(POSITION)
                    .set(POSITION.SYMBOL, p.symbol())
                    .set(POSITION.QUANTITY, p.quantity())
                    .set(POSITION.AVERAGE_PRICE, p.averagePrice())
                    .set(POSITION.REALIZED_PNL, p.realizedPnl())
                    .set(POSITION.UPDATED_AT, p.time())
                    .onConflict(POSITION.SYMBOL).doUpdate()
                    .set(POSITION.QUANTITY, p.quantity())
                    .set(POSITION.AVERAGE_PRICE, p.averagePrice())
                    .set(POSITION.REALIZED_PNL, p.realizedPnl())
                    .set(POSITION.UPDATED_AT, p.time())
                    .execute();
            case EngineEvent.TradeClosed t -> roundTrip(t, zone);
            case EngineEvent.RiskTripped ignored -> { }
            case EngineEvent.TradingStateChanged ignored -> { }
            case EngineEvent.OrderAcknowledged a -> orderEvent(a.orderId().value(), a.clientOrderId().value(), "ACKNOWLEDGED", null,
                    "venue order id " + a.venueOrderId(), a.time());
            case EngineEvent.OrderRejectedByVenue r -> {
                endOrder(r.orderId().value(), "REJECTED", r.reason(), r.time());
                orderEvent(r.orderId().value(), r.clientOrderId().value(), "REJECTED_BY_VENUE", "REJECTED", r.reason(), r.time());
            }
            case EngineEvent.OrderModified m -> {
                db.update(TRADE_ORDER)
                        .set(TRADE_ORDER.QUANTITY, m.quantity().value())
                        .set(TRADE_ORDER.LIMIT_PRICE, m.limitPrice() == null ? null : m.limitPrice().value())
                        .set(TRADE_ORDER.STOP_PRICE, m.stopPrice() == null ? null : m.stopPrice().value())
                        .set(TRADE_ORDER.UPDATED_AT, m.time())
                        .where(TRADE_ORDER.ORDER_ID.eq(m.orderId().value()))
                        .execute();
                orderEvent(m.orderId().value(), m.clientOrderId().value(), "MODIFIED", null, "quantity " + m.quantity()
                        + (m.limitPrice() == null ? "" : ", limit " + m.limitPrice().value().toPlainString())
                        + (m.stopPrice() == null ? "" : ", stop " + m.stopPrice().value().toPlainString()), m.time());
            }
            case EngineEvent.ModifyRejected m -> orderEvent(m.orderId().value(), null, "MODIFY_REJECTED", null, m.reason(), m.time());
            case EngineEvent.ExecutionReportRefused r -> orderEvent(r.orderId() == null ? null : r.orderId().value(),
                    r.clientOrderId().value(), "REPORT_REFUSED", null, r.reason() + ": " + r.report(), r.time());
        }
        return seq;
    }

    private void roundTrip(EngineEvent.TradeClosed t, ZoneId zone) {
        RoundTrip rt = t.trade();
        String strategy = strategyOf(t);
        db.insertInto(ROUND_TRIP)
                .set(ROUND_TRIP.STRATEGY, strategy)
                .set(ROUND_TRIP.SYMBOL, rt.symbol())
                .set(ROUND_TRIP.DIRECTION, rt.direction().name())
                .set(ROUND_TRIP.ENTRY_TIME, rt.entryTime())
                .set(ROUND_TRIP.ENTRY_PRICE, rt.entryPrice())
                .set(ROUND_TRIP.EXIT_TIME, rt.exitTime())
                .set(ROUND_TRIP.EXIT_PRICE, rt.exitPrice())
                .set(ROUND_TRIP.QUANTITY, rt.quantity())
                .set(ROUND_TRIP.GROSS_PNL, rt.grossPnl())
                .set(ROUND_TRIP.FEES, rt.fees())
                .set(ROUND_TRIP.NET_PNL, rt.netPnl())
                .execute();
        LocalDate day = rt.exitTime().atZone(zone).toLocalDate();
        int win = rt.netPnl().signum() > 0 ? 1 : 0;
        db.insertInto(STRATEGY_DAY)
                .set(STRATEGY_DAY.STRATEGY, strategy)
                .set(STRATEGY_DAY.TRADING_DAY, day)
                .set(STRATEGY_DAY.TRADES, 1)
                .set(STRATEGY_DAY.WINS, win)
                .set(STRATEGY_DAY.GROSS_PNL, rt.grossPnl())
                .set(STRATEGY_DAY.FEES, rt.fees())
                .set(STRATEGY_DAY.NET_PNL, rt.netPnl())
                .onConflict(STRATEGY_DAY.STRATEGY, STRATEGY_DAY.TRADING_DAY).doUpdate()
                .set(STRATEGY_DAY.TRADES, STRATEGY_DAY.TRADES.plus(1))
                .set(STRATEGY_DAY.WINS, STRATEGY_DAY.WINS.plus(win))
                .set(STRATEGY_DAY.GROSS_PNL, STRATEGY_DAY.GROSS_PNL.plus(rt.grossPnl()))
                .set(STRATEGY_DAY.FEES, STRATEGY_DAY.FEES.plus(rt.fees()))
                .set(STRATEGY_DAY.NET_PNL, STRATEGY_DAY.NET_PNL.plus(rt.netPnl()))
                .execute();
    }

    /**
     * A round trip belongs to the strategy of the order whose fill closed it: the engine publishes
     * the fill just before the trades it closes, so the newest fill of the symbol names it.
     */
    private String strategyOf(EngineEvent.TradeClosed t) {
        String cid = db.select(FILL.CLIENT_ORDER_ID).from(FILL).where(FILL.SYMBOL.eq(t.trade().symbol()))
                .orderBy(FILL.SEQ.desc()).limit(1).fetchOne(FILL.CLIENT_ORDER_ID);
        if (cid == null) return "unknown";
        int colon = cid.indexOf(':');
        return colon > 0 ? cid.substring(0, colon) : cid;
    }

    private void endOrder(String orderId, String status, String reason, Instant at) {
        db.update(TRADE_ORDER)
                .set(TRADE_ORDER.STATUS, status)
                .set(TRADE_ORDER.STATUS_REASON, cut(reason))
                .set(TRADE_ORDER.UPDATED_AT, at)
                .where(TRADE_ORDER.ORDER_ID.eq(orderId))
                .execute();
    }

    private void orderEvent(String orderId, String clientOrderId, String type, String status, String detail, Instant at) {
        db.insertInto(ORDER_EVENT)
                .set(ORDER_EVENT.ORDER_ID, orderId)
                .set(ORDER_EVENT.CLIENT_ORDER_ID, clientOrderId)
                .set(ORDER_EVENT.EVENT_TYPE, type)
                .set(ORDER_EVENT.STATUS, status)
                .set(ORDER_EVENT.DETAIL, cut(detail))
                .set(ORDER_EVENT.OCCURRED_AT, at)
                .execute();
    }

    private void writeStep(LedgerItem.StepDone step) {
        for (Map.Entry<String, Long> e : step.barsBySymbol().entrySet()) {
            db.insertInto(FEED_CHECKPOINT)
                    .set(FEED_CHECKPOINT.SYMBOL, e.getKey())
                    .set(FEED_CHECKPOINT.LAST_BAR_START, step.at())
                    .set(FEED_CHECKPOINT.BARS, e.getValue())
                    .onConflict(FEED_CHECKPOINT.SYMBOL).doUpdate()
                    .set(FEED_CHECKPOINT.LAST_BAR_START, step.at())
                    .set(FEED_CHECKPOINT.BARS, e.getValue())
                    .execute();
        }
        PortfolioSnapshot p = step.portfolio();
        db.insertInto(EQUITY_SNAPSHOT)
                .set(EQUITY_SNAPSHOT.AT, step.at())
                .set(EQUITY_SNAPSHOT.CASH, p.cash())
                .set(EQUITY_SNAPSHOT.EQUITY, p.equity())
                .set(EQUITY_SNAPSHOT.REALIZED_PNL, p.realizedPnl())
                .set(EQUITY_SNAPSHOT.UNREALIZED_PNL, p.unrealizedPnl())
                .set(EQUITY_SNAPSHOT.DRAWDOWN, p.drawdown())
                .set(EQUITY_SNAPSHOT.DAY_START_EQUITY, p.dayStartEquity())
                .set(EQUITY_SNAPSHOT.PEAK_EQUITY, p.peakEquity())
                .onConflict(EQUITY_SNAPSHOT.AT).doNothing()
                .execute();
    }

    private static String cut(String s) {
        return s == null || s.length() <= TEXT ? s : s.substring(0, TEXT);
    }

    // ------------------------------------------------------------------------------- reading

    /** A recorded fill, for replay. */
    record FillRow(long seq, String orderId, String clientOrderId, String symbol, String side, BigDecimal quantity,
                   BigDecimal price, BigDecimal commission, Instant at) {
    }

    /** Every fill in engine order. */
    List<FillRow> fills() {
        return db.selectFrom(FILL).orderBy(FILL.SEQ).fetch(r -> new FillRow(r.getSeq(), r.getOrderId(), r.getClientOrderId(),
                r.getSymbol(), r.getSide(), r.getQuantity(), r.getPrice(), r.getCommission(), r.getFilledAt()));
    }

    /** Every order with its exchange, oldest first. */
    List<Map.Entry<LedgerOrder, String>> ordersWithExchange() {
        return db.selectFrom(TRADE_ORDER).orderBy(TRADE_ORDER.CREATED_AT, TRADE_ORDER.ORDER_ID)
                .fetch(r -> Map.entry(order(r), r.getExchange()));
    }

    /** The last bar time the engine finished, per symbol. */
    Map<String, Instant> checkpoints() {
        return db.selectFrom(FEED_CHECKPOINT).fetchMap(FEED_CHECKPOINT.SYMBOL, FEED_CHECKPOINT.LAST_BAR_START);
    }

    /**
     * The engine's risk baseline at the last recorded time step: its time, the peak equity and the
     * day's starting equity. Empty when no step was recorded. For rows written before the peak was
     * recorded, the peak is the largest equity ever recorded.
     */
    java.util.Optional<RiskBaseline> riskBaseline() {
        var last = db.selectFrom(EQUITY_SNAPSHOT).orderBy(EQUITY_SNAPSHOT.AT.desc()).limit(1).fetchOne();
        if (last == null) return java.util.Optional.empty();
        BigDecimal peak = last.getPeakEquity();
        if (peak == null) peak = db.select(DSL.max(EQUITY_SNAPSHOT.EQUITY)).from(EQUITY_SNAPSHOT).fetchOne(0, BigDecimal.class);
        return java.util.Optional.of(new RiskBaseline(last.getAt(), peak, last.getDayStartEquity()));
    }

    /** The peak and day-start equity recorded with the time step at {@code at}. */
    record RiskBaseline(Instant at, BigDecimal peakEquity, BigDecimal dayStartEquity) {
    }

    /**
     * The open positions and {@link #lastSnapshot()} read in one read-only REPEATABLE READ transaction, so both
     * show the same committed ledger batch. Empty before the first recorded time step.
     */
    java.util.Optional<Map.Entry<LastSnapshot, List<LedgerPosition>>> positionsWithLastSnapshot() {
        TransactionTemplate consistent = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
        consistent.setReadOnly(true);
        consistent.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        return consistent.execute(status -> lastSnapshot().map(last -> Map.entry(last, positions(true))));
    }

    /**
     * The newest equity snapshot with the totals a portfolio needs besides its positions: fees (every fill's
     * commission) and the number of working orders. Empty before the first recorded time step.
     */
    java.util.Optional<LastSnapshot> lastSnapshot() {
        var last = db.selectFrom(EQUITY_SNAPSHOT).orderBy(EQUITY_SNAPSHOT.AT.desc()).limit(1).fetchOne();
        if (last == null) return java.util.Optional.empty();
        BigDecimal peak = last.getPeakEquity();
        if (peak == null) peak = db.select(DSL.max(EQUITY_SNAPSHOT.EQUITY)).from(EQUITY_SNAPSHOT).fetchOne(0, BigDecimal.class);
        BigDecimal fees = db.select(DSL.sum(FILL.COMMISSION)).from(FILL).fetchOne(0, BigDecimal.class);
        int working = db.fetchCount(TRADE_ORDER, TRADE_ORDER.STATUS.in("ACCEPTED", "PARTIALLY_FILLED", "PENDING_CANCEL", "CANCEL_FAILED"));
        return java.util.Optional.of(new LastSnapshot(last.getAt(), last.getCash(), last.getEquity(), last.getRealizedPnl(),
                last.getDayStartEquity(), peak, last.getDrawdown(), fees == null ? BigDecimal.ZERO : fees, working));
    }

    /** The newest equity snapshot, with all fees so far and the working orders now. */
    record LastSnapshot(Instant at, BigDecimal cash, BigDecimal equity, BigDecimal realizedPnl, BigDecimal dayStartEquity,
                        BigDecimal peakEquity, BigDecimal drawdown, BigDecimal fees, int workingOrders) {
    }

    /** The net P&L of every closed round trip, in the order the engine closed them. */
    List<BigDecimal> roundTripNetPnls() {
        return db.select(ROUND_TRIP.NET_PNL).from(ROUND_TRIP).orderBy(ROUND_TRIP.ID).fetch(ROUND_TRIP.NET_PNL);
    }

    /** How much the ledger holds: its order and fill rows (a leader compares it with what it wrote itself). */
    record Watermark(long orders, long fills) {
        /** True when this ledger holds nothing beyond {@code other} (equal or less in both). */
        boolean notBeyond(Watermark other) {
            return orders <= other.orders && fills <= other.fills;
        }
    }

    /** The number of order rows and fill rows, read in one statement. */
    Watermark watermark() {
        var r = db.select(DSL.selectCount().from(TRADE_ORDER).asField(), DSL.selectCount().from(FILL).asField()).fetchOne();
        return new Watermark(((Number) r.get(0)).longValue(), ((Number) r.get(1)).longValue());
    }

    /** The next fill sequence number (one past the largest recorded). */
    long nextFillSeq() {
        Long max = db.select(DSL.max(FILL.SEQ)).from(FILL).fetchOne(0, Long.class);
        return max == null ? 1 : max + 1;
    }

    List<LedgerPosition> positions(boolean openOnly) {
        var q = db.selectFrom(POSITION);
        var rows = openOnly ? q.where(POSITION.QUANTITY.ne(BigDecimal.ZERO)).orderBy(POSITION.SYMBOL).fetch()
                : q.orderBy(POSITION.SYMBOL).fetch();
        return rows.map(r -> new LedgerPosition(r.getSymbol(), r.getQuantity().stripTrailingZeros(),
                r.getAveragePrice().stripTrailingZeros(), r.getRealizedPnl().stripTrailingZeros(), r.getUpdatedAt()));
    }

    /** One recorded order by its engine order id. */
    java.util.Optional<LedgerOrder> order(String orderId) {
        return db.selectFrom(TRADE_ORDER).where(TRADE_ORDER.ORDER_ID.eq(orderId)).fetchOptional(JooqLedger::order);
    }

    List<LedgerOrder> orders(boolean workingOnly, int limit) {
        var q = db.selectFrom(TRADE_ORDER);
        var where = workingOnly ? q.where(TRADE_ORDER.STATUS.in("ACCEPTED", "PARTIALLY_FILLED", "PENDING_CANCEL", "CANCEL_FAILED"))
                : q.where(DSL.trueCondition());
        return where.orderBy(TRADE_ORDER.CREATED_AT.desc(), TRADE_ORDER.ORDER_ID.desc()).limit(limit).fetch(JooqLedger::order);
    }

    List<EquityPoint> equity(int limit) {
        List<EquityPoint> newestFirst = db.selectFrom(EQUITY_SNAPSHOT).orderBy(EQUITY_SNAPSHOT.AT.desc()).limit(limit)
                .fetch(r -> new EquityPoint(r.getAt(), r.getCash(), r.getEquity(), r.getRealizedPnl(), r.getUnrealizedPnl(),
                        r.getDrawdown(), r.getDayStartEquity()));
        List<EquityPoint> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    java.util.Optional<EquityPoint> equityAt(java.time.Instant at) {
        return db.selectFrom(EQUITY_SNAPSHOT).where(EQUITY_SNAPSHOT.AT.le(at)).orderBy(EQUITY_SNAPSHOT.AT.desc()).limit(1)
                .fetchOptional(r -> new EquityPoint(r.getAt(), r.getCash(), r.getEquity(), r.getRealizedPnl(), r.getUnrealizedPnl(),
                        r.getDrawdown(), r.getDayStartEquity()));
    }

    List<StrategyDay> strategyDays(LocalDate from, LocalDate to) {
        return db.selectFrom(STRATEGY_DAY).where(STRATEGY_DAY.TRADING_DAY.between(from, to))
                .orderBy(STRATEGY_DAY.TRADING_DAY, STRATEGY_DAY.STRATEGY)
                .fetch(r -> new StrategyDay(r.getStrategy(), r.getTradingDay(), r.getTrades(), r.getWins(),
                        r.getGrossPnl().stripTrailingZeros(), r.getFees().stripTrailingZeros(), r.getNetPnl().stripTrailingZeros()));
    }

    private static LedgerOrder order(io.tradepilot.db.tables.records.TradeOrderRecord r) {
        return new LedgerOrder(r.getOrderId(), r.getClientOrderId(), r.getStrategy(), r.getSymbol(), r.getSide(),
                r.getQuantity().stripTrailingZeros(), r.getOrderType(), strip(r.getLimitPrice()), strip(r.getStopPrice()),
                r.getTimeInForce(), r.getStatus(), r.getFilledQuantity().stripTrailingZeros(), r.getStatusReason(),
                r.getCreatedAt(), r.getUpdatedAt());
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }
}
