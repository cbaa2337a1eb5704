package io.tradepilot.journal.internal;

import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeBreakdown;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradePage;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradeStatistics;
import io.tradepilot.journal.TradeStatus;
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
 * {@link JournalQueries} over the {@link JournalBook}: filters, sorts and pages in memory (see docs/journal.md
 * for the costs), adds tags and notes from the journal's tables, and MAE/MFE from the bar cache for a single trade.
 */
class DefaultJournalQueries implements JournalQueries {

    private static final Logger log = LoggerFactory.getLogger(DefaultJournalQueries.class);

    private final JournalBook book;
    private final JooqJournalStore store;
    private final Supplier<MarketDataQueries> bars;
    private final ZoneId zone;

    /** @param bars the bar cache, or a supplier of null where there is none */
    DefaultJournalQueries(JournalBook book, JooqJournalStore store, Supplier<MarketDataQueries> bars, ZoneId zone) {
        this.book = book;
        this.store = store;
        this.bars = bars;
        this.zone = zone;
    }

    @Override
    public TradePage trades(TradeFilter filter, TradeSort sort, boolean descending, int offset, int limit) {
        if (offset < 0) throw JournalRefusal.badParameter("offset", "offset must not be negative");
        if (limit < 1 || limit > MAX_LIMIT) throw JournalRefusal.badParameter("limit", "limit must be 1.." + MAX_LIMIT);
        List<Trade> matching = matching(filter);
        matching.sort(sort.comparator(descending));
        int from = Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + limit);
        return new TradePage(withNotes(matching.subList(from, to)), matching.size(), offset, limit);
    }

    @Override
    public List<Trade> allTrades(TradeFilter filter, TradeSort sort, boolean descending) {
        List<Trade> matching = matching(filter);
        matching.sort(sort.comparator(descending));
        return matching;
    }

    @Override
    public Optional<Trade> trade(long id) {
        Trade t = book.current().byId(id);
        if (t == null) return Optional.empty();
        t = t.withAnnotations(store.allTags().getOrDefault(id, List.of()), store.notes(List.of(id)).get(id));
        BigDecimal[] excursion = excursion(t);
        return Optional.of(excursion == null ? t : t.withExcursions(excursion[0], excursion[1]));
    }

    @Override
    public TradeStatistics statistics(TradeFilter filter) {
        return TradeStatistics.of(matching(filter), zone);
    }

    @Override
    public TradeBreakdown breakdown(TradeFilter filter) {
        return TradeBreakdown.of(matching(filter), zone);
    }

    @Override
    public List<CachedBar> barsAround(long id) {
        Trade t = book.current().byId(id);
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

    /** The trades passing {@code filter}, with their tags; a new mutable list. */
    private List<Trade> matching(TradeFilter filter) {
        List<Trade> all = book.current().all();
        Map<Long, List<String>> tags = store.allTags();
        List<Trade> matching = new ArrayList<>();
        for (Trade t : all) {
            List<String> own = tags.get(t.id());
            Trade tagged = own == null ? t : t.withAnnotations(own, null);
            if (filter.matches(tagged, dayOf(tagged))) matching.add(tagged);
        }
        return matching;
    }

    private List<Trade> withNotes(List<Trade> page) {
        Map<Long, String> notes = store.notes(page.stream().map(Trade::id).toList());
        if (notes.isEmpty()) return page;
        return page.stream().map(t -> notes.containsKey(t.id()) ? t.withAnnotations(t.tags(), notes.get(t.id())) : t).toList();
    }

    /** The trade's date for filters: exit date when closed, entry date while open (market zone). */
    LocalDate dayOf(Trade t) {
        return (t.status() == TradeStatus.CLOSED ? t.exitTime() : t.entryTime()).atZone(zone).toLocalDate();
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
