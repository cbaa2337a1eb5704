package io.tradepilot.journal.internal;

import io.tradepilot.journal.DailyPnl;
import io.tradepilot.journal.Outcome;
import io.tradepilot.journal.TradeBreakdown;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeStatistics;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The per-day summary of the closed trades ({@code journal_day}, {@code V140__journal_day.sql}): one row per exit day
 * and group (a dimension and its value: ALL, STRATEGY, SYMBOL, SIDE, MODE, HOUR, RBIN, EXIT, TAG) with the day's sums,
 * counts, extremes, and the streak and running-sum figures that chain days in exit order. Rows are always derived
 * from {@code journal_trade} by one statement ({@link #refresh}: delete the days, recompute them), so a refresh is
 * idempotent and {@link #rebuild} gives the same rows. Writes run in the caller's transaction, which must hold the
 * {@code journal_state} row lock (one summary writer at a time).
 *
 * <p>{@link #statistics} answers a filter that has at most one of symbol, strategy, side, mode and exit reason, any outcome, and no
 * tag ({@link #covers}); {@link #breakdown} a filter of dates only ({@link #coversBreakdown}), {@link #strategyBreakdown}
 * one strategy and dates, {@link #criterionBreakdown} one symbol, side or mode and dates. Other filters are
 * answered over {@code journal_trade} by {@link JooqTradeTable}.
 */
class JooqDaySummary {

    /** The label of an untagged trade's TAG group (the breakdown's). */
    static final String NO_TAG = TradeBreakdown.NO_TAG;

    private static final Field<LocalDate> DAY = DSL.field(DSL.name("trade_day"), LocalDate.class);

    private final DSLContext db;
    private final ZoneId zone;

    JooqDaySummary(DSLContext db, ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    /** Whether {@link #statistics} answers {@code f}: no tag, at most one of symbol, strategy, side, mode, exit reason (any outcome). */
    static boolean covers(TradeFilter f) {
        if (f.tag() != null) return false;
        int criteria = (f.symbol() != null ? 1 : 0) + (f.strategy() != null ? 1 : 0) + (f.side() != null ? 1 : 0)
                + (f.mode() != null ? 1 : 0) + (f.exitReason() != null ? 1 : 0);
        return criteria <= 1;
    }

    /** Whether {@link #strategyBreakdown} answers {@code f}: one strategy and dates, nothing else. */
    static boolean coversStrategyBreakdown(TradeFilter f) {
        return f.strategy() != null && f.symbol() == null && f.side() == null && f.mode() == null && f.outcome() == null
                && f.tag() == null && f.exitReason() == null;
    }

    /** Whether {@link #criterionBreakdown} answers {@code f}: exactly one of symbol, side and mode, and dates, nothing else. */
    static boolean coversCriterionBreakdown(TradeFilter f) {
        int criteria = (f.symbol() != null ? 1 : 0) + (f.side() != null ? 1 : 0) + (f.mode() != null ? 1 : 0);
        return criteria == 1 && f.strategy() == null && f.outcome() == null && f.tag() == null && f.exitReason() == null;
    }

    /** Whether {@link #breakdown} answers {@code f}: dates only. */
    static boolean coversBreakdown(TradeFilter f) {
        return f.symbol() == null && f.strategy() == null && f.side() == null && f.mode() == null && f.outcome() == null
                && f.tag() == null && f.exitReason() == null;
    }

    /** Recomputes the rows of {@code days} from {@code journal_trade} (none left for a day without closed trades). */
    void refresh(Collection<LocalDate> days) {
        if (days.isEmpty()) return;
        Condition which = DAY.in(days);
        db.deleteFrom(DSL.table(DSL.name("journal_day"))).where(which).execute();
        db.deleteFrom(DSL.table(DSL.name("journal_day_cross"))).where(which).execute();
        db.deleteFrom(DSL.table(DSL.name("journal_day_by"))).where(which).execute();
        db.execute(INSERT, which, DSL.val(zone.getId()), DSL.inline(NO_TAG));
        db.execute(INSERT_CROSS, which, DSL.val(zone.getId()), DSL.inline(NO_TAG));
        db.execute(INSERT_BY, which, DSL.val(zone.getId()), DSL.inline(NO_TAG));
    }

    /** Recomputes every row from {@code journal_trade}, a month of exit days per statement. */
    void rebuild() {
        clear();
        Record range = db.resultQuery("select min(trade_day) as first, max(trade_day) as last from journal_trade where status = 'CLOSED'")
                .fetchSingle();
        LocalDate first = range.get("first", LocalDate.class), last = range.get("last", LocalDate.class);
        if (first == null) return;
        for (LocalDate from = first; !from.isAfter(last); from = from.plusMonths(1)) {
            Condition month = DAY.between(from, from.plusMonths(1).minusDays(1));
            db.execute(INSERT, month, DSL.val(zone.getId()), DSL.inline(NO_TAG));
            db.execute(INSERT_CROSS, month, DSL.val(zone.getId()), DSL.inline(NO_TAG));
            db.execute(INSERT_BY, month, DSL.val(zone.getId()), DSL.inline(NO_TAG));
        }
    }

    /** Empties the summary (with the trades: the ledger was reset). */
    void clear() {
        db.deleteFrom(DSL.table(DSL.name("journal_day"))).execute();
        db.deleteFrom(DSL.table(DSL.name("journal_day_cross"))).execute();
        db.deleteFrom(DSL.table(DSL.name("journal_day_by"))).execute();
    }

    /** The group a {@link #covers covered} filter reads: its one criterion, or ALL. */
    private static Condition group(TradeFilter f) {
        String dim = "ALL", key = "";
        if (f.symbol() != null) { dim = "SYMBOL"; key = f.symbol(); }
        if (f.strategy() != null) { dim = "STRATEGY"; key = f.strategy(); }
        if (f.side() != null) { dim = "SIDE"; key = f.side().name(); }
        if (f.mode() != null) { dim = "MODE"; key = f.mode().name(); }
        if (f.exitReason() != null) { dim = "EXIT"; key = f.exitReason().name(); }
        return DSL.field(DSL.name("dim"), String.class).eq(dim).and(DSL.field(DSL.name("key"), String.class).eq(key));
    }

    private static Condition days(TradeFilter f) {
        Condition c = DSL.noCondition();
        if (f.from() != null) c = c.and(DAY.ge(f.from()));
        if (f.to() != null) c = c.and(DAY.le(f.to()));
        return c;
    }

    /** How many closed trades pass a {@link #covers covered} filter. */
    int closedCount(TradeFilter f) {
        if (f.outcome() == Outcome.OPEN) return 0;
        String count = f.outcome() == null ? "trades" : switch (f.outcome()) {
            case WIN -> "wins";
            case LOSS -> "losses";
            default -> "trades - wins - losses";
        };
        Integer n = db.resultQuery("select sum(" + count + ")::int from journal_day where {0}", group(f).and(days(f))).fetchOne(0, Integer.class);
        return n == null ? 0 : n;
    }

    /**
     * One summary row as the figures of the trades of {@code outcome} (null: all) that day: the wins alone are a run of
     * wins rising from the day's start (no drawdown, highest running sum = their sum), the losses a run of losses
     * falling to their sum (the day's drawdown), break-even trades a run of neither at 0.
     */
    private record Day(LocalDate day, int count, int wins, int losses, BigDecimal profit, BigDecimal loss, BigDecimal fees,
                       int rTrades, BigDecimal rSum, BigDecimal largestWin, BigDecimal largestLoss, int winHead, int winTail,
                       int winMax, int lossHead, int lossTail, int lossMax, BigDecimal cumMin, BigDecimal cumMax,
                       BigDecimal drawdown) {

        static Day of(Record d, Outcome outcome) {
            LocalDate day = d.get("trade_day", LocalDate.class);
            int trades = d.get("trades", Integer.class), wins = d.get("wins", Integer.class), losses = d.get("losses", Integer.class);
            BigDecimal profit = d.get("profit", BigDecimal.class), loss = d.get("loss", BigDecimal.class);
            BigDecimal fees = d.get("fees", BigDecimal.class), winFees = d.get("win_fees", BigDecimal.class),
                    lossFees = d.get("loss_fees", BigDecimal.class);
            int rTrades = d.get("r_trades", Integer.class), winR = d.get("win_r_trades", Integer.class),
                    lossR = d.get("loss_r_trades", Integer.class);
            BigDecimal rSum = d.get("r_sum", BigDecimal.class), winRSum = d.get("win_r_sum", BigDecimal.class),
                    lossRSum = d.get("loss_r_sum", BigDecimal.class);
            BigDecimal zero = BigDecimal.ZERO;
            if (outcome == null) {
                return new Day(day, trades, wins, losses, profit, loss, fees, rTrades, rSum, d.get("largest_win", BigDecimal.class),
                        d.get("largest_loss", BigDecimal.class), d.get("win_head", Integer.class), d.get("win_tail", Integer.class),
                        d.get("win_max", Integer.class), d.get("loss_head", Integer.class), d.get("loss_tail", Integer.class),
                        d.get("loss_max", Integer.class), d.get("cum_min", BigDecimal.class), d.get("cum_max", BigDecimal.class),
                        d.get("drawdown", BigDecimal.class));
            }
            return switch (outcome) {
                case WIN -> new Day(day, wins, wins, 0, profit, zero, winFees, winR, winRSum, d.get("largest_win", BigDecimal.class),
                        null, wins, wins, wins, 0, 0, 0, zero, profit, zero);
                case LOSS -> new Day(day, losses, 0, losses, zero, loss, lossFees, lossR, lossRSum, null,
                        d.get("largest_loss", BigDecimal.class), 0, 0, 0, losses, losses, losses, loss, zero, loss.negate());
                case BREAKEVEN -> new Day(day, trades - wins - losses, 0, 0, zero, zero, fees.subtract(winFees).subtract(lossFees),
                        rTrades - winR - lossR, rSum.subtract(winRSum).subtract(lossRSum), null, null, 0, 0, 0, 0, 0, 0, zero, zero, zero);
                case OPEN -> new Day(day, 0, 0, 0, zero, zero, zero, 0, zero, null, null, 0, 0, 0, 0, 0, 0, zero, zero, zero);
            };
        }
    }

    /**
     * The statistics of a {@link #covers covered} filter with {@code open} open trades: the group's days in order,
     * folded as {@link TradeStatistics#of(java.util.List, ZoneId)} folds the trades. A day's streaks continue the
     * previous day's when the day is all wins (losses); the drawdown inside a day starting at cumulative {@code c} under
     * the running peak {@code p} is the larger of the day's own drawdown and {@code p - c - cum_min}.
     */
    TradeStatistics statistics(TradeFilter f, int open) {
        int n = 0, wins = 0, losses = 0, rTrades = 0;
        int winRun = 0, lossRun = 0, maxWinRun = 0, maxLossRun = 0;
        BigDecimal profit = BigDecimal.ZERO, loss = BigDecimal.ZERO, fees = BigDecimal.ZERO, rSum = BigDecimal.ZERO;
        BigDecimal largestWin = null, largestLoss = null;
        BigDecimal cumulative = BigDecimal.ZERO, peak = BigDecimal.ZERO, maxDrawdown = BigDecimal.ZERO;
        List<DailyPnl> daily = new ArrayList<>();
        for (Record row : db.resultQuery("select * from journal_day where {0} order by trade_day", group(f).and(days(f))).fetch()) {
            Day d = Day.of(row, f.outcome());
            if (d.count() == 0) continue; // no trade of the outcome that day
            BigDecimal net = d.profit().add(d.loss());
            daily.add(new DailyPnl(d.day(), d.count(), net));
            n += d.count();
            wins += d.wins();
            losses += d.losses();
            profit = profit.add(d.profit());
            loss = loss.add(d.loss());
            fees = fees.add(d.fees());
            rTrades += d.rTrades();
            rSum = rSum.add(d.rSum());
            if (d.largestWin() != null && (largestWin == null || d.largestWin().compareTo(largestWin) > 0)) largestWin = d.largestWin();
            if (d.largestLoss() != null && (largestLoss == null || d.largestLoss().compareTo(largestLoss) < 0)) largestLoss = d.largestLoss();

            int[] w = chain(winRun, maxWinRun, d.count(), d.winHead(), d.winTail(), d.winMax());
            winRun = w[0];
            maxWinRun = w[1];
            int[] l = chain(lossRun, maxLossRun, d.count(), d.lossHead(), d.lossTail(), d.lossMax());
            lossRun = l[0];
            maxLossRun = l[1];

            BigDecimal below = peak.subtract(cumulative).subtract(d.cumMin());
            BigDecimal dd = below.max(d.drawdown());
            if (dd.compareTo(maxDrawdown) > 0) maxDrawdown = dd;
            peak = peak.max(cumulative.add(d.cumMax()));
            cumulative = cumulative.add(net);
        }
        return TradeStatistics.of(n, open, wins, losses, profit, loss, fees, rTrades, rSum, largestWin, largestLoss,
                maxWinRun, maxLossRun, maxDrawdown, daily);
    }

    /** A streak carried into a day of {@code count} trades: the run after the day and the longest so far. */
    private static int[] chain(int run, int longest, int count, int head, int tail, int inside) {
        if (head == count) {
            run += count;
            return new int[] {run, Math.max(longest, run)};
        }
        return new int[] {tail, Math.max(longest, Math.max(run + head, inside))};
    }

    /** The breakdown of a filter of {@link #coversBreakdown dates only}, from the summary's groups. */
    TradeBreakdown breakdown(TradeFilter f) {
        return JooqTradeTable.breakdown(db.resultQuery("""
                select case when dim = 'ALL' then 'WEEKDAY' else dim end as dim,
                       case when dim = 'ALL' then extract(isodow from trade_day)::int::text else key end as key,
                       sum(trades)::int as trades, sum(profit) + sum(loss) as net, sum(trades - r_trades)::int as no_stop
                from journal_day where dim in ('ALL', 'SYMBOL', 'STRATEGY', 'HOUR', 'RBIN', 'EXIT', 'TAG') and {0}
                group by 1, 2""", days(f)).fetch());
    }

    /**
     * The breakdown of a filter of {@link #coversStrategyBreakdown one strategy and dates}: the weekdays, the strategy's
     * own bucket and the trades without an R from its {@code STRATEGY} rows of {@code journal_day}, the other groups from
     * {@code journal_day_cross} (primary key range: strategy, then days).
     */
    TradeBreakdown strategyBreakdown(TradeFilter f) {
        return JooqTradeTable.breakdown(db.resultQuery("""
                select 'WEEKDAY' as dim, extract(isodow from trade_day)::int::text as key, sum(trades)::int as trades,
                       sum(profit) + sum(loss) as net, sum(trades - r_trades)::int as no_stop
                from journal_day where dim = 'STRATEGY' and key = {1} and {0} group by 2
                union all
                select 'STRATEGY', key, sum(trades)::int, sum(profit) + sum(loss), 0
                from journal_day where dim = 'STRATEGY' and key = {1} and {0} group by key
                union all
                select dim, key, sum(trades)::int, sum(net), 0 from journal_day_cross where strategy = {1} and {0} group by dim, key""",
                days(f), DSL.val(f.strategy())).fetch());
    }

    /**
     * The breakdown of a filter of {@link #coversCriterionBreakdown one symbol, side or mode and dates}: the weekdays and
     * the trades without an R from the criterion's rows of {@code journal_day} (and a symbol's own bucket), the other
     * groups from {@code journal_day_by} (primary key range: criterion, then days).
     */
    TradeBreakdown criterionBreakdown(TradeFilter f) {
        String dim = f.symbol() != null ? "SYMBOL" : f.side() != null ? "SIDE" : "MODE";
        String key = f.symbol() != null ? f.symbol() : f.side() != null ? f.side().name() : f.mode().name();
        String own = !dim.equals("SYMBOL") ? "" : """
                union all
                select 'SYMBOL', key, sum(trades)::int, sum(profit) + sum(loss), 0
                from journal_day where dim = 'SYMBOL' and key = {2} and {0} group by key
                """;
        return JooqTradeTable.breakdown(db.resultQuery("""
                select 'WEEKDAY' as dim, extract(isodow from trade_day)::int::text as key, sum(trades)::int as trades,
                       sum(profit) + sum(loss) as net, sum(trades - r_trades)::int as no_stop
                from journal_day where dim = {1} and key = {2} and {0} group by 2
                """ + own + """
                union all
                select dim, key, sum(trades)::int, sum(net), 0 from journal_day_by where by_dim = {1} and by_key = {2} and {0}
                group by dim, key""", days(f), DSL.val(dim), DSL.val(key)).fetch());
    }

    /**
     * The groups crossed with one symbol, side or mode ({@code journal_day_by}) of the closed trades that {@code {0}}
     * selects ({@code {1}}: the market zone, {@code {2}}: the untagged label): per criterion, day and breakdown group other
     * than the criterion's own dimension (symbol, strategy, exit hour, R bin, exit reason, each tag) the count and the net
     * P&amp;L. Plain sums, like {@link #INSERT_CROSS}.
     */
    private static final String INSERT_BY = """
            insert into journal_day_by (by_dim, by_key, trade_day, dim, key, trades, net)
            select b.dim, b.key, t.trade_day, g.dim, g.key, count(*), sum(t.net_pnl)
            from journal_trade t
            cross join lateral (values ('SYMBOL', t.symbol), ('SIDE', t.side), ('MODE', t.mode)) b(dim, key)
            cross join lateral (values ('SYMBOL', t.symbol), ('STRATEGY', t.strategy),
                                       ('HOUR', to_char(t.exit_time at time zone {1}, 'HH24')),
                                       ('RBIN', floor(t.r_multiple * 2)::bigint::text), ('EXIT', t.exit_reason)
                                union all
                                select 'TAG', tag from unnest(case when cardinality(t.tags) = 0
                                    then array[{2}]::varchar(40)[] else t.tags end) tag) g(dim, key)
            where t.status = 'CLOSED' and g.key is not null and g.dim <> b.dim and {0}
            group by b.dim, b.key, t.trade_day, g.dim, g.key""";

    /**
     * The strategy-crossed groups ({@code journal_day_cross}) of the closed trades that {@code {0}} selects ({@code {1}}:
     * the market zone, {@code {2}}: the untagged label): per strategy, day and group (symbol, exit hour, R bin, exit reason,
     * each tag) the count and the net P&amp;L. Plain sums: no order within the day matters.
     */
    private static final String INSERT_CROSS = """
            insert into journal_day_cross (strategy, trade_day, dim, key, trades, net)
            select t.strategy, t.trade_day, g.dim, g.key, count(*), sum(t.net_pnl)
            from journal_trade t
            cross join lateral (values ('SYMBOL', t.symbol), ('HOUR', to_char(t.exit_time at time zone {1}, 'HH24')),
                                       ('RBIN', floor(t.r_multiple * 2)::bigint::text), ('EXIT', t.exit_reason)
                                union all
                                select 'TAG', tag from unnest(case when cardinality(t.tags) = 0
                                    then array[{2}]::varchar(40)[] else t.tags end) tag) g(dim, key)
            where t.status = 'CLOSED' and g.key is not null and {0}
            group by t.strategy, t.trade_day, g.dim, g.key""";

    /**
     * Recomputes the groups of the closed trades that {@code {0}} selects ({@code {1}}: the market zone, {@code {2}}:
     * the untagged label): each trade in each of its groups, numbered in exit order (exit time, trade id) within its
     * group and day, with its running net sum; then the running peak and the positions of the last non-win and
     * non-loss; then per group and day the counts, sums, extremes, head/tail/longest runs and drawdown.
     */
    private static final String INSERT = """
            insert into journal_day (dim, key, trade_day, trades, wins, losses, profit, loss, fees, r_trades, r_sum,
                largest_win, largest_loss, win_head, win_tail, win_max, loss_head, loss_tail, loss_max, cum_min, cum_max, drawdown,
                win_fees, loss_fees, win_r_trades, win_r_sum, loss_r_trades, loss_r_sum)
            select dim, key, trade_day, count(*), count(*) filter (where net > 0), count(*) filter (where net < 0),
                   coalesce(sum(net) filter (where net > 0), 0), coalesce(sum(net) filter (where net < 0), 0), sum(fees),
                   count(r), coalesce(sum(r), 0), max(net) filter (where net > 0), min(net) filter (where net < 0),
                   coalesce(min(rn) filter (where net <= 0) - 1, count(*)), count(*) - coalesce(max(rn) filter (where net <= 0), 0),
                   coalesce(max(rn - coalesce(last_non_win, 0)) filter (where net > 0), 0),
                   coalesce(min(rn) filter (where net >= 0) - 1, count(*)), count(*) - coalesce(max(rn) filter (where net >= 0), 0),
                   coalesce(max(rn - coalesce(last_non_loss, 0)) filter (where net < 0), 0),
                   min(cum), max(cum), max(greatest(peak, 0) - cum),
                   coalesce(sum(fees) filter (where net > 0), 0), coalesce(sum(fees) filter (where net < 0), 0),
                   count(r) filter (where net > 0), coalesce(sum(r) filter (where net > 0), 0),
                   count(r) filter (where net < 0), coalesce(sum(r) filter (where net < 0), 0)
            from (select x.*, max(cum) over w as peak,
                         max(case when net <= 0 then rn end) over w as last_non_win,
                         max(case when net >= 0 then rn end) over w as last_non_loss
                  from (select g.dim, g.key, t.trade_day, t.exit_time, t.trade_id, t.net_pnl as net, t.fees, t.r_multiple as r,
                               row_number() over p as rn, sum(t.net_pnl) over p as cum
                        from journal_trade t
                        cross join lateral (values ('ALL', ''), ('STRATEGY', t.strategy), ('SYMBOL', t.symbol), ('SIDE', t.side),
                                                   ('MODE', t.mode), ('HOUR', to_char(t.exit_time at time zone {1}, 'HH24')),
                                                   ('RBIN', floor(t.r_multiple * 2)::bigint::text), ('EXIT', t.exit_reason)
                                            union all
                                            select 'TAG', tag from unnest(case when cardinality(t.tags) = 0
                                                then array[{2}]::varchar(40)[] else t.tags end) tag) g(dim, key)
                        where t.status = 'CLOSED' and g.key is not null and {0}
                        window p as (partition by g.dim, g.key, t.trade_day order by t.exit_time, t.trade_id
                                     rows unbounded preceding)) x
                  window w as (partition by dim, key, trade_day order by exit_time, trade_id rows unbounded preceding)) y
            group by dim, key, trade_day""";
}
