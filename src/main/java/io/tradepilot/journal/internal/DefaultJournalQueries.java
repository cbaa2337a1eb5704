package io.tradepilot.journal.internal;

import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeBreakdown;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeFill;
import io.tradepilot.journal.TradePage;
import io.tradepilot.journal.TradePlan;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradeStatistics;
import io.tradepilot.journal.TradeStatus;
import io.tradepilot.scheduler.SetupPlans;
import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.MarketDataUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link JournalQueries} over the materialized trades ({@link JooqTradeTable}, kept current by {@link JournalBook}
 * before each read): filter, sort and page in SQL, statistics aggregated in PostgreSQL; notes from the journal's
 * table, and MAE/MFE from the bar cache for a single trade. See docs/journal.md for the plans and costs.
 */
class DefaultJournalQueries implements JournalQueries {

    private static final Logger log = LoggerFactory.getLogger(DefaultJournalQueries.class);

    private final JournalBook book;
    private final JooqTradeTable table;
    private final JooqJournalStore store;
    private final Supplier<MarketDataQueries> bars;
    private final Supplier<SetupPlans> plans;
    private final ZoneId zone;

    /** @param bars the bar cache, or a supplier of null where there is none */
    DefaultJournalQueries(JournalBook book, JooqTradeTable table, JooqJournalStore store, Supplier<MarketDataQueries> bars,
                          ZoneId zone) {
        this(book, table, store, bars, () -> null, zone);
    }

    /** @param plans the scheduler's setup plans (null from the supplier: none, e.g. without the scheduler) */
    DefaultJournalQueries(JournalBook book, JooqTradeTable table, JooqJournalStore store, Supplier<MarketDataQueries> bars,
                          Supplier<SetupPlans> plans, ZoneId zone) {
        this.plans = plans;
        this.book = book;
        this.table = table;
        this.store = store;
        this.bars = bars;
        this.zone = zone;
    }

    @Override
    public TradePage trades(TradeFilter filter, TradeSort sort, boolean descending, int offset, int limit) {
        if (offset < 0) throw JournalRefusal.badParameter("offset", "offset must not be negative");
        if (limit < 1 || limit > MAX_LIMIT) throw JournalRefusal.badParameter("limit", "limit must be 1.." + MAX_LIMIT);
        book.syncIfBehind();
        List<Trade> page = table.trades(filter, sort, descending, offset, limit, true);
        return new TradePage(withCharges(withNotes(page)), table.count(filter), offset, limit);
    }

    @Override
    public Optional<TradePlan> plan(long id) {
        SetupPlans setups = plans.get();
        if (setups == null) return Optional.empty();
        book.syncIfBehind();
        Trade trade = table.trade(id);
        if (trade == null) return Optional.empty();
        return trade.fills().stream().filter(f -> f.role() == TradeFill.Role.ENTRY).findFirst()
                .flatMap(f -> setups.ofEntryOrder(f.orderId()))
                .map(p -> new TradePlan("3WI setup " + p.setupId(), p.entry(), p.stop(), p.target1(), p.target2()));
    }

    @Override
    public TradePage tradesAfter(TradeFilter filter, TradeSort sort, boolean descending, long afterId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw JournalRefusal.badParameter("limit", "limit must be 1.." + MAX_LIMIT);
        book.syncIfBehind();
        List<Trade> page = table.tradesAfter(filter, sort, descending, afterId, limit);
        if (page == null) throw JournalRefusal.badParameter("after", "no trade " + afterId + " to continue after");
        return new TradePage(withCharges(withNotes(page)), table.count(filter), 0, limit);
    }

    @Override
    public List<Trade> allTrades(TradeFilter filter, TradeSort sort, boolean descending) {
        book.syncIfBehind();
        return withCharges(table.trades(filter, sort, descending, 0, -1, true));
    }

    @Override
    public Optional<Trade> trade(long id) {
        book.syncIfBehind();
        Trade t = table.trade(id);
        if (t == null) return Optional.empty();
        t = withCharges(List.of(t)).getFirst().withAnnotations(t.tags(), store.notes(List.of(id)).get(id));
        BigDecimal[] excursion = excursion(t);
        return Optional.of(excursion == null ? t : t.withExcursions(excursion[0], excursion[1]));
    }

    @Override
    public TradeStatistics statistics(TradeFilter filter) {
        book.syncIfBehind();
        return table.statistics(filter);
    }

    @Override
    public TradeBreakdown breakdown(TradeFilter filter) {
        book.syncIfBehind();
        return table.breakdown(filter);
    }

    @Override
    public List<CachedBar> barsAround(long id) {
        book.syncIfBehind();
        Trade t = table.trade(id);
        if (t == null) return List.of();
        List<CachedBar> recent = recentBars(t.symbol());
        return recent == null ? List.of() : around(t, recent, CONTEXT_BARS);
    }
    /** The bars of {@code recent} (oldest first) from {@code context} before the entry bar to {@code context} after the exit bar. */
    static List<CachedBar> around(Trade t, List<CachedBar> recent, int context) {
        if (recent.isEmpty() || recent.getFirst().start().isAfter(t.entryTime())) return List.of();
        int entry = 0;
        while (entry + 1 < recent.size() && !recent.get(entry + 1).start().isAfter(t.entryTime())) entry++;
        int exit = recent.size() - 1;
        if (t.exitTime() != null) {
            exit = entry;
            while (exit + 1 < recent.size() && !recent.get(exit + 1).start().isAfter(t.exitTime())) exit++;
        }
        return List.copyOf(recent.subList(Math.max(0, entry - context), Math.min(recent.size(), exit + context + 1)));
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public List<String> tags() {
        Set<String> tags = new LinkedHashSet<>(store.tagCounts().keySet());
        tags.addAll(JournalAnnotations.SUGGESTED_TAGS);
        return List.copyOf(tags);
    }

    /** {@code trades} with their fills' charges by kind from the ledger ({@link ChargeShares}: each trade's part). */
    private List<Trade> withCharges(List<Trade> trades) {
        Map<Long, JooqJournalStore.FillCharges> charges = store.charges(trades.stream()
                .flatMap(t -> t.fills().stream()).map(TradeFill::seq).collect(java.util.stream.Collectors.toSet()));
        if (charges.isEmpty()) return trades;
        List<Trade> out = new ArrayList<>(trades.size());
        for (Trade t : trades) {
            List<TradeFill> fills = new ArrayList<>(t.fills().size());
            for (TradeFill f : t.fills()) {
                JooqJournalStore.FillCharges c = charges.get(f.seq());
                fills.add(c == null ? f : f.withCharges(ChargeShares.of(f, c.quantity(), c.commission(), c.kinds())));
            }
            out.add(t.withFills(fills));
        }
        return out;
    }

    private List<Trade> withNotes(List<Trade> page) {
        Map<Long, String> notes = store.notes(page.stream().map(Trade::id).toList());
        if (notes.isEmpty()) return page;
        return page.stream().map(t -> notes.containsKey(t.id()) ? t.withAnnotations(t.tags(), notes.get(t.id())) : t).toList();
    }

    private BigDecimal[] excursion(Trade t) {
        List<CachedBar> recent = recentBars(t.symbol());
        return recent == null ? null : Excursions.of(t, recent);
    }

    /** The newest bars of {@code symbol} in the cache (oldest first), or null when there is no cache or it fails. */
    private List<CachedBar> recentBars(String symbol) {
        MarketDataQueries cache = bars.get();
        if (cache == null) return null;
        try {
            return cache.recentBars(symbol, MarketDataQueries.MAX_LIMIT);
        } catch (IllegalArgumentException | MarketDataUnavailableException e) {
            log.debug("No cached bars of {}: {}", symbol, e.toString());
            return null;
        }
    }
}
