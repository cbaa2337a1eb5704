package io.tradepilot.marketdata.internal;

import io.tradepilot.marketdata.MarketDataRefusal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar interval as users write it: {@code 1d} (daily) or {@code <n>m} / {@code <n>h} (intraday, 1 minute to 24
 * hours, e.g. {@code 1m}, {@code 5m}, {@code 1h}). {@link #text()} is the canonical form ({@code 60m} stays
 * {@code 60m}; {@code 1h} is {@code 1h}): the series key.
 */
record BarInterval(String text, Duration length, boolean daily) {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,3})([mhd])");

    /** Parses {@code text}; refuses anything else with 400 {@code INVALID_PARAMETER} on {@code interval}. */
    static BarInterval parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (!m.matches()) throw bad(text);
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "d" -> {
                if (n != 1) throw bad(text);
                yield new BarInterval("1d", Duration.ofDays(1), true);
            }
            case "h" -> {
                if (n > 24) throw bad(text);
                yield new BarInterval(n + "h", Duration.ofHours(n), false);
            }
            default -> {
                if (n > 1440) throw bad(text);
                yield new BarInterval(n + "m", Duration.ofMinutes(n), false);
            }
        };
    }

    private static MarketDataRefusal bad(String text) {
        return MarketDataRefusal.badParameter("interval", "interval must be 1d or minutes/hours such as 1m, 5m, 15m, 1h; got '" + text + "'");
    }
}
