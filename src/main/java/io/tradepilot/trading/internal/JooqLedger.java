package io.tradepilot.trading.internal;

import static io.tradepilot.db.Tables.EQUITY_SNAPSHOT;
import static io.tradepilot.db.Tables.FEED_CHECKPOINT;
import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.POSITION;
import static io.tradepilot.db.Tables.ROUND_TRIP;
import static io.tradepilot.db.Tables.STRATEGY_DAY;
import static io.tradepilot.db.Tables.TRADE_ORDER;

import io.tradepilot.engine.domain.Instrument;
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

    private final DSLContext db;
    private final TransactionTemplate transactions;

    JooqLedger(DSLContext db, TransactionTemplate transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    // ------------------------------------------------------------------------------- writing

    /**
     * Writes one batch atomically: all of it or nothing, folded into a few JDBC batches (see
     * {@link LedgerBatch}), so that one transaction (one commit, one WAL flush) serves many engine commands.
     *
     * @param instruments the instrument of a symbol (its exchange is recorded with the order)
     * @param nextFillSeq the sequence number of the batch's first fill; returns the next one after the batch
     */
    long write(List<LedgerItem> batch, Function<String, Instrument> instruments, ZoneId marketZone, long nextFillSeq) {
        return write(batch, instruments, marketZone, nextFillSeq, LeaderLock.LedgerFence.NONE);
    }

    /**
     * As {@link #write(List, Function, ZoneId, long)}, with {@code fence}'s statement sent before the rows, in the same
     * transaction and JDBC batch: a fence that fails rolls the batch back (nothing of it is written) and surfaces
     * as {@link LeaderLock.LeadershipLostException}.
     */
    long write(List<LedgerItem> batch, Function<String, Instrument> instruments, ZoneId marketZone, long nextFillSeq,
               LeaderLock.LedgerFence fence) {
        Long next;
        try {
            next = transactions.execute(status -> {
                LedgerBatch rows = new LedgerBatch(db, instruments, marketZone, nextFillSeq);
                for (LedgerItem item : batch) rows.add(item);
                rows.write(fence.statement(db));
                return rows.nextFillSeq();
            });
        } catch (RuntimeException e) {
            throw LeaderLock.LedgerFence.lost(e).<RuntimeException>map(lost -> lost).orElse(e);
        }
        return next == null ? nextFillSeq : next;
    }

    // ------------------------------------------------------------------------------- reading

    /** A recorded fill, for replay. */
    record FillRow(long seq, String orderId, String clientOrderId, String symbol, String side, BigDecimal quantity,
                   BigDecimal price, BigDecimal commission, Instant at, BigDecimal protectiveStop) {
    }

    /** Every fill in engine order. */
    List<FillRow> fills() {
        return db.selectFrom(FILL).orderBy(FILL.SEQ).fetch(r -> new FillRow(r.getSeq(), r.getOrderId(), r.getClientOrderId(),
                r.getSymbol(), r.getSide(), r.getQuantity(), r.getPrice(), r.getCommission(), r.getFilledAt(), r.getProtectiveStop()));
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

    /** The fills of {@code orderId} by sequence number (the {@code fill_order_idx} index). */
    List<io.tradepilot.trading.OrderFill> fills(String orderId) {
        Map<Long, Map<String, BigDecimal>> charges = FillCharges.bySeq(db, FILL.ORDER_ID.eq(orderId));
        return db.selectFrom(FILL).where(FILL.ORDER_ID.eq(orderId)).orderBy(FILL.SEQ)
                .fetch(r -> new io.tradepilot.trading.OrderFill(r.getSeq(), r.getOrderId(), r.getSymbol(), r.getSide(),
                        r.getQuantity(), r.getPrice(), r.getCommission(), r.getProtectiveStop(), r.getFilledAt(),
                        charges.get(r.getSeq())));
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
                r.getCreatedAt(), r.getUpdatedAt(), r.getVenueOrderId(), r.getExitTag());
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }
}
