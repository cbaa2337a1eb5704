package io.tradepilot.journal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the P&amp;L of a set of trades came from: net P&amp;L and trade count per symbol, strategy, tag, weekday and
 * hour, and the distribution of R. Closed trades only; times are exit times in the market zone. A trade with
 * several tags counts under each of them; an untagged one under {@value #NO_TAG}. Money exact.
 *
 * @param bySymbol   by symbol, alphabetical
 * @param byStrategy by strategy, alphabetical
 * @param byTag      by tag, alphabetical, {@value #NO_TAG} last
 * @param byWeekday  by exit weekday, Monday first, only days with trades
 * @param byHour     by exit hour ({@code "09:00"}), only hours with trades
 * @param rHistogram R multiples in bins {@value #R_BIN} R wide, closed below and open above
 *                   ({@code "[-1.0, -0.5)"}), from the lowest bin with a trade to the highest, empty bins included
 * @param noStop     closed trades without an R (no stop known): not in the histogram
 * @param byExitReason by {@link ExitReason} (its name), in the enum's order, only reasons with trades
 */
public record TradeBreakdown(List<Bucket> bySymbol, List<Bucket> byStrategy, List<Bucket> byTag, List<Bucket> byWeekday,
                             List<Bucket> byHour, List<Bucket> rHistogram, int noStop, List<Bucket> byExitReason) {

    /** The label of untagged trades. */
    public static final String NO_TAG = "(no tag)";
    /** The width of an R histogram bin. */
    public static final String R_BIN = "0.5";

    private static final BigDecimal BIN = new BigDecimal(R_BIN);

    public TradeBreakdown {
        bySymbol = List.copyOf(bySymbol);
        byStrategy = List.copyOf(byStrategy);
        byTag = List.copyOf(byTag);
        byWeekday = List.copyOf(byWeekday);
        byHour = List.copyOf(byHour);
        rHistogram = List.copyOf(rHistogram);
        byExitReason = List.copyOf(byExitReason);
    }

    /** A breakdown without exit reasons. */
    public TradeBreakdown(List<Bucket> bySymbol, List<Bucket> byStrategy, List<Bucket> byTag, List<Bucket> byWeekday,
                          List<Bucket> byHour, List<Bucket> rHistogram, int noStop) {
        this(bySymbol, byStrategy, byTag, byWeekday, byHour, rHistogram, noStop, List.of());
    }

    /** This breakdown with its exit reasons from groups counted elsewhere, keyed by the {@link ExitReason}'s name. */
    public TradeBreakdown withExitReasons(Map<String, Bucket> exits) {
        Map<ExitReason, Bucket> byReason = new HashMap<>();
        exits.forEach((name, b) -> byReason.put(ExitReason.valueOf(name), b));
        return new TradeBreakdown(bySymbol, byStrategy, byTag, byWeekday, byHour, rHistogram, noStop,
                labelled(byReason, ExitReason::name));
    }

    /** One group: its label, how many closed trades it holds and their net P&amp;L. */
    public record Bucket(String label, int trades, BigDecimal netPnl) {
    }

    /** The breakdown of {@code trades} (open ones are left out), hours and weekdays in {@code zone}. */
    public static TradeBreakdown of(List<Trade> trades, ZoneId zone) {
        Map<String, Bucket> symbols = new HashMap<>(), strategies = new HashMap<>(), tags = new HashMap<>();
        Map<DayOfWeek, Bucket> weekdays = new HashMap<>();
        Map<Integer, Bucket> hours = new HashMap<>();
        Map<Long, Bucket> bins = new HashMap<>();
        Map<String, Bucket> exits = new HashMap<>();
        int noStop = 0;
        for (Trade t : trades) {
            if (t.status() != TradeStatus.CLOSED) continue;
            Bucket one = new Bucket("", 1, t.netPnl());
            if (t.exitReason() != null) exits.merge(t.exitReason().name(), one, TradeBreakdown::sum);
            symbols.merge(t.symbol(), one, TradeBreakdown::sum);
            strategies.merge(t.strategy(), one, TradeBreakdown::sum);
            for (String tag : t.tags().isEmpty() ? List.of(NO_TAG) : t.tags()) tags.merge(tag, one, TradeBreakdown::sum);
            var at = t.exitTime().atZone(zone);
            weekdays.merge(at.getDayOfWeek(), one, TradeBreakdown::sum);
            hours.merge(at.getHour(), one, TradeBreakdown::sum);
            if (t.rMultiple() == null) {
                noStop++;
            } else {
                bins.merge(t.rMultiple().divide(BIN, 0, RoundingMode.FLOOR).longValueExact(), one, TradeBreakdown::sum);
            }
        }
        return of(symbols, strategies, tags, weekdays, hours, bins, noStop).withExitReasons(exits);
    }

    /**
     * The breakdown from groups counted elsewhere (e.g. in the database) by the rules of {@link #of(List, ZoneId)},
     * labelled and ordered as it does (the buckets' labels are ignored): by symbol, strategy, tag ({@value #NO_TAG}
     * for untagged trades), exit weekday, exit hour (0..23), R bin (its index: floor(R / {@value #R_BIN})), and the
     * number of closed trades without an R.
     */
    public static TradeBreakdown of(Map<String, Bucket> symbols, Map<String, Bucket> strategies, Map<String, Bucket> tags,
                                    Map<DayOfWeek, Bucket> weekdays, Map<Integer, Bucket> hours, Map<Long, Bucket> rBins,
                                    int noStop) {
        List<Bucket> byTag = new ArrayList<>(labelled(tags, tag -> tag).stream().filter(b -> !b.label().equals(NO_TAG)).toList());
        if (tags.containsKey(NO_TAG)) byTag.add(new Bucket(NO_TAG, tags.get(NO_TAG).trades(), tags.get(NO_TAG).netPnl()));
        List<Bucket> histogram = new ArrayList<>();
        if (!rBins.isEmpty()) {
            TreeMap<Long, Bucket> bins = new TreeMap<>(rBins);
            for (long bin = bins.firstKey(); bin <= bins.lastKey(); bin++) {
                Bucket b = bins.get(bin);
                histogram.add(new Bucket(binLabel(BIN.multiply(BigDecimal.valueOf(bin))), b == null ? 0 : b.trades(),
                        b == null ? BigDecimal.ZERO : b.netPnl()));
            }
        }
        return new TradeBreakdown(labelled(symbols, s -> s), labelled(strategies, s -> s), byTag,
                labelled(weekdays, d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)),
                labelled(hours, h -> String.format(Locale.ROOT, "%02d:00", h)), histogram, noStop);
    }

    /** The groups in their keys' natural order, labelled. */
    private static <K extends Comparable<K>> List<Bucket> labelled(Map<K, Bucket> groups, Function<K, String> label) {
        List<Bucket> buckets = new ArrayList<>(groups.size());
        new TreeMap<>(groups).forEach((k, b) -> buckets.add(new Bucket(label.apply(k), b.trades(), b.netPnl())));
        return buckets;
    }

    private static Bucket sum(Bucket a, Bucket b) {
        return new Bucket(a.label(), a.trades() + b.trades(), a.netPnl().add(b.netPnl()));
    }

    private static String binLabel(BigDecimal low) {
        return "[" + low.setScale(1, RoundingMode.UNNECESSARY).toPlainString() + ", "
                + low.add(BIN).setScale(1, RoundingMode.UNNECESSARY).toPlainString() + ")";
    }
}
