package io.tradepilot.journal.internal;

import io.tradepilot.infrastructure.EmbeddedPostgresServer;
import io.tradepilot.journal.Outcome;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradingMode;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.conf.ParamType;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/**
 * Measures the journal's storage (docs/journal.md, "Storage for a million trades") with 1,000,000 round trips and
 * their 2,000,000 fills in an embedded PostgreSQL it migrates ({@code db/migration}, so {@code V96__journal_trade.sql}
 * with its indexes) and seeds itself. The {@code impl} shapes go through the journal's own code
 * ({@link DefaultJournalQueries} over {@link JooqTradeTable}, each call preceded by the {@link JournalBook#sync()} that
 * finds nothing new): a page is the page, its fills, its notes and the filter's total; statistics are
 * {@link JooqTradeTable#statistics}. The other shapes are the raw SQL of the design's alternatives (a join to
 * {@code journal_tag}, statistics folded in Java). Each shape runs {@code runs} times with varying parameters after
 * three warm-up runs; prints p50/p95 per shape and, for the raw shapes, the EXPLAIN (ANALYZE, BUFFERS) of one run.
 * Not a test: speed is measured here, never asserted.
 *
 * <p>With {@code ledger} as the sixth argument the trades are seeded as the ledger's orders and fills instead and
 * materialized by the journal's own backfill ({@link JournalBook#sync()}, timed: trades/s), then 200 more trades are
 * written a fill at a time with a sync after each (the upkeep per trade). Either way the per-day summary is then
 * rebuilt from {@code journal_trade} (timed).
 *
 * <p>Run: {@code java -cp <test classpath> io.tradepilot.journal.internal.JournalStorageBench [trades=1000000] [runs=40]
 * [dataDir=/tmp/tradepilot-journal-bench] [port=0] [only the shapes whose name contains one of these |-separated words]
 * [ledger]}.
 */
public final class JournalStorageBench {

    private static final String[] TAGS = {"3WI success", "false breakout", "stopped out", "followed plan", "broke rules",
            "early exit", "late entry"};

    /** The statements the journal's code executes while not null (to explain them). */
    private static List<String> captured;

    private JournalStorageBench() {
    }

    public static void main(String[] args) throws Exception {
        int trades = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Path dir = Path.of(args.length > 2 ? args[2] : "/tmp/tradepilot-journal-bench");
        int port = args.length > 3 ? Integer.parseInt(args[3]) : 0; // 0: a free port
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dir, port, false);
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password())) {
            long t0 = System.nanoTime();
            Flyway.configure().dataSource(pg.jdbcUrl(), pg.username(), pg.password()).locations("classpath:db/migration")
                    .load().migrate();
            boolean viaLedger = args.length > 5 && args[5].equals("ledger");
            if (viaLedger) seedLedger(c, trades);
            else seed(c, trades);
            System.out.printf("seeded %,d trades, %,d fills, 10%% tagged, %s, in %.1f s%n", trades, 2L * trades,
                    viaLedger ? "in the ledger" : "in journal_trade", (System.nanoTime() - t0) / 1e9);
            Random random = new Random(42);
            DSLContext db = DSL.using(new DefaultConfiguration().set(c).set(SQLDialect.POSTGRES)
                    .set(new DefaultExecuteListenerProvider(new ExecuteListener() {
                        @Override
                        public void executeStart(ExecuteContext ctx) {
                            if (captured != null && ctx.query() != null) captured.add(ctx.query().getSQL(ParamType.INLINED));
                        }
                    })));
            ZoneId zone = ZoneId.of("Asia/Kolkata");
            JooqTradeTable table = new JooqTradeTable(db, zone);
            JooqJournalStore store = new JooqJournalStore(db);
            JournalBook book = new JournalBook(store, table, new TransactionTemplate(new DataSourceTransactionManager(
                    new SingleConnectionDataSource(c, true))), Currency.getInstance("INR"), TradingMode.PAPER);
            DefaultJournalQueries journal = new DefaultJournalQueries(book, table, store, () -> null, zone);
            if (viaLedger) {
                long b0 = System.nanoTime();
                book.sync(); // the backfill: every fill of the ledger through TradeBuilder into journal_trade and journal_day
                double seconds = (System.nanoTime() - b0) / 1e9;
                System.out.printf("backfill: %,d trades (%,d fills) in %.1f s: %,.0f trades/s, %,.0f fills/s%n", trades,
                        2L * trades, seconds, trades / seconds, 2 * trades / seconds);
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                }
                incremental(c, book, trades);
            }
            long r0 = System.nanoTime();
            if (viaLedger) {
                new TransactionTemplate(new DataSourceTransactionManager(new SingleConnectionDataSource(c, true))).executeWithoutResult(x -> {
                    table.lockState();
                    table.rebuildSummary();
                });
            } else {
                book.sync(); // after the table seed the state has no summary zone: the sync builds the summary
            }
            System.out.printf("summary rebuild from journal_trade (%,d trades): %.1f s; %,d rows, %,d crossed with a strategy, "
                    + "%,d with a symbol, side or mode%n", trades, (System.nanoTime() - r0) / 1e9, count(c, "journal_day"),
                    count(c, "journal_day_cross"), count(c, "journal_day_by"));
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            }
            LocalDate lastDay = lastDay(c);
            long[] entryAsc = anchors(c, "entry_time, trade_id"), exitDesc = anchors(c, "exit_time DESC NULLS LAST, trade_id DESC"),
                    rDesc = anchors(c, "r_multiple DESC NULLS LAST, trade_id DESC"), netAsc = anchors(c, "net_pnl, trade_id");
            List<Shape> shapes = List.of(
                    new Shape("impl keyset page: all, by entry time asc, after row 100,000..900,000", i -> call(() -> journal.tradesAfter(
                            TradeFilter.ALL, TradeSort.ENTRY_TIME, false, entryAsc[random.nextInt(entryAsc.length)], 50))),
                    new Shape("impl keyset page: all, by exit time desc, after row 100,000..900,000", i -> call(() -> journal.tradesAfter(
                            TradeFilter.ALL, TradeSort.EXIT_TIME, true, exitDesc[random.nextInt(exitDesc.length)], 50))),
                    new Shape("impl keyset page: all, by R desc, after row 100,000..900,000", i -> call(() -> journal.tradesAfter(
                            TradeFilter.ALL, TradeSort.R_MULTIPLE, true, rDesc[random.nextInt(rDesc.length)], 50))),
                    new Shape("impl keyset page: all, by net P&L asc, after row 100,000..900,000", i -> call(() -> journal.tradesAfter(
                            TradeFilter.ALL, TradeSort.NET_PNL, false, netAsc[random.nextInt(netAsc.length)], 50))),
                    new Shape("impl page: last 30 days, by exit time desc, first page", i -> call(() -> journal.trades(
                            filter(lastDay.minusDays(30), null, null, null, null), TradeSort.EXIT_TIME, true, 0, 50))),
                    new Shape("impl page: all, one symbol, by exit time desc, page 20", i -> call(() -> journal.trades(
                            filter(null, "SYM" + random.nextInt(50), null, null, null), TradeSort.EXIT_TIME, true, 1000, 50))),
                    new Shape("impl page: 90 days, one strategy, losses, by net P&L asc", i -> call(() -> journal.trades(
                            filter(lastDay.minusDays(90), null, "strat" + random.nextInt(8), Outcome.LOSS, null),
                            TradeSort.NET_PNL, false, 0, 50))),
                    new Shape("impl page: all, one tag, by R desc", i -> call(() -> journal.trades(
                            filter(null, null, null, null, TAGS[random.nextInt(TAGS.length)]), TradeSort.R_MULTIPLE, true, 0, 50))),
                    new Shape("impl page: all, by entry time asc, deep offset 100,000", i -> call(() -> journal.trades(
                            TradeFilter.ALL, TradeSort.ENTRY_TIME, false, 100_000, 50))),
                    new Shape("impl read probe: nothing new (syncIfBehind)", i -> call(book::syncIfBehind)),
                    new Shape("impl page: all, by exit time desc, first page (total from the summary)", i -> call(() -> journal.trades(
                            TradeFilter.ALL, TradeSort.EXIT_TIME, true, 0, 50))),
                    new Shape("impl stats: all 1M", i -> call(() -> journal.statistics(TradeFilter.ALL))),
                    new Shape("impl stats: one strategy", i -> call(() -> journal.statistics(filter(null, null, "strat" + random.nextInt(8), null, null)))),
                    new Shape("impl stats: 90 days, one strategy", i -> call(() -> journal.statistics(
                            filter(lastDay.minusDays(90), null, "strat" + random.nextInt(8), null, null)))),
                    new Shape("impl stats: one strategy, losses", i -> call(() -> journal.statistics(
                            filter(null, null, "strat" + random.nextInt(8), Outcome.LOSS, null)))),
                    new Shape("impl stats: fallback, 90 days, one strategy, one symbol", i -> call(() -> journal.statistics(
                            new TradeFilter(lastDay.minusDays(90), null, "SYM" + random.nextInt(50), null, "strat" + random.nextInt(8),
                                    null, null, null)))),
                    new Shape("impl breakdown: all 1M", i -> call(() -> journal.breakdown(TradeFilter.ALL))),
                    new Shape("impl breakdown: one year", i -> call(() -> journal.breakdown(filter(lastDay.minusDays(365), null, null, null, null)))),
                    new Shape("impl breakdown: fallback, one strategy", i -> call(() -> journal.breakdown(
                            filter(null, null, "strat" + random.nextInt(8), null, null)))),
                    new Shape("impl breakdown: fallback, 90 days, one strategy", i -> call(() -> journal.breakdown(
                            filter(lastDay.minusDays(90), null, "strat" + random.nextInt(8), null, null)))),
                    new Shape("impl stats: one year", i -> call(() -> journal.statistics(filter(lastDay.minusDays(365), null, null, null, null)))),
                    new Shape("impl stats: one symbol", i -> call(() -> journal.statistics(filter(null, "SYM" + random.nextInt(50), null, null, null)))),
                    new Shape("impl stats: fallback, one tag", i -> call(() -> journal.statistics(filter(null, null, null, null, TAGS[random.nextInt(TAGS.length)])))),
                    new Shape("impl stats: last 30 days", i -> call(() -> journal.statistics(filter(lastDay.minusDays(30), null, null, null, null)))),
                    new Shape("impl breakdown: last 30 days", i -> call(() -> journal.breakdown(filter(lastDay.minusDays(30), null, null, null, null)))),
                    new Shape("impl breakdown: fallback, one tag", i -> call(() -> journal.breakdown(filter(null, null, null, null, TAGS[random.nextInt(TAGS.length)])))),
                    new Shape("impl breakdown: one symbol", i -> call(() -> journal.breakdown(filter(null, "SYM" + random.nextInt(50), null, null, null)))),
                    new Shape("impl breakdown: 90 days, one symbol", i -> call(() -> journal.breakdown(
                            filter(lastDay.minusDays(90), "SYM" + random.nextInt(50), null, null, null)))),
                    new Shape("impl breakdown: one side", i -> call(() -> journal.breakdown(side(random)))),
                    new Shape("impl breakdown: one mode", i -> call(() -> journal.breakdown(
                            new TradeFilter(null, null, null, null, null, null, null, TradingMode.PAPER)))),
                    new Shape("impl breakdown over trades (the fallback before V188): one symbol", i -> call(() -> { book.syncIfBehind();
                            table.breakdownOverTrades(filter(null, "SYM" + random.nextInt(50), null, null, null)); })),
                    new Shape("impl breakdown over trades (the fallback before V188): one side", i -> call(() -> { book.syncIfBehind();
                            table.breakdownOverTrades(side(random)); })),
                    new Shape("impl breakdown over trades (the fallback before V188): one mode", i -> call(() -> { book.syncIfBehind();
                            table.breakdownOverTrades(new TradeFilter(null, null, null, null, null, null, null, TradingMode.PAPER)); })),
                    new Shape("page: last 30 days, by exit time desc, first page", i -> page(
                            "trade_day >= ?", List.of(lastDay.minusDays(30)), "exit_time DESC NULLS LAST, trade_id DESC", 0)),
                    new Shape("page: all, one symbol, by exit time desc, page 20", i -> page(
                            "symbol = ?", List.of("SYM" + random.nextInt(50)), "exit_time DESC NULLS LAST, trade_id DESC", 1000)),
                    new Shape("page: 90 days, one strategy, losses, by net P&L asc", i -> page(
                            "trade_day >= ? AND strategy = ? AND outcome = 'LOSS'",
                            List.of(lastDay.minusDays(90), "strat" + random.nextInt(8)), "net_pnl, trade_id", 0)),
                    new Shape("page: all, one tag, by R desc", i -> page(
                            "EXISTS (SELECT 1 FROM journal_tag g WHERE g.trade_id = t.trade_id AND g.tag = ?)",
                            List.of(TAGS[random.nextInt(TAGS.length)]), "r_multiple DESC NULLS LAST, trade_id DESC", 0)),
                    new Shape("page: all, by entry time asc, deep offset 100,000", i -> page(
                            "TRUE", List.of(), "entry_time, trade_id", 100_000)),
                    new Shape("page: all, one tag as an array column (GIN), by R desc", i -> page(
                            "tags @> ARRAY[?]::varchar(40)[]", List.of(TAGS[random.nextInt(TAGS.length)]),
                            "r_multiple DESC NULLS LAST, trade_id DESC", 0)),
                    new Shape("stats in SQL (aggregates + daily sums): all 1M", i -> sqlStats("TRUE", List.of())),
                    new Shape("stats in SQL (aggregates + daily sums): one year", i -> sqlStats("trade_day >= ?",
                            List.of(lastDay.minusDays(365)))),
                    new Shape("stats in SQL (aggregates + daily sums): one tag", i -> sqlStats("tags @> ARRAY[?]::varchar(40)[]",
                            List.of(TAGS[random.nextInt(TAGS.length)]))),
                    new Shape("stats: all 1M closed trades (ordered scan + fold)", i -> stats("TRUE", List.of())),
                    new Shape("stats: one year", i -> stats("trade_day >= ?", List.of(lastDay.minusDays(365)))),
                    new Shape("stats: one symbol, all time", i -> stats("symbol = ?", List.of("SYM" + random.nextInt(50)))),
                    new Shape("stats: one tag, all time", i -> stats(
                            "EXISTS (SELECT 1 FROM journal_tag g WHERE g.trade_id = t.trade_id AND g.tag = ?)",
                            List.of(TAGS[random.nextInt(TAGS.length)]))));
            String only = args.length > 4 ? args[4] : "";
            for (Shape shape : shapes) if (Arrays.stream(only.split("\\|")).anyMatch(shape.name()::contains)) measure(c, shape, runs);
        }
    }

    /** A query shape: builds one query (with its parameters) per run. */
    record Shape(String name, java.util.function.IntFunction<Query> query) {
    }

    /** One query: SQL, parameters and what to do with its rows; or (sql empty) a call of the journal's code. */
    record Query(List<String> sql, List<Object> params, boolean stats, Runnable call) {

        Query(List<String> sql, List<Object> params, boolean stats) {
            this(sql, params, stats, null);
        }
    }

    private static Query call(Runnable call) {
        return new Query(List.of(), List.of(), false, call);
    }

    private static TradeFilter filter(LocalDate from, String symbol, String strategy, Outcome outcome, String tag) {
        return new TradeFilter(from, null, symbol, null, strategy, outcome, tag, null);
    }

    /** All time, one side (LONG or SHORT at random). */
    private static TradeFilter side(Random random) {
        return new TradeFilter(null, null, null, random.nextBoolean() ? io.tradepilot.journal.TradeSide.LONG
                : io.tradepilot.journal.TradeSide.SHORT, null, null, null, null);
    }

    private static Query page(String where, List<Object> params, String order, int offset) {
        String page = "SELECT t.* FROM journal_trade t WHERE " + where + " ORDER BY " + order + " OFFSET " + offset + " LIMIT 50";
        String count = "SELECT count(*) FROM journal_trade t WHERE " + where;
        return new Query(List.of(page, count), params, false);
    }

    private static Query stats(String where, List<Object> params) {
        return new Query(List.of("SELECT t.exit_time, t.trade_id, t.net_pnl, t.fees, t.r_multiple, t.trade_day FROM journal_trade t"
                + " WHERE t.status = 'CLOSED' AND " + where + " ORDER BY t.exit_time, t.trade_id"), params, true);
    }

    /**
     * The statistics' sums, counts and extremes and the daily sums (for Sharpe and Sortino) aggregated by PostgreSQL;
     * streaks and drawdown are not in these two queries.
     */
    private static Query sqlStats(String where, List<Object> params) {
        String from = " FROM journal_trade t WHERE t.status = 'CLOSED' AND " + where;
        return new Query(List.of("SELECT count(*), count(*) FILTER (WHERE net_pnl > 0), count(*) FILTER (WHERE net_pnl < 0),"
                        + " sum(net_pnl) FILTER (WHERE net_pnl > 0), sum(net_pnl) FILTER (WHERE net_pnl < 0), sum(fees),"
                        + " count(r_multiple), sum(r_multiple), max(net_pnl), min(net_pnl)" + from,
                "SELECT trade_day, count(*), sum(net_pnl)" + from + " GROUP BY trade_day ORDER BY trade_day"), params, false);
    }

    private static void measure(Connection c, Shape shape, int runs) throws SQLException {
        long[] nanos = new long[runs];
        for (int i = -3; i < runs; i++) { // three warm-up runs
            Query q = shape.query().apply(i);
            long start = System.nanoTime();
            run(c, q);
            if (i >= 0) nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%n== %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)%n", shape.name(), nanos[runs / 2] / 1e6,
                nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6, nanos[runs - 1] / 1e6, runs);
        Query q = shape.query().apply(0);
        List<String> sqls = q.sql();
        List<Object> params = q.params();
        if (q.call() != null) { // the journal's own statements, as it rendered them (parameters inlined)
            captured = new ArrayList<>();
            q.call().run();
            sqls = captured.stream().filter(sql -> sql.startsWith("select") || sql.startsWith("with")).toList();
            params = List.of();
            captured = null;
        }
        for (String sql : sqls) {
            System.out.println("  " + (sql.length() > 400 ? sql.substring(0, 400) + "..." : sql));
            try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)) {
                bind(s, params);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) System.out.println("   " + r.getString(1));
                }
            }
        }
    }

    /** Runs a page (the page, its fills, the total) or the statistics (the ordered scan folded as TradeStatistics does). */
    private static void run(Connection c, Query q) throws SQLException {
        if (q.call() != null) {
            q.call().run();
            return;
        }
        if (!q.stats() && !q.sql().get(0).startsWith("SELECT t.*")) {
            for (String sql : q.sql()) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    bind(s, q.params());
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) r.getBigDecimal(2);
                    }
                }
            }
            return;
        }
        if (!q.stats()) {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(q.sql().get(0))) {
                bind(s, q.params());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong("trade_id"));
                        r.getBigDecimal("net_pnl");
                    }
                }
            }
            if (!ids.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("SELECT * FROM journal_trade_fill WHERE trade_id = ANY (?) ORDER BY trade_id, fill_seq")) {
                    s.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) r.getBigDecimal("price");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(q.sql().get(1))) {
                bind(s, q.params());
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                }
            }
            return;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false); // a cursor: rows stream in batches
        try (PreparedStatement s = c.prepareStatement(q.sql().get(0))) {
            s.setFetchSize(20_000);
            bind(s, q.params());
            int n = 0, wins = 0, run = 0, longest = 0;
            BigDecimal net = BigDecimal.ZERO, fees = BigDecimal.ZERO, peak = BigDecimal.ZERO, maxDd = BigDecimal.ZERO, rSum = BigDecimal.ZERO;
            java.util.Map<java.sql.Date, BigDecimal> days = new java.util.HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    BigDecimal pnl = r.getBigDecimal(3);
                    n++;
                    net = net.add(pnl);
                    fees = fees.add(r.getBigDecimal(4));
                    BigDecimal rm = r.getBigDecimal(5);
                    if (rm != null) rSum = rSum.add(rm);
                    if (pnl.signum() > 0) {
                        wins++;
                        longest = Math.max(longest, ++run);
                    } else {
                        run = 0;
                    }
                    if (net.compareTo(peak) > 0) peak = net;
                    BigDecimal dd = peak.subtract(net);
                    if (dd.compareTo(maxDd) > 0) maxDd = dd;
                    days.merge(r.getDate(6), pnl, BigDecimal::add);
                }
            }
            if (n < 0 || wins < 0 || longest < 0 || days.isEmpty() && n > 0) throw new IllegalStateException("fold");
        } finally {
            c.commit();
            c.setAutoCommit(auto);
        }
    }

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof LocalDate d) s.setObject(i + 1, d);
            else s.setObject(i + 1, p);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * The ledger's side of {@link #seed}: the same {@code trades} round trips as orders and fills (one order per fill;
     * trade g opens with fill 2g - 1, BUY for a long and SELL for a short, with a protective stop 50 away on 70 %, and
     * closes with fill 2g; quantity 10, commission 10 a fill), and the tags of about 10 % of them in journal_tag under
     * the trade ids the journal will give them, for the backfill to materialize.
     */
    private static void seedLedger(Connection c, int trades) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE bench_trade AS
                    SELECT g, 'SYM' || (g % 50) AS symbol, g % 3 = 0 AS short, 'strat' || (g % 8) AS strategy,
                           timestamptz '2023-01-02 04:00:00+00' + g * interval '90 seconds' AS x,
                           round((random() * 20 - 9)::numeric, 2) AS move
                    FROM generate_series(1, TRADES) g
                    """.replace("TRADES", Integer.toString(trades)));
            s.execute("""
                    INSERT INTO trade_order (order_id, client_order_id, strategy, symbol, exchange, side, quantity, order_type,
                        time_in_force, status, filled_quantity, created_at, updated_at)
                    SELECT 'o' || (2 * g - 1 + k), 'c' || (2 * g - 1 + k), strategy, symbol, 'NSE',
                           CASE WHEN short = (k = 0) THEN 'SELL' ELSE 'BUY' END, 10, 'MARKET', 'DAY', 'FILLED', 10, x, x
                    FROM bench_trade CROSS JOIN (VALUES (0), (1)) f(k)
                    """);
            s.execute("""
                    INSERT INTO fill (seq, order_id, client_order_id, symbol, side, quantity, price, commission, protective_stop, filled_at)
                    SELECT 2 * g - 1 + k, 'o' || (2 * g - 1 + k), 'c' || (2 * g - 1 + k), symbol,
                           CASE WHEN short = (k = 0) THEN 'SELL' ELSE 'BUY' END, 10,
                           CASE WHEN k = 0 THEN 100 WHEN short THEN 100 - move ELSE 100 + move END, 10,
                           CASE WHEN k = 0 AND g % 10 < 7 THEN CASE WHEN short THEN 150 ELSE 50 END END,
                           CASE WHEN k = 0 THEN x - interval '20 minutes' ELSE x END
                    FROM bench_trade CROSS JOIN (VALUES (0), (1)) f(k)
                    """);
            s.execute("INSERT INTO journal_tag SELECT 2 * g - 1, (ARRAY['" + String.join("','", TAGS) + "'])[1 + ((2 * g - 1) % 7)],"
                    + " 'bench', now() FROM bench_trade WHERE (2 * g - 1) % 20 = 1");
            s.execute("DROP TABLE bench_trade");
            s.execute("VACUUM ANALYZE");
        }
    }

    /**
     * The upkeep per trade: 200 more trades after the last, each as its entry fill then its exit fill written to the
     * ledger, each followed by the read's {@link JournalBook#syncIfBehind()} (the entry upserts an open trade; the exit
     * closes it and recomputes the summary of its day, about 960 trades in 9 groups).
     */
    private static void incremental(Connection c, JournalBook book, int trades) throws SQLException {
        int n = 200;
        long[] entry = new long[n], exit = new long[n];
        try (Statement s = c.createStatement()) {
            for (int i = 0; i < n; i++) {
                long g = trades + 1 + i;
                for (int k = 0; k < 2; k++) {
                    long seq = 2 * g - 1 + k;
                    String at = "timestamptz '2023-01-02 04:00:00+00' + " + g + " * interval '90 seconds'" + (k == 0 ? " - interval '20 minutes'" : "");
                    s.execute("INSERT INTO trade_order (order_id, client_order_id, strategy, symbol, exchange, side, quantity, order_type,"
                            + " time_in_force, status, filled_quantity, created_at, updated_at) VALUES ('o" + seq + "', 'c" + seq + "', 'strat"
                            + (g % 8) + "', 'SYM" + (g % 50) + "', 'NSE', '" + (k == 0 ? "BUY" : "SELL") + "', 10, 'MARKET', 'DAY', 'FILLED', 10, "
                            + at + ", " + at + ")");
                    s.execute("INSERT INTO fill (seq, order_id, client_order_id, symbol, side, quantity, price, commission, filled_at) VALUES ("
                            + seq + ", 'o" + seq + "', 'c" + seq + "', 'SYM" + (g % 50) + "', '" + (k == 0 ? "BUY" : "SELL") + "', 10, "
                            + (k == 0 ? "100" : "100." + (10 + i % 80)) + ", 10, " + at + ")");
                    long t = System.nanoTime();
                    book.syncIfBehind();
                    (k == 0 ? entry : exit)[i] = System.nanoTime() - t;
                }
            }
        }
        long[] both = new long[n];
        for (int i = 0; i < n; i++) both[i] = entry[i] + exit[i];
        for (long[] a : List.of(entry, exit, both)) Arrays.sort(a);
        System.out.printf("incremental upkeep (%d trades, one sync per fill): entry fill p50 %.1f ms p95 %.1f ms; exit fill"
                        + " (summary of its day recomputed) p50 %.1f ms p95 %.1f ms; per trade p50 %.1f ms p95 %.1f ms%n", n,
                entry[n / 2] / 1e6, entry[n * 95 / 100] / 1e6, exit[n / 2] / 1e6, exit[n * 95 / 100] / 1e6,
                both[n / 2] / 1e6, both[n * 95 / 100] / 1e6);
    }

    /** The ids of the trades at rows 100,000, 200,000, ... (while there are rows) in {@code order}: keyset anchors. */
    private static long[] anchors(Connection c, String order) throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (int row = 100_000; row < 1_000_000; row += 100_000) {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT trade_id FROM journal_trade ORDER BY " + order + " OFFSET " + (row - 1) + " LIMIT 1")) {
                if (r.next()) ids.add(r.getLong(1));
            }
        }
        if (ids.isEmpty()) ids.add(-1L);
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static LocalDate lastDay(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(trade_day) FROM journal_trade")) {
            r.next();
            return r.getObject(1, LocalDate.class);
        }
    }

    /**
     * {@code trades} closed trades, one every 90 seconds of market time from 2023-01-02 04:00 UTC (about 960 a day over
     * 50 symbols and 8 strategies, a third short), net P&amp;L uniform in -900..1100, R on 70 % (risk 500), two fills
     * each, about 10 % tagged; the journal's indexes are dropped for the load and made again after it. The ledger holds
     * the last fill only, so that the journal's state is current and a sync finds nothing new.
     */
    private static void seed(Connection c, int trades) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
                + " WHERE tablename = 'journal_trade' AND indexname <> 'journal_trade_pkey'")) {
            while (r.next()) indexes.add(r.getString(2));
        }
        try (Statement s = c.createStatement()) {
            for (String def : indexes) s.execute("DROP INDEX " + def.split(" ")[2]);
            s.execute("""
                    INSERT INTO journal_trade (trade_id, symbol, side, strategy, mode, status, outcome, trade_day, entry_time,
                        entry_price, exit_time, exit_price, quantity, open_quantity, gross_pnl, fees, net_pnl, holding_micros,
                        initial_risk, r_multiple, exit_reason, replay_from, last_fill_seq)
                    SELECT 2 * g - 1, 'SYM' || (g % 50), CASE WHEN g % 3 = 0 THEN 'SHORT' ELSE 'LONG' END, 'strat' || (g % 8), 'PAPER', 'CLOSED',
                           CASE WHEN net > 0 THEN 'WIN' WHEN net < 0 THEN 'LOSS' ELSE 'BREAKEVEN' END,
                           (x AT TIME ZONE 'Asia/Kolkata')::date, x - interval '20 minutes', 100, x, 100 + net / 10, 10, 0,
                           net + 20, 20, net, 1200000000, CASE WHEN g % 10 < 7 THEN 500 END, CASE WHEN g % 10 < 7 THEN round(net / 500, 4) END,
                           'STRATEGY', 2 * g - 1, 2 * g
                    FROM (SELECT g, timestamptz '2023-01-02 04:00:00+00' + g * interval '90 seconds' AS x,
                                 round((random() * 2000 - 900)::numeric, 2) AS net
                          FROM generate_series(1, TRADES) g) v
                    """.replace("TRADES", Integer.toString(trades)));
            s.execute("""
                    INSERT INTO journal_trade_fill (trade_id, fill_seq, order_id, client_order_id, filled_at, side, role, quantity,
                        price, commission, order_type, strategy)
                    SELECT t.trade_id, t.trade_id + k, 'o' || (t.trade_id + k), 'c' || (t.trade_id + k),
                           CASE WHEN k = 0 THEN t.entry_time ELSE t.exit_time END, CASE WHEN k = 0 THEN 'BUY' ELSE 'SELL' END,
                           CASE WHEN k = 0 THEN 'ENTRY' ELSE 'EXIT' END, 10, CASE WHEN k = 0 THEN t.entry_price ELSE t.exit_price END,
                           10, 'MARKET', t.strategy
                    FROM journal_trade t CROSS JOIN (VALUES (0), (1)) f(k)
                    """);
            s.execute("INSERT INTO journal_tag SELECT trade_id, (ARRAY['" + String.join("','", TAGS) + "'])[1 + (trade_id % 7)],"
                    + " 'bench', now() FROM journal_trade WHERE trade_id % 20 = 1");
            s.execute("UPDATE journal_trade t SET tags = g.tags FROM (SELECT trade_id, array_agg(tag ORDER BY tag)::varchar(40)[] AS tags"
                    + " FROM journal_tag GROUP BY trade_id) g WHERE g.trade_id = t.trade_id");
            long last = 2L * trades;
            s.execute("INSERT INTO trade_order (order_id, client_order_id, strategy, symbol, exchange, side, quantity, order_type,"
                    + " time_in_force, status, filled_quantity, created_at, updated_at) VALUES ('o" + last + "', 'c" + last
                    + "', 'strat0', 'SYM0', 'NSE', 'SELL', 10, 'MARKET', 'DAY', 'FILLED', 10, now(), now())");
            s.execute("INSERT INTO fill (seq, order_id, client_order_id, symbol, side, quantity, price, commission, filled_at)"
                    + " VALUES (" + last + ", 'o" + last + "', 'c" + last + "', 'SYM0', 'SELL', 10, 100, 10, now())");
            s.execute("UPDATE journal_state SET last_seq = " + last + ", last_order_id = 'o" + last + "'");
            for (String def : indexes) s.execute(def);
            s.execute("VACUUM ANALYZE");
        }
    }
}
