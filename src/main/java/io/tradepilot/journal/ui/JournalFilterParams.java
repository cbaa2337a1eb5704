package io.tradepilot.journal.ui;

import io.tradepilot.journal.ExitReason;
import io.tradepilot.journal.Outcome;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradingMode;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Journal page's filter as URL query parameters, so a filtered view can be bookmarked: {@code range}
 * (7d, 30d, 90d, ytd, all; custom when {@code from}/{@code to} are given), {@code symbol}, {@code side},
 * {@code strategy}, {@code outcome}, {@code tag}, {@code mode}, {@code exit} (exit reason). Unknown or malformed values are ignored
 * (a bookmark never breaks the page); dates are in the market zone.
 */
final class JournalFilterParams {

    /** The preset date ranges. */
    enum Range {
        LAST_7_DAYS("7d"), LAST_30_DAYS("30d"), LAST_90_DAYS("90d"), YEAR_TO_DATE("ytd"), ALL("all"), CUSTOM("custom");

        final String param;

        Range(String param) {
            this.param = param;
        }

        static Range of(String param) {
            for (Range r : values()) if (r.param.equalsIgnoreCase(param)) return r;
            return null;
        }
    }

    private JournalFilterParams() {
    }

    /** The filter the parameters describe; without any, the last 30 days. */
    static TradeFilter parse(Map<String, List<String>> params, Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Range range = Range.of(first(params, "range"));
        LocalDate from = date(first(params, "from"));
        LocalDate to = date(first(params, "to"));
        if (range == null) range = from != null || to != null ? Range.CUSTOM : Range.LAST_30_DAYS;
        switch (range) {
            case LAST_7_DAYS -> { from = today.minusDays(6); to = null; }
            case LAST_30_DAYS -> { from = today.minusDays(29); to = null; }
            case LAST_90_DAYS -> { from = today.minusDays(89); to = null; }
            case YEAR_TO_DATE -> { from = today.withDayOfYear(1); to = null; }
            case ALL -> { from = null; to = null; }
            case CUSTOM -> { }
        }
        if (from != null && to != null && to.isBefore(from)) to = null;
        return new TradeFilter(from, to, text(first(params, "symbol")), value(TradeSide.class, first(params, "side")),
                text(first(params, "strategy")), value(Outcome.class, first(params, "outcome")), text(first(params, "tag")),
                value(TradingMode.class, first(params, "mode")), value(ExitReason.class, first(params, "exit")));
    }

    /** The parameters for {@code filter} with {@code range} (the dates are written only for CUSTOM). */
    static Map<String, String> format(Range range, TradeFilter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("range", range.param);
        if (range == Range.CUSTOM) {
            if (filter.from() != null) params.put("from", filter.from().toString());
            if (filter.to() != null) params.put("to", filter.to().toString());
        }
        if (filter.symbol() != null) params.put("symbol", filter.symbol());
        if (filter.side() != null) params.put("side", filter.side().name());
        if (filter.strategy() != null) params.put("strategy", filter.strategy());
        if (filter.outcome() != null) params.put("outcome", filter.outcome().name());
        if (filter.tag() != null) params.put("tag", filter.tag());
        if (filter.mode() != null) params.put("mode", filter.mode().name());
        if (filter.exitReason() != null) params.put("exit", filter.exitReason().name());
        return params;
    }

    /** The range the parameters name (LAST_30_DAYS by default, CUSTOM when only dates are given). */
    static Range range(Map<String, List<String>> params) {
        Range r = Range.of(first(params, "range"));
        if (r != null) return r;
        return first(params, "from") != null || first(params, "to") != null ? Range.CUSTOM : Range.LAST_30_DAYS;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static LocalDate date(String value) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        return v.length() > 64 || v.chars().anyMatch(Character::isISOControl) ? null : v;
    }

    private static <E extends Enum<E>> E value(Class<E> type, String value) {
        if (value == null) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
