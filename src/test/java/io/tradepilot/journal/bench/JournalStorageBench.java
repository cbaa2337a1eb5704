package io.tradepilot.journal.bench;

import io.tradepilot.infrastructure.EmbeddedPostgresServer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures the journal's planned storage (docs/journal.md, "Storage for a million trades") with 1,000,000 round
 * trips and their 2,000,000 fills in an embedded PostgreSQL it seeds itself: filter + sort + page (the page, its
 * fills and the filter's total) and the statistics' ordered scan folded in Java, each query shape run
 * {@code runs} times with varying parameters; prints p50/p95 per shape and the EXPLAIN (ANALYZE, BUFFERS) of one run.
 * Not a test: speed is measured here, never asserted.
 *
 * <p>Run: {@code java -cp <test classpath> io.tradepilot.journal.bench.JournalStorageBench [trades=1000000] [runs=40]
 * [dataDir=/tmp/tradepilot-journal-bench] [port=0] [only the shapes whose name contains one of these |-separated words]}.
 */
public final class JournalStorageBench {

    private static final String SCHEMA = """
            CREATE TABLE journal_trade (
                trade_id        BIGINT PRIMARY KEY,
                symbol          VARCHAR(64) NOT NULL,
                side            VARCHAR(5)  NOT NULL,
                strategy        VARCHAR(64) NOT NULL,
                mode            VARCHAR(5)  NOT NULL,
                status          VARCHAR(6)  NOT NULL,
                outcome         VARCHAR(9)  NOT NULL,
                trade_day       DATE        NOT NULL,
                entry_time      TIMESTAMP WITH TIME ZONE NOT NULL,
                entry_price     NUMERIC NOT NULL,
                exit_time       TIMESTAMP WITH TIME ZONE,
                exit_price      NUMERIC,
                quantity        NUMERIC NOT NULL,
                open_quantity   NUMERIC NOT NULL,
                gross_pnl       NUMERIC NOT NULL,
                fees            NUMERIC NOT NULL,
                net_pnl         NUMERIC NOT NULL,
                holding_seconds BIGINT,
                initial_risk    NUMERIC,
                r_multiple      NUMERIC,
                exit_reason     VARCHAR(32),
                last_fill_seq   BIGINT NOT NULL,
                tags            VARCHAR(40)[] NOT NULL DEFAULT '{}'
            );
            CREATE TABLE journal_trade_fill (
                trade_id   BIGINT NOT NULL,
                fill_seq   BIGINT NOT NULL,
                role       VARCHAR(5) NOT NULL,
                side       VARCHAR(4) NOT NULL,
                quantity   NUMERIC NOT NULL,
                price      NUMERIC NOT NULL,
                commission NUMERIC NOT NULL,
                filled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
                PRIMARY KEY (trade_id, fill_seq)
            );
            CREATE TABLE journal_tag (trade_id BIGINT NOT NULL, tag VARCHAR(40) NOT NULL, PRIMARY KEY (trade_id, tag));
            """;

    /** The indexes of the plan: one per filter/sort access path. */
    private static final String INDEXES = """
            CREATE INDEX journal_trade_exit_desc_idx ON journal_trade (exit_time DESC NULLS LAST, trade_id DESC);
            CREATE INDEX journal_trade_exit_stats_idx ON journal_trade (exit_time, trade_id) INCLUDE (net_pnl, fees, r_multiple, trade_day)
                WHERE status = 'CLOSED';
            CREATE INDEX journal_trade_day_idx ON journal_trade (trade_day);
            CREATE INDEX journal_trade_symbol_idx ON journal_trade (symbol, exit_time DESC NULLS LAST, trade_id DESC);
            CREATE INDEX journal_trade_strategy_idx ON journal_trade (strategy, exit_time DESC NULLS LAST, trade_id DESC);
            CREATE INDEX journal_trade_net_idx ON journal_trade (net_pnl, trade_id);
            CREATE INDEX journal_trade_entry_idx ON journal_trade (entry_time, trade_id);
            CREATE INDEX journal_trade_r_idx ON journal_trade (r_multiple, trade_id);
            CREATE INDEX journal_tag_tag_idx ON journal_tag (tag, trade_id);
            CREATE INDEX journal_trade_tags_idx ON journal_trade USING gin (tags);
            """;

    private static final String[] TAGS = {"3WI success", "false breakout", "stopped out", "followed plan", "broke rules",
            "early exit", "late entry"};

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
            seed(c, trades);
            System.out.printf("seeded %,d trades, %,d fills, 10%% tagged, in %.1f s%n", trades, 2L * trades, (System.nanoTime() - t0) / 1e9);
            LocalDate lastDay = lastDay(c);
            Random random = new Random(42);
            List<Shape> shapes = List.of(
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

    /** One query: SQL, parameters and what to do with its rows. */
    record Query(List<String> sql, List<Object> params, boolean stats) {
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
        for (String sql : q.sql()) {
            try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)) {
                bind(s, q.params());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) System.out.println("   " + r.getString(1));
                }
            }
        }
    }

    /** Runs a page (the page, its fills, the total) or the statistics (the ordered scan folded as TradeStatistics does). */
    private static void run(Connection c, Query q) throws SQLException {
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

    private static LocalDate lastDay(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT max(trade_day) FROM journal_trade")) {
            r.next();
            return r.getObject(1, LocalDate.class);
        }
    }

    /**
     * {@code trades} closed trades, one every 90 seconds of market time from 2023-01-02 04:00 UTC (about 960 a day over
     * 50 symbols and 8 strategies, a third short), net P&amp;L uniform in -900..1100, R on 70 % (risk 500), two fills
     * each, about 10 % tagged.
     */
    private static void seed(Connection c, int trades) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(SCHEMA);
            s.execute("""
                    INSERT INTO journal_trade
                    SELECT 2 * g - 1, 'SYM' || (g % 50), CASE WHEN g % 3 = 0 THEN 'SHORT' ELSE 'LONG' END, 'strat' || (g % 8), 'PAPER', 'CLOSED',
                           CASE WHEN net > 0 THEN 'WIN' WHEN net < 0 THEN 'LOSS' ELSE 'BREAKEVEN' END,
                           (x AT TIME ZONE 'Asia/Kolkata')::date, x - interval '20 minutes', 100, x, 100 + net / 10, 10, 0,
                           net + 20, 20, net, 1200, CASE WHEN g % 10 < 7 THEN 500 END, CASE WHEN g % 10 < 7 THEN round(net / 500, 4) END,
                           'STRATEGY', 2 * g
                    FROM (SELECT g, timestamptz '2023-01-02 04:00:00+00' + g * interval '90 seconds' AS x,
                                 round((random() * 2000 - 900)::numeric, 2) AS net
                          FROM generate_series(1, TRADES) g) v
                    """.replace("TRADES", Integer.toString(trades)));
            s.execute("""
                    INSERT INTO journal_trade_fill
                    SELECT t.trade_id, t.trade_id + k, CASE WHEN k = 0 THEN 'ENTRY' ELSE 'EXIT' END, CASE WHEN k = 0 THEN 'BUY' ELSE 'SELL' END,
                           10, CASE WHEN k = 0 THEN t.entry_price ELSE t.exit_price END, 10,
                           CASE WHEN k = 0 THEN t.entry_time ELSE t.exit_time END
                    FROM journal_trade t CROSS JOIN (VALUES (0), (1)) f(k)
                    """);
            s.execute("INSERT INTO journal_tag SELECT trade_id, (ARRAY['" + String.join("','", TAGS) + "'])[1 + (trade_id % 7)]"
                    + " FROM journal_trade WHERE trade_id % 20 = 1");
            s.execute("UPDATE journal_trade t SET tags = g.tags FROM (SELECT trade_id, array_agg(tag ORDER BY tag)::varchar(40)[] AS tags"
                    + " FROM journal_tag GROUP BY trade_id) g WHERE g.trade_id = t.trade_id");
            s.execute(INDEXES);
            s.execute("VACUUM ANALYZE");
        }
    }
}
