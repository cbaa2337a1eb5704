package io.tradepilot.journal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
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
 */
public record TradeBreakdown(List<Bucket> bySymbol, List<Bucket> byStrategy, List<Bucket> byTag, List<Bucket> byWeekday,
                             List<Bucket> byHour, List<Bucket> rHistogram, int noStop) {

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
    }

    /** One group: its label, how many closed trades it holds and their net P&amp;L. */
    public record Bucket(String label, int trades, BigDecimal netPnl) {
    }

    /** The breakdown of {@code trades} (open ones are left out), hours and weekdays in {@code zone}. */
    public static TradeBreakdown of(List<Trade> trades, ZoneId zone) {
        List<Trade> closed = trades.stream().filter(t -> t.status() == TradeStatus.CLOSED).toList();
        Map<String, Bucket> tags = new TreeMap<>();
        for (Trade t : closed) {
            for (String tag : t.tags().isEmpty() ? List.of(NO_TAG) : t.tags()) add(tags, tag, t);
        }
        List<Bucket> byTag = new ArrayList<>(tags.values().stream().filter(b -> !b.label().equals(NO_TAG)).toList());
        if (tags.containsKey(NO_TAG)) byTag.add(tags.get(NO_TAG));

        Map<DayOfWeek, Bucket> weekdays = new TreeMap<>();
        Map<Integer, Bucket> hours = new TreeMap<>();
        TreeMap<BigDecimal, Bucket> bins = new TreeMap<>();
        int noStop = 0;
        for (Trade t : closed) {
            var at = t.exitTime().atZone(zone);
            weekdays.merge(at.getDayOfWeek(), new Bucket(at.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), 1,
                    t.netPnl()), TradeBreakdown::sum);
            hours.merge(at.getHour(), new Bucket(String.format(Locale.ROOT, "%02d:00", at.getHour()), 1, t.netPnl()),
                    TradeBreakdown::sum);
            if (t.rMultiple() == null) {
                noStop++;
            } else {
                BigDecimal low = t.rMultiple().divide(BIN, 0, RoundingMode.FLOOR).multiply(BIN);
                bins.merge(low, new Bucket(binLabel(low), 1, t.netPnl()), TradeBreakdown::sum);
            }
        }
        List<Bucket> histogram = new ArrayList<>();
        if (!bins.isEmpty()) {
            BigDecimal last = bins.lastKey();
            for (BigDecimal low = bins.firstKey(); low.compareTo(last) <= 0; low = low.add(BIN)) {
                Bucket b = bins.get(low);
                histogram.add(b != null ? b : new Bucket(binLabel(low), 0, BigDecimal.ZERO));
            }
        }
        return new TradeBreakdown(group(closed, Trade::symbol), group(closed, Trade::strategy), byTag,
                List.copyOf(weekdays.values()), List.copyOf(hours.values()), histogram, noStop);
    }

    private static List<Bucket> group(List<Trade> closed, Function<Trade, String> key) {
        Map<String, Bucket> groups = new TreeMap<>();
        for (Trade t : closed) add(groups, key.apply(t), t);
        return List.copyOf(groups.values());
    }

    private static void add(Map<String, Bucket> groups, String label, Trade t) {
        groups.merge(label, new Bucket(label, 1, t.netPnl()), TradeBreakdown::sum);
    }

    private static Bucket sum(Bucket a, Bucket b) {
        return new Bucket(a.label(), a.trades() + b.trades(), a.netPnl().add(b.netPnl()));
    }

    private static String binLabel(BigDecimal low) {
        return "[" + low.setScale(1, RoundingMode.UNNECESSARY).toPlainString() + ", "
                + low.add(BIN).setScale(1, RoundingMode.UNNECESSARY).toPlainString() + ")";
    }
}
