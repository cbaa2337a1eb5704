package io.tradepilot.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.engine.orders.ExitTag;
import io.tradepilot.journal.ExitReason;
import io.tradepilot.journal.Outcome;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeBreakdown;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradeStatistics;
import io.tradepilot.journal.TradingMode;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.internal.LedgerTestWriter;
import io.tradepilot.trading.internal.LedgerTestWriter.FilledOrder;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The materialized trade table against its oracle, the in-memory {@link TradeBuilder} over every fill of the
 * ledger (what the journal served before the table): on a random ledger with scale-ins, partial exits,
 * reversals, stops, ties in exit time and tags, every filter, sort and page and the statistics come out the same;
 * a restarted book (replaying only the open trades' fills) continues exactly where the table ends; the backfill
 * is idempotent.
 */
class JournalTradeTableIT extends IntegrationTestSupport {

    private static final Instant START = Instant.parse("2026-03-02T04:00:00Z"); // 09:30 in Kolkata
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final String[] SYMBOLS = {"AAA", "BBB", "CCC"};
    private static final String[] STRATEGIES = {"sma", "mr", "manual", "engine"};
    private static final OrderType[] TYPES = {OrderType.MARKET, OrderType.LIMIT, OrderType.STOP};
    private static final ExitTag[] TAGS = ExitTag.values();
    private static final RecursiveComparisonConfiguration EXACT = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(Comparator.naturalOrder(), BigDecimal.class).build();

    @Autowired DSLContext db;
    @Autowired ApplicationContext context;
    @Autowired JooqJournalStore store;
    @Autowired JooqTradeTable table;
    @Autowired JournalBook book;
    @Autowired JournalQueries queries;
    @Autowired PlatformTransactionManager transactions;

    private LedgerTestWriter ledger;
    private final Random random = new Random(11);
    private final Map<String, BigDecimal> prices = new java.util.HashMap<>(Map.of("AAA", new BigDecimal("100.00"),
            "BBB", new BigDecimal("50.05"), "CCC", new BigDecimal("1234.5")));
    private int minute;

    @BeforeEach
    void emptyLedger() {
        LedgerTestWriter.emptyLedger(db);
        JournalFixtures.emptyJournal(db);
        ledger = new LedgerTestWriter(context, START, ZONE);
    }

    @Test
    void filters_sorts_pages_and_statistics_match_the_in_memory_builder_and_a_restart_continues_exactly() {
        ledger.write(randomOrders(150));
        book.sync();
        tag();
        assertSameAsOracle();

        // a restart: a new book over the same table rebuilds only the open trades, then applies what came since
        ledger.write(randomOrders(60));
        JournalBook restarted = new JournalBook(store, table, new TransactionTemplate(transactions),
                Currency.getInstance("INR"), TradingMode.PAPER);
        restarted.sync();
        assertSameAsOracle();

        // the running book notices that another writer advanced the table and reloads before applying more
        ledger.write(randomOrders(40));
        book.sync();
        assertSameAsOracle();

        // the backfill is idempotent
        String before = db.fetch("SELECT * FROM journal_trade ORDER BY trade_id").formatCSV();
        String summaryBefore = summaryRows();
        new JournalBackfill(restarted).backfill();
        new JournalBackfill(book).backfill();
        assertThat(db.fetch("SELECT * FROM journal_trade ORDER BY trade_id").formatCSV()).isEqualTo(before);
        assertThat(summaryRows()).isEqualTo(summaryBefore);
    }

    @Test
    void the_per_day_summary_kept_with_each_batch_equals_a_rebuild_and_the_statistics_over_the_trades() {
        ledger.write(randomOrders(120));
        book.sync();
        tag();
        assertSummaryExact();

        // new trades arrive one fill at a time (each sync one small batch, as in live trading)
        for (FilledOrder order : randomOrders(25)) {
            ledger.write(List.of(order));
            queries.statistics(TradeFilter.ALL); // a read syncs
        }
        assertSummaryExact();
        assertSameAsOracle();

        // a rebuild from the trades gives the same rows as the incremental upkeep
        String incremental = summaryRows();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            table.lockState();
            table.rebuildSummary();
        });
        assertThat(summaryRows()).isEqualTo(incremental);

        // an installation from before the summary (state without a summary zone) builds it at the next sync
        db.execute("TRUNCATE journal_day, journal_day_cross, journal_day_by");
        db.execute("UPDATE journal_state SET day_summary_zone = NULL");
        ledger.write(randomOrders(10));
        book.sync();
        assertSummaryExact();
        assertSameAsOracle();
    }

    /**
     * The summary's statistics (every filter it covers, checked to be answered from it) equal the same statistics
     * aggregated over journal_trade, and the net P&L of the summary's days adds up, to the paisa, to the sum over
     * the closed trades (and to the oracle's).
     */
    private void assertSummaryExact() {
        List<Trade> oracle = oracle();
        LocalDate firstDay = oracle.stream().map(this::dayOf).min(Comparator.naturalOrder()).orElseThrow();
        List<TradeFilter> covered = List.of(TradeFilter.ALL,
                new TradeFilter(firstDay.plusDays(1), null, null, null, null, null, null, null),
                new TradeFilter(null, firstDay.plusDays(2), null, null, null, null, null, null),
                new TradeFilter(firstDay, firstDay.plusDays(4), null, null, "sma", null, null, null),
                new TradeFilter(null, null, "CCC", null, null, null, null, null),
                new TradeFilter(null, null, null, TradeSide.LONG, null, null, null, null),
                new TradeFilter(null, null, null, null, null, null, null, TradingMode.PAPER),
                new TradeFilter(firstDay.plusDays(1), firstDay.plusDays(3), null, TradeSide.SHORT, null, null, null, null),
                new TradeFilter(firstDay, firstDay.plusDays(2), "CCC", null, null, null, null, null),
                new TradeFilter(null, null, null, null, "manual", null, null, null),
                new TradeFilter(null, null, null, null, null, Outcome.WIN, null, null),
                new TradeFilter(null, null, null, null, "mr", Outcome.LOSS, null, null),
                new TradeFilter(firstDay.plusDays(1), null, null, TradeSide.SHORT, null, Outcome.LOSS, null, null),
                new TradeFilter(null, null, null, null, null, Outcome.BREAKEVEN, null, null),
                new TradeFilter(null, firstDay.plusDays(3), "AAA", null, null, Outcome.OPEN, null, null),
                TradeFilter.ALL.withExitReason(ExitReason.TARGET),
                TradeFilter.ALL.withExitReason(ExitReason.MANUAL),
                TradeFilter.ALL.withExitReason(ExitReason.FLATTEN_OR_SQUARE_OFF),
                new TradeFilter(firstDay.plusDays(1), null, null, null, null, Outcome.LOSS, null, null, ExitReason.STOP));
        for (TradeFilter f : covered) {
            assertThat(JooqDaySummary.covers(f)).isTrue();
            assertThat(table.statistics(f)).as("summary statistics of %s", f).usingRecursiveComparison(EXACT)
                    .isEqualTo(table.statisticsOverTrades(f));
            if (JooqDaySummary.coversBreakdown(f) || JooqDaySummary.coversStrategyBreakdown(f) || JooqDaySummary.coversCriterionBreakdown(f)) {
                assertThat(table.breakdown(f)).as("summary breakdown of %s", f).usingRecursiveComparison(EXACT)
                        .isEqualTo(table.breakdownOverTrades(f));
            }
        }
        assertThat(covered.stream().filter(JooqDaySummary::coversCriterionBreakdown).count()).as("symbol, side and mode crossings")
                .isGreaterThanOrEqualTo(5);
        BigDecimal closedNet = oracle.stream().filter(t -> t.status() == io.tradepilot.journal.TradeStatus.CLOSED)
                .map(Trade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal summaryNet = db.fetchSingle("SELECT sum(profit + loss) FROM journal_day WHERE dim = 'ALL'").get(0, BigDecimal.class);
        BigDecimal tableNet = db.fetchSingle("SELECT sum(net_pnl) FROM journal_trade WHERE status = 'CLOSED'").get(0, BigDecimal.class);
        assertThat(summaryNet).isEqualByComparingTo(tableNet).isEqualByComparingTo(closedNet);
        assertThat(queries.statistics(TradeFilter.ALL).netPnl()).isEqualByComparingTo(closedNet);
        for (String dim : List.of("STRATEGY", "SYMBOL", "SIDE", "MODE", "HOUR", "EXIT")) { // every group adds up to the whole day
            assertThat(db.fetchSingle("SELECT count(*) FROM (SELECT trade_day FROM journal_day GROUP BY trade_day HAVING"
                    + " sum(profit + loss) FILTER (WHERE dim = 'ALL') <> sum(profit + loss) FILTER (WHERE dim = '" + dim + "')"
                    + " OR sum(trades) FILTER (WHERE dim = 'ALL') <> sum(trades) FILTER (WHERE dim = '" + dim + "')) x")
                    .get(0, Integer.class)).as(dim).isZero();
        }
    }

    private String summaryRows() {
        return db.fetch("SELECT * FROM journal_day ORDER BY dim, key, trade_day").formatCSV()
                + db.fetch("SELECT * FROM journal_day_cross ORDER BY strategy, trade_day, dim, key").formatCSV()
                + db.fetch("SELECT * FROM journal_day_by ORDER BY by_dim, by_key, trade_day, dim, key").formatCSV();
    }

    @Test
    void a_reset_ledger_rebuilds_the_trades_from_the_first_fill_and_tags_stay() {
        ledger.write(randomOrders(30));
        book.sync();
        long id = table.trades(TradeFilter.ALL, TradeSort.ENTRY_TIME, false, 0, 1, false).getFirst().id();
        new TransactionTemplate(transactions).executeWithoutResult(s -> table.replaceTags(store, id, List.of("kept"), "it", START));

        LedgerTestWriter.emptyLedger(db);
        ledger = new LedgerTestWriter(context, START.plusSeconds(86_400 * 30), ZONE);
        minute = 0;
        ledger.write(randomOrders(20));
        assertSameAsOracle();
        assertThat(queries.trade(id)).get().satisfies(t -> assertThat(t.tags()).containsExactly("kept"));
    }

    @Test
    void trades_closing_at_the_same_time_count_in_trade_id_order_for_streaks() {
        ledger.write(List.of(
                new FilledOrder("sma", "PPP", Side.BUY, "10", "100", "0", OrderType.MARKET, 0),
                new FilledOrder("sma", "PPP", Side.SELL, "10", "110", "0", OrderType.MARKET, 10),  // trade 1: win
                new FilledOrder("sma", "QQQ", Side.BUY, "10", "100", "0", OrderType.MARKET, 11),
                new FilledOrder("sma", "RRR", Side.BUY, "10", "100", "0", OrderType.MARKET, 12),
                new FilledOrder("sma", "QQQ", Side.SELL, "10", "90", "0", OrderType.MARKET, 20),   // trade 3: loss at 20
                new FilledOrder("sma", "RRR", Side.SELL, "10", "110", "0", OrderType.MARKET, 20))); // trade 4: win at 20
        // exit order with ties by id: win, loss, win (a tie taken the other way round would make a streak of two)
        assertThat(queries.statistics(TradeFilter.ALL).longestWinStreak()).isEqualTo(1);
        assertSameAsOracle();
    }

    private void tag() {
        List<Trade> all = table.trades(TradeFilter.ALL, TradeSort.ENTRY_TIME, false, 0, -1, false);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        for (int i = 0; i < all.size(); i += 3) {
            long id = all.get(i).id();
            List<String> tags = i % 2 == 0 ? List.of("b-setup", "A-plan") : List.of("b-setup");
            tx.executeWithoutResult(s -> table.replaceTags(store, id, tags, "it", START));
        }
    }

    /** The trades as the in-memory builder makes them from every fill, with the stored tags. */
    private List<Trade> oracle() {
        TradeBuilder builder = new TradeBuilder(Currency.getInstance("INR"), TradingMode.PAPER);
        List<Trade> trades = new ArrayList<>(builder.applyAll(store.fillsAfter(-1, Integer.MAX_VALUE)));
        trades.addAll(builder.openTrades());
        Map<Long, List<String>> tags = store.allTags();
        return trades.stream().map(t -> t.withAnnotations(tags.getOrDefault(t.id(), List.of()), null)).toList();
    }

    private void assertSameAsOracle() {
        List<Trade> oracle = oracle();
        assertThat(oracle).isNotEmpty();
        LocalDate firstDay = oracle.stream().map(this::dayOf).min(Comparator.naturalOrder()).orElseThrow();
        List<TradeFilter> filters = List.of(TradeFilter.ALL,
                new TradeFilter(null, null, "AAA", null, null, null, null, null),
                new TradeFilter(null, null, null, TradeSide.SHORT, null, null, null, null),
                new TradeFilter(null, null, null, null, "mr", null, null, null),
                new TradeFilter(null, null, null, null, null, Outcome.WIN, null, null),
                new TradeFilter(null, null, null, null, null, Outcome.LOSS, null, null),
                new TradeFilter(null, null, null, null, null, Outcome.OPEN, null, null),
                new TradeFilter(null, null, null, null, null, null, "b-setup", null),
                new TradeFilter(null, null, "BBB", TradeSide.LONG, null, null, "A-plan", TradingMode.PAPER),
                new TradeFilter(firstDay.plusDays(1), firstDay.plusDays(3), null, null, null, null, null, null),
                new TradeFilter(firstDay.plusDays(1), null, null, null, "sma", null, null, null),
                new TradeFilter(null, null, null, null, null, null, null, TradingMode.PAPER),
                new TradeFilter(firstDay.plusDays(1), firstDay.plusDays(3), null, TradeSide.SHORT, null, null, null, null),
                new TradeFilter(firstDay, firstDay.plusDays(2), "CCC", null, null, null, null, null),
                new TradeFilter(null, firstDay.plusDays(2), null, TradeSide.LONG, null, Outcome.WIN, null, null),
                new TradeFilter(null, null, null, null, "sma", Outcome.LOSS, null, null),
                new TradeFilter(null, null, "CCC", null, "mr", null, null, null),
                TradeFilter.ALL.withExitReason(ExitReason.TRAILING),
                TradeFilter.ALL.withExitReason(ExitReason.STRATEGY),
                new TradeFilter(null, null, null, null, "sma", null, null, null, ExitReason.TIME));
        for (TradeFilter filter : filters) {
            List<Trade> matching = oracle.stream().filter(t -> filter.matches(t, dayOf(t))).toList();
            for (TradeSort sort : TradeSort.values()) {
                for (boolean descending : new boolean[] {false, true}) {
                    List<Trade> expected = matching.stream().sorted(sort.comparator(descending)).toList();
                    assertThat(queries.allTrades(filter, sort, descending)).as("%s %s %s", filter, sort, descending)
                            .usingRecursiveFieldByFieldElementComparator(EXACT).containsExactlyElementsOf(expected);
                    var page = queries.trades(filter, sort, descending, 3, 7);
                    assertThat(page.total()).isEqualTo(expected.size());
                    assertThat(page.trades()).extracting(Trade::id)
                            .containsExactlyElementsOf(expected.stream().skip(3).limit(7).map(Trade::id).toList());
                    List<Long> walked = new ArrayList<>(); // keyset paging walks the same order
                    for (List<Trade> p = queries.trades(filter, sort, descending, 0, 11).trades(); !p.isEmpty();
                         p = queries.tradesAfter(filter, sort, descending, p.getLast().id(), 11).trades()) {
                        p.forEach(t -> walked.add(t.id()));
                    }
                    assertThat(walked).as("keyset %s %s %s", filter, sort, descending)
                            .containsExactlyElementsOf(expected.stream().map(Trade::id).toList());
                }
            }
            assertThat(queries.statistics(filter)).as("statistics of %s", filter)
                    .usingRecursiveComparison(EXACT).isEqualTo(TradeStatistics.of(matching, ZONE));
            assertThat(queries.breakdown(filter)).as("breakdown of %s", filter)
                    .usingRecursiveComparison(EXACT).isEqualTo(TradeBreakdown.of(matching, ZONE));
        }
        for (Trade t : oracle) {
            assertThat(queries.trade(t.id())).get().usingRecursiveComparison(EXACT).ignoringFields("mae", "mfe").isEqualTo(t);
        }
    }

    private LocalDate dayOf(Trade t) {
        return table.dayOf(t);
    }

    /** Orders on three symbols: random sides and sizes (so scale-ins, partial exits and reversals), some stops. */
    private List<FilledOrder> randomOrders(int n) {
        List<FilledOrder> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
            BigDecimal price = prices.get(symbol).add(BigDecimal.valueOf(random.nextInt(401) - 200, 2)).max(BigDecimal.ONE);
            prices.put(symbol, price);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            String stop = random.nextInt(10) < 4 ? price.add(side == Side.BUY ? new BigDecimal("-2.5") : new BigDecimal("2.5")).toPlainString() : null;
            String fee = BigDecimal.valueOf(random.nextInt(300), 2).toPlainString();
            minute += random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(400); // some fills at the same minute: ties
            orders.add(new FilledOrder(STRATEGIES[random.nextInt(STRATEGIES.length)], symbol, side,
                    String.valueOf(1 + random.nextInt(20)), price.toPlainString(), fee, TYPES[random.nextInt(TYPES.length)],
                    minute, stop, random.nextInt(3) == 0 ? null : TAGS[random.nextInt(TAGS.length)]));
        }
        return orders;
    }
}
