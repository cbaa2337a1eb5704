package io.tradepilot.journal.internal;

import static io.tradepilot.db.Tables.JOURNAL_STATE;
import static io.tradepilot.db.Tables.JOURNAL_TRADE;
import static io.tradepilot.db.Tables.JOURNAL_TRADE_FILL;

import io.tradepilot.db.tables.records.JournalTradeRecord;
import io.tradepilot.journal.DailyPnl;
import io.tradepilot.journal.ExitReason;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeBreakdown;
import io.tradepilot.journal.TradeFill;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradeStatistics;
import io.tradepilot.journal.TradeStatus;
import io.tradepilot.journal.TradingMode;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The journal's materialized round trips ({@code journal_trade}, {@code journal_trade_fill}, {@code journal_state};
 * {@code V96__journal_trade.sql}): written from what {@link TradeBuilder} computed (never re-derived here), read with
 * the filter, sort and page in SQL and the statistics aggregated in PostgreSQL by the rules of
 * {@link TradeStatistics}. Writes run in the caller's transaction.
 */
class JooqTradeTable {

    private static final Condition CLOSED = JOURNAL_TRADE.STATUS.eq(TradeStatus.CLOSED.name());

    /** {@code journal_state.day_summary_zone}: the zone the summary was built in, null before it was. */
    private static final Field<String> SUMMARY_ZONE = DSL.field(DSL.name("day_summary_zone"), String.class);

    private final DSLContext db;
    private final ZoneId zone;
    private final JooqDaySummary summary;

    JooqTradeTable(DSLContext db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
        this.summary = new JooqDaySummary(db, zone);
    }

    /** How far the table is; {@code summaryZone}: the zone the per-day summary was built in (null: never built). */
    record State(long lastSeq, String lastOrderId, String summaryZone) {
    }

    /**
     * The state, locked for the caller's transaction: one writer of the trades and of the summary at a time across
     * instances (the trade upserts, the summary's refreshes and rebuild, a tag edit's refresh).
     */
    State lockState() {
        Record r = db.select(JOURNAL_STATE.LAST_SEQ, JOURNAL_STATE.LAST_ORDER_ID, SUMMARY_ZONE).from(JOURNAL_STATE)
                .where(JOURNAL_STATE.ID.eq(1)).forUpdate().fetchSingle();
        return new State(r.get(JOURNAL_STATE.LAST_SEQ), r.get(JOURNAL_STATE.LAST_ORDER_ID), r.get(SUMMARY_ZONE));
    }

    /** Whether the per-day summary of {@code state} is built in this table's zone. */
    boolean summaryBuilt(State state) {
        return zone.getId().equals(state.summaryZone());
    }

    /** Rebuilds the per-day summary from the trades (the caller holds {@link #lockState()}). */
    void rebuildSummary() {
        summary.rebuild();
        db.update(JOURNAL_STATE).set(SUMMARY_ZONE, zone.getId()).where(JOURNAL_STATE.ID.eq(1)).execute();
    }

    /**
     * Replaces the tags of trade {@code id} ({@link JooqJournalStore#replaceTags}) and recomputes its day's summary (the
     * TAG groups), under the state lock, in the caller's transaction.
     */
    void replaceTags(JooqJournalStore store, long id, Collection<String> tags, String by, Instant at) {
        lockState();
        store.replaceTags(id, tags, by, at);
        LocalDate day = db.select(JOURNAL_TRADE.TRADE_DAY).from(JOURNAL_TRADE)
                .where(JOURNAL_TRADE.TRADE_ID.eq(id).and(CLOSED)).fetchOne(JOURNAL_TRADE.TRADE_DAY);
        if (day != null) summary.refresh(List.of(day));
    }

    void saveState(long lastSeq, String lastOrderId) {
        db.update(JOURNAL_STATE).set(JOURNAL_STATE.LAST_SEQ, lastSeq).set(JOURNAL_STATE.LAST_ORDER_ID, lastOrderId)
                .where(JOURNAL_STATE.ID.eq(1)).execute();
    }

    /** Empties the trades (the ledger was reset); the tags and notes stay. */
    void clear() {
        db.deleteFrom(JOURNAL_TRADE_FILL).execute();
        db.deleteFrom(JOURNAL_TRADE).execute();
        summary.clear();
        saveState(-1, null);
        db.update(JOURNAL_STATE).set(SUMMARY_ZONE, zone.getId()).where(JOURNAL_STATE.ID.eq(1)).execute();
    }

    /** Symbol of each open trade with the fill from which its position replays ({@link TradeBuilder#replayFrom}). */
    Map<String, Long> openReplayPoints() {
        return db.select(JOURNAL_TRADE.SYMBOL, JOURNAL_TRADE.REPLAY_FROM).from(JOURNAL_TRADE)
                .where(JOURNAL_TRADE.STATUS.eq(TradeStatus.OPEN.name()))
                .fetchMap(JOURNAL_TRADE.SYMBOL, JOURNAL_TRADE.REPLAY_FROM);
    }

    /**
     * Inserts or rewrites {@code trades} with their fills; a new row takes its tags from {@code journal_tag}, an
     * existing row keeps its tags. {@code replayFrom}: per open trade id, {@link TradeBuilder#replayFrom}. Then the
     * per-day summary of the exit days of the closed ones is recomputed (a closed trade is final, and an open one is
     * in no summary row, so these are all the days that changed).
     */
    void upsert(Collection<Trade> trades, Map<Long, Long> replayFrom) {
        if (trades.isEmpty()) return;
        db.deleteFrom(JOURNAL_TRADE_FILL).where(JOURNAL_TRADE_FILL.TRADE_ID.in(trades.stream().map(Trade::id).toList())).execute();
        Map<Field<?>, Field<?>> updates = new HashMap<>(); // every column but the id and the tags, from the row proposed
        for (Field<?> f : JOURNAL_TRADE.fields()) if (f != JOURNAL_TRADE.TRADE_ID && f != JOURNAL_TRADE.TAGS) updates.put(f, DSL.excluded(f));
        List<Trade> all = List.copyOf(trades);
        for (int from = 0; from < all.size(); from += ROWS_PER_INSERT) {
            List<Trade> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_INSERT));
            var insert = db.insertInto(JOURNAL_TRADE).set(row(chunk.getFirst(), replayFrom));
            for (Trade t : chunk.subList(1, chunk.size())) insert = insert.newRecord().set(row(t, replayFrom));
            insert.onConflict(JOURNAL_TRADE.TRADE_ID).doUpdate().set(updates).execute();
        }
        List<Map<Field<?>, Object>> fills = new ArrayList<>();
        for (Trade t : trades) for (TradeFill f : t.fills()) fills.add(fillRow(t.id(), f));
        for (int from = 0; from < fills.size(); from += ROWS_PER_INSERT) {
            List<Map<Field<?>, Object>> chunk = fills.subList(from, Math.min(fills.size(), from + ROWS_PER_INSERT));
            var insert = db.insertInto(JOURNAL_TRADE_FILL).set(chunk.getFirst());
            for (Map<Field<?>, Object> row : chunk.subList(1, chunk.size())) insert = insert.newRecord().set(row);
            insert.execute();
        }
        Set<LocalDate> closedDays = new TreeSet<>();
        for (Trade t : trades) if (t.status() == TradeStatus.CLOSED) closedDays.add(dayOf(t));
        summary.refresh(closedDays);
    }

    /** Rows per multi-row INSERT: 1,000 x 24 bind values stays below the protocol's 32,767. */
    private static final int ROWS_PER_INSERT = 1_000;

    /** The columns of {@code t}'s row; a new row takes its tags from {@code journal_tag} (an update keeps the row's). */
    private Map<Field<?>, Object> row(Trade t, Map<Long, Long> replayFrom) {
        Map<Field<?>, Object> r = new HashMap<>();
        r.put(JOURNAL_TRADE.TRADE_ID, t.id());
        r.put(JOURNAL_TRADE.SYMBOL, t.symbol());
        r.put(JOURNAL_TRADE.SIDE, t.side().name());
        r.put(JOURNAL_TRADE.STRATEGY, t.strategy());
        r.put(JOURNAL_TRADE.MODE, t.mode().name());
        r.put(JOURNAL_TRADE.STATUS, t.status().name());
        r.put(JOURNAL_TRADE.OUTCOME, t.outcome().name());
        r.put(JOURNAL_TRADE.TRADE_DAY, dayOf(t));
        r.put(JOURNAL_TRADE.ENTRY_TIME, t.entryTime());
        r.put(JOURNAL_TRADE.ENTRY_PRICE, t.entryPrice());
        r.put(JOURNAL_TRADE.EXIT_TIME, t.exitTime());
        r.put(JOURNAL_TRADE.EXIT_PRICE, t.exitPrice());
        r.put(JOURNAL_TRADE.QUANTITY, t.quantity());
        r.put(JOURNAL_TRADE.OPEN_QUANTITY, t.openQuantity());
        r.put(JOURNAL_TRADE.GROSS_PNL, t.grossPnl());
        r.put(JOURNAL_TRADE.FEES, t.fees());
        r.put(JOURNAL_TRADE.NET_PNL, t.netPnl());
        r.put(JOURNAL_TRADE.HOLDING_MICROS, t.holding() == null ? null : t.holding().dividedBy(ChronoUnit.MICROS.getDuration()));
        r.put(JOURNAL_TRADE.INITIAL_RISK, t.initialRisk());
        r.put(JOURNAL_TRADE.R_MULTIPLE, t.rMultiple());
        r.put(JOURNAL_TRADE.EXIT_REASON, t.exitReason() == null ? null : t.exitReason().name());
        r.put(JOURNAL_TRADE.REPLAY_FROM, replayFrom.getOrDefault(t.id(), t.id()));
        r.put(JOURNAL_TRADE.LAST_FILL_SEQ, t.fills().getLast().seq());
        r.put(JOURNAL_TRADE.TAGS, JooqJournalStore.tagsOf(DSL.val(t.id())));
        return r;
    }

    private static Map<Field<?>, Object> fillRow(long tradeId, TradeFill f) {
        var j = JOURNAL_TRADE_FILL;
        Map<Field<?>, Object> r = new HashMap<>();
        r.put(j.TRADE_ID, tradeId);
        r.put(j.FILL_SEQ, f.seq());
        r.put(j.ORDER_ID, f.orderId());
        r.put(j.CLIENT_ORDER_ID, f.clientOrderId());
        r.put(j.FILLED_AT, f.time());
        r.put(j.SIDE, f.side());
        r.put(j.ROLE, f.role().name());
        r.put(j.QUANTITY, f.quantity());
        r.put(j.PRICE, f.price());
        r.put(j.COMMISSION, f.commission());
        r.put(j.PROTECTIVE_STOP, f.protectiveStop());
        r.put(j.ORDER_TYPE, f.orderType());
        r.put(j.STRATEGY, f.strategy());
        return r;
    }

    /** The trade's date for filters: exit date when closed, entry date while open (market zone). */
    LocalDate dayOf(Trade t) {
        return (t.status() == TradeStatus.CLOSED ? t.exitTime() : t.entryTime()).atZone(zone).toLocalDate();
    }

    /** The SQL form of {@link TradeFilter#matches}. */
    static Condition where(TradeFilter f) {
        Condition c = DSL.noCondition();
        if (f.from() != null) c = c.and(JOURNAL_TRADE.TRADE_DAY.ge(f.from()));
        if (f.to() != null) c = c.and(JOURNAL_TRADE.TRADE_DAY.le(f.to()));
        if (f.symbol() != null) c = c.and(JOURNAL_TRADE.SYMBOL.eq(f.symbol()));
        if (f.side() != null) c = c.and(JOURNAL_TRADE.SIDE.eq(f.side().name()));
        if (f.strategy() != null) c = c.and(JOURNAL_TRADE.STRATEGY.eq(f.strategy()));
        if (f.outcome() != null) c = c.and(JOURNAL_TRADE.OUTCOME.eq(f.outcome().name()));
        if (f.tag() != null) c = c.and(JOURNAL_TRADE.TAGS.contains(new String[]{f.tag()}));
        if (f.mode() != null) c = c.and(JOURNAL_TRADE.MODE.eq(f.mode().name()));
        if (f.exitReason() != null) c = c.and(JOURNAL_TRADE.EXIT_REASON.eq(f.exitReason().name()));
        return c;
    }

    /** The SQL form of {@link TradeSort#comparator}: the column (nulls last either way), then the trade id. */
    static List<SortField<?>> orderBy(TradeSort sort, boolean descending) {
        Field<?> column = sortColumn(sort);
        return descending ? List.of(column.desc().nullsLast(), JOURNAL_TRADE.TRADE_ID.desc())
                : List.of(column.asc().nullsLast(), JOURNAL_TRADE.TRADE_ID.asc());
    }

    /** The column {@code sort} orders by (symbol and strategy in the {@code C} collation: Java's String order). */
    private static Field<?> sortColumn(TradeSort sort) {
        return switch (sort) {
            case ENTRY_TIME -> JOURNAL_TRADE.ENTRY_TIME;
            case EXIT_TIME -> JOURNAL_TRADE.EXIT_TIME;
            case SYMBOL -> JOURNAL_TRADE.SYMBOL.collate("C"); // Java's String order
            case STRATEGY -> JOURNAL_TRADE.STRATEGY.collate("C");
            case QUANTITY -> JOURNAL_TRADE.QUANTITY;
            case NET_PNL -> JOURNAL_TRADE.NET_PNL;
            case R_MULTIPLE -> JOURNAL_TRADE.R_MULTIPLE;
            case HOLDING -> JOURNAL_TRADE.HOLDING_MICROS;
        };
    }

    /** The sort columns that may be null (open trades have no exit time, holding; trades without a stop no R). */
    private static boolean nullable(TradeSort sort) {
        return sort == TradeSort.EXIT_TIME || sort == TradeSort.R_MULTIPLE || sort == TradeSort.HOLDING;
    }

    /**
     * Keyset paging: the first {@code limit} trades passing {@code filter} that come after trade {@code afterId} in the
     * order of {@link #orderBy} (column nulls last, then trade id), with their fills; empty when that trade is gone. Each
     * statement starts its index range at the anchor instead of skipping rows: {@code (column, trade_id) > (v, id)} (or
     * {@code <} descending) over the non-null values, then, when the page is not full and the column may be null, the
     * null rows by id; an anchor with a null value continues among the null rows.
     */
    List<Trade> tradesAfter(TradeFilter filter, TradeSort sort, boolean descending, long afterId, int limit) {
        @SuppressWarnings("unchecked")
        Field<Object> column = (Field<Object>) sortColumn(sort);
        Record anchor = db.select(column.as("v")).from(JOURNAL_TRADE).where(JOURNAL_TRADE.TRADE_ID.eq(afterId)).fetchOne();
        if (anchor == null) return null;
        Object value = anchor.get(0);
        Condition where = where(filter);
        List<JournalTradeRecord> rows = new ArrayList<>(limit);
        if (value != null) {
            var after = DSL.row(column, JOURNAL_TRADE.TRADE_ID);
            Condition past = descending ? after.lt(DSL.val(value, column), DSL.val(afterId)) : after.gt(DSL.val(value, column), DSL.val(afterId));
            rows.addAll(db.selectFrom(JOURNAL_TRADE).where(where).and(column.isNotNull()).and(past)
                    .orderBy(orderBy(sort, descending)).limit(limit).fetch());
        }
        if (rows.size() < limit && nullable(sort)) {
            Condition nulls = column.isNull();
            if (value == null) nulls = nulls.and(descending ? JOURNAL_TRADE.TRADE_ID.lt(afterId) : JOURNAL_TRADE.TRADE_ID.gt(afterId));
            rows.addAll(db.selectFrom(JOURNAL_TRADE).where(where).and(nulls)
                    .orderBy(descending ? JOURNAL_TRADE.TRADE_ID.desc() : JOURNAL_TRADE.TRADE_ID.asc()).limit(limit - rows.size()).fetch());
        }
        Map<Long, List<TradeFill>> fills = rows.isEmpty() ? Map.of()
                : fills(JOURNAL_TRADE_FILL.TRADE_ID.in(rows.stream().map(JournalTradeRecord::getTradeId).toList()));
        List<Trade> trades = new ArrayList<>(rows.size());
        for (JournalTradeRecord r : rows) trades.add(trade(r, fills.getOrDefault(r.getTradeId(), List.of())));
        return trades;
    }

    /**
     * How many trades pass {@code filter}: the closed ones from the per-day summary when it {@link JooqDaySummary#covers
     * covers} the filter (plus the open ones, a few rows of {@code journal_trade_open_idx}), else a count over the trades.
     */
    int count(TradeFilter filter) {
        if (JooqDaySummary.covers(filter)) return summary.closedCount(filter) + openCount(filter);
        return db.fetchCount(JOURNAL_TRADE, where(filter));
    }

    private int openCount(TradeFilter filter) {
        return db.fetchCount(JOURNAL_TRADE, where(filter).and(JOURNAL_TRADE.STATUS.eq(TradeStatus.OPEN.name())));
    }

    /**
     * The trades passing {@code filter} in the given order, from {@code offset}, at most {@code limit} (no limit: -1),
     * with their fills when {@code withFills}.
     */
    List<Trade> trades(TradeFilter filter, TradeSort sort, boolean descending, int offset, int limit, boolean withFills) {
        Condition where = where(filter);
        var query = db.selectFrom(JOURNAL_TRADE).where(where).orderBy(orderBy(sort, descending));
        List<JournalTradeRecord> rows = limit < 0 ? query.offset(offset).fetch() : query.offset(offset).limit(limit).fetch();
        Map<Long, List<TradeFill>> fills = Map.of();
        if (withFills && !rows.isEmpty()) {
            // a page names its trades; every trade of a filter (an export) is a semi-join on the same filter
            fills = fills(limit < 0 ? JOURNAL_TRADE_FILL.TRADE_ID.in(db.select(JOURNAL_TRADE.TRADE_ID).from(JOURNAL_TRADE).where(where))
                    : JOURNAL_TRADE_FILL.TRADE_ID.in(rows.stream().map(JournalTradeRecord::getTradeId).toList()));
        }
        List<Trade> trades = new ArrayList<>(rows.size());
        for (JournalTradeRecord r : rows) trades.add(trade(r, fills.getOrDefault(r.getTradeId(), List.of())));
        return trades;
    }

    /** One trade with its fills and tags, or null. */
    Trade trade(long id) {
        JournalTradeRecord r = db.selectFrom(JOURNAL_TRADE).where(JOURNAL_TRADE.TRADE_ID.eq(id)).fetchOne();
        return r == null ? null : trade(r, fills(JOURNAL_TRADE_FILL.TRADE_ID.eq(id)).getOrDefault(id, List.of()));
    }

    boolean exists(long id) {
        return db.fetchExists(JOURNAL_TRADE, JOURNAL_TRADE.TRADE_ID.eq(id));
    }

    /** The fills of the trades {@code which} selects, per trade in ledger order. */
    private Map<Long, List<TradeFill>> fills(Condition which) {
        Map<Long, List<TradeFill>> fills = new HashMap<>();
        var f = JOURNAL_TRADE_FILL;
        db.selectFrom(f).where(which).orderBy(f.TRADE_ID, f.FILL_SEQ).forEach(r ->
                fills.computeIfAbsent(r.getTradeId(), k -> new ArrayList<>()).add(new TradeFill(r.getFillSeq(), r.getOrderId(),
                        r.getClientOrderId(), r.getFilledAt(), r.getSide(), TradeFill.Role.valueOf(r.getRole()), r.getQuantity(),
                        r.getPrice(), r.getCommission(), r.getProtectiveStop(), r.getOrderType(), r.getStrategy())));
        return fills;
    }

    private static Trade trade(JournalTradeRecord r, List<TradeFill> fills) {
        return new Trade(r.getTradeId(), r.getSymbol(), TradeSide.valueOf(r.getSide()), r.getStrategy(),
                TradingMode.valueOf(r.getMode()), TradeStatus.valueOf(r.getStatus()), r.getEntryTime(), r.getEntryPrice(),
                r.getExitTime(), r.getExitPrice(), r.getQuantity(), r.getOpenQuantity(), r.getGrossPnl(), r.getFees(),
                r.getNetPnl(), r.getHoldingMicros() == null ? null : Duration.of(r.getHoldingMicros(), ChronoUnit.MICROS),
                r.getInitialRisk(), r.getRMultiple(), r.getExitReason() == null ? null : ExitReason.valueOf(r.getExitReason()),
                null, null, List.of(r.getTags()), null, fills);
    }

    /**
     * {@link TradeStatistics} of the trades passing {@code filter}, by the rules of {@link TradeStatistics#of(List,
     * ZoneId)}: from the per-day summary when it {@link JooqDaySummary#covers covers} the filter (no tag, at most one of
     * symbol, strategy, side, mode), else aggregated over the trades: sums, counts and extremes per exit day
     * in one grouped statement (that
     * PostgreSQL may run in parallel), added up over the days in Java; streaks and drawdown in one ordered pass over the
     * closed trades (exit time, trade id: an index-only scan of {@code journal_trade_exit_stats_idx} without a filter).
     * Only the ratios, Sharpe and Sortino are derived in Java ({@link TradeStatistics#of(int, int, int, int,
     * BigDecimal, BigDecimal, BigDecimal, int, BigDecimal, BigDecimal, BigDecimal, int, int, BigDecimal, List)}).
     */
    TradeStatistics statistics(TradeFilter filter) {
        if (JooqDaySummary.covers(filter)) return summary.statistics(filter, openCount(filter));
        return statisticsOverTrades(filter);
    }

    /** {@link #statistics} aggregated over {@code journal_trade} whatever the filter (the summary's oracle in tests). */
    TradeStatistics statisticsOverTrades(TradeFilter filter) {
        int open = openCount(filter);
        Condition closed = where(filter).and(CLOSED);
        int n = 0, wins = 0, losses = 0, rTrades = 0;
        BigDecimal profit = BigDecimal.ZERO, loss = BigDecimal.ZERO, fees = BigDecimal.ZERO, rSum = BigDecimal.ZERO;
        BigDecimal largestWin = null, largestLoss = null;
        List<DailyPnl> days = new ArrayList<>();
        for (Record d : db.resultQuery(DAYS, closed).fetch()) {
            int count = d.get("n", Integer.class);
            days.add(new DailyPnl(d.get("trade_day", LocalDate.class), count, d.get("net", BigDecimal.class)));
            n += count;
            wins += d.get("wins", Integer.class);
            losses += d.get("losses", Integer.class);
            profit = profit.add(d.get("profit", BigDecimal.class));
            loss = loss.add(d.get("loss", BigDecimal.class));
            fees = fees.add(d.get("fees", BigDecimal.class));
            rTrades += d.get("r_trades", Integer.class);
            rSum = rSum.add(d.get("r_sum", BigDecimal.class));
            BigDecimal win = d.get("largest_win", BigDecimal.class), lost = d.get("largest_loss", BigDecimal.class);
            if (win != null && (largestWin == null || win.compareTo(largestWin) > 0)) largestWin = win;
            if (lost != null && (largestLoss == null || lost.compareTo(largestLoss) < 0)) largestLoss = lost;
        }
        int winRun = 0, lossRun = 0;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        if (n > 0) {
            Record r = db.resultQuery(RUNS, closed).fetchSingle();
            winRun = r.get("win_run") == null ? 0 : r.get("win_run", Integer.class);
            lossRun = r.get("loss_run") == null ? 0 : r.get("loss_run", Integer.class);
            BigDecimal drawdown = r.get("drawdown", BigDecimal.class);
            if (drawdown != null && drawdown.signum() > 0) maxDrawdown = drawdown;
        }
        return TradeStatistics.of(n, open, wins, losses, profit, loss, fees, rTrades, rSum, largestWin, largestLoss,
                winRun, lossRun, maxDrawdown, days);
    }

    /**
     * {@link TradeBreakdown} of the trades passing {@code filter}, grouped in PostgreSQL: from the per-day summary for a
     * filter of dates only, or of dates and one strategy, symbol, side or mode ({@link JooqDaySummary#coversBreakdown} and
     * its kin), else one grouped statement over the filter's
     * closed trades, each counted once per group it falls in.
     */
    TradeBreakdown breakdown(TradeFilter filter) {
        if (JooqDaySummary.coversBreakdown(filter)) return summary.breakdown(filter);
        if (JooqDaySummary.coversStrategyBreakdown(filter)) return summary.strategyBreakdown(filter);
        if (JooqDaySummary.coversCriterionBreakdown(filter)) return summary.criterionBreakdown(filter);
        return breakdownOverTrades(filter);
    }

    /** {@link #breakdown} aggregated over {@code journal_trade} whatever the filter (the fallback; tests and benchmarks compare). */
    TradeBreakdown breakdownOverTrades(TradeFilter filter) {
        return breakdown(db.resultQuery(BREAKDOWN, where(filter), DSL.val(zone.getId()), DSL.inline(TradeBreakdown.NO_TAG)).fetch());
    }

    /**
     * The breakdown from grouped rows ({@code dim, key, trades, net, no_stop}; dims SYMBOL, STRATEGY, TAG, WEEKDAY
     * (ISO day 1..7), HOUR (00..23), RBIN (floor(R / 0.5)), EXIT (exit reason); the WEEKDAY rows' {@code no_stop} add up to the trades
     * without an R).
     */
    static TradeBreakdown breakdown(List<? extends Record> rows) {
        Map<String, TradeBreakdown.Bucket> symbols = new HashMap<>(), strategies = new HashMap<>(), tags = new HashMap<>(),
                exits = new HashMap<>();
        Map<DayOfWeek, TradeBreakdown.Bucket> weekdays = new HashMap<>();
        Map<Integer, TradeBreakdown.Bucket> hours = new HashMap<>();
        Map<Long, TradeBreakdown.Bucket> bins = new HashMap<>();
        int noStop = 0;
        for (Record r : rows) {
            String key = r.get("key", String.class);
            var bucket = new TradeBreakdown.Bucket(key, r.get("trades", Integer.class), r.get("net", BigDecimal.class));
            switch (r.get("dim", String.class)) {
                case "SYMBOL" -> symbols.put(key, bucket);
                case "STRATEGY" -> strategies.put(key, bucket);
                case "TAG" -> tags.put(key, bucket);
                case "EXIT" -> exits.put(key, bucket);
                case "WEEKDAY" -> {
                    weekdays.put(DayOfWeek.of(Integer.parseInt(key)), bucket);
                    noStop += r.get("no_stop", Integer.class);
                }
                case "HOUR" -> hours.put(Integer.parseInt(key), bucket);
                case "RBIN" -> bins.put(Long.parseLong(key), bucket);
                default -> throw new IllegalStateException("unknown group " + r.get("dim"));
            }
        }
        return TradeBreakdown.of(symbols, strategies, tags, weekdays, hours, bins, noStop).withExitReasons(exits);
    }

    /**
     * The closed trades of the filter ({@code {0}}) grouped by symbol, strategy, weekday, hour ({@code {1}}: the market
     * zone), R bin and tag ({@code {2}}: the untagged label) in one pass: each trade is a row per tag (with ordinality;
     * one row when untagged) and the grouping sets count the tag rows for TAG and only a trade's first row for the rest.
     */
    private static final String BREAKDOWN = """
            select case when grouping(symbol) = 0 then 'SYMBOL' when grouping(strategy) = 0 then 'STRATEGY'
                        when grouping(dow) = 0 then 'WEEKDAY' when grouping(hour) = 0 then 'HOUR'
                        when grouping(rbin) = 0 then 'RBIN' when grouping(exit) = 0 then 'EXIT' else 'TAG' end as dim,
                   coalesce(symbol, strategy, dow, hour, rbin, exit, tag) as key,
                   (case when grouping(tag) = 0 then count(*) else count(*) filter (where ord = 1) end)::int as trades,
                   case when grouping(tag) = 0 then sum(net) else sum(net) filter (where ord = 1) end as net,
                   (count(*) filter (where ord = 1 and r is null))::int as no_stop
            from (select journal_trade.symbol, journal_trade.strategy, extract(isodow from journal_trade.trade_day)::int::text as dow,
                         extract(hour from journal_trade.exit_time at time zone {1})::int::text as hour,
                         floor(journal_trade.r_multiple * 2)::bigint::text as rbin, journal_trade.net_pnl as net,
                         journal_trade.r_multiple as r, journal_trade.exit_reason as exit, g.tag, g.ord
                  from journal_trade
                  cross join lateral unnest(case when cardinality(journal_trade.tags) = 0
                      then array[{2}]::varchar(40)[] else journal_trade.tags end) with ordinality g(tag, ord)
                  where journal_trade.status = 'CLOSED' and {0}) x
            group by grouping sets ((symbol), (strategy), (dow), (hour), (rbin), (exit), (tag))
            having not (grouping(rbin) = 0 and rbin is null) and not (grouping(exit) = 0 and exit is null)""";

    /** The closed trades' sums, counts and extremes per exit day; {@code {0}}: the filter. */
    private static final String DAYS = """
            select trade_day, count(*) as n, sum(net_pnl) as net,
                   count(*) filter (where net_pnl > 0) as wins, count(*) filter (where net_pnl < 0) as losses,
                   coalesce(sum(net_pnl) filter (where net_pnl > 0), 0) as profit,
                   coalesce(sum(net_pnl) filter (where net_pnl < 0), 0) as loss, sum(fees) as fees,
                   count(r_multiple) as r_trades, coalesce(sum(r_multiple), 0) as r_sum,
                   max(net_pnl) filter (where net_pnl > 0) as largest_win, min(net_pnl) filter (where net_pnl < 0) as largest_loss
            from journal_trade where {0}
            group by trade_day order by trade_day""";

    /**
     * The longest streaks and the max drawdown in exit order; {@code {0}}: the filter. A win streak at a win is its
     * position minus that of the last trade that was not a win (0 before the first), likewise for losses; a
     * break-even trade ends both. The drawdown at a trade is the running peak of cumulative net P&amp;L (at least 0)
     * minus the cumulative net P&amp;L.
     */
    private static final String RUNS = """
            select max(rn - coalesce(last_non_win, 0)) filter (where net > 0) as win_run,
                   max(rn - coalesce(last_non_loss, 0)) filter (where net < 0) as loss_run,
                   max(greatest(peak, 0) - cum) as drawdown
            from (select net, rn, cum, max(cum) over v as peak,
                         max(case when net <= 0 then rn end) over v as last_non_win,
                         max(case when net >= 0 then rn end) over v as last_non_loss
                  from (select exit_time, trade_id, net_pnl as net, count(*) over w as rn, sum(net_pnl) over w as cum
                        from journal_trade where {0}
                        window w as (order by exit_time, trade_id rows unbounded preceding)) x
                  window v as (order by exit_time, trade_id rows unbounded preceding)) y""";
}
