package io.tradepilot.engine.marketdata;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Aggregates a series into calendar periods of its exchange zone: trading days, or Monday-based
 * (ISO) weeks.
 *
 * <p>Each output bar covers the input bars whose start falls in one period (local date of the start in
 * {@link BarSeries#zone()}): open of the first, highest high, lowest low, close of the last, summed
 * volume. Its start is the period's first local midnight (the Monday for weeks) even when that day
 * had no trading (a holiday), so a week's stamp does not depend on which days traded. Periods without
 * bars produce no output bar; short weeks (holidays) simply aggregate fewer bars, and weekend special
 * sessions (NSE's Diwali Muhurat on a Sunday, Saturday sessions) belong to the ISO week that ends on
 * that Sunday. The last output bar
 * covers whatever the input holds of its period: callers acting only on completed periods must check
 * that the period has ended. Output is stamped {@link TimeStamping#DATE}, same symbol, zone and scale.
 *
 * @throws ArithmeticException (from the methods) when a summed volume overflows a long
 */
public final class Resampler {

    private Resampler() {
    }

    /** Monday-based weekly bars. */
    public static BarSeries weekly(BarSeries in) {
        return aggregate(in, true);
    }

    /** One bar per local trading date (e.g. 5-minute bars to daily bars). */
    public static BarSeries daily(BarSeries in) {
        return aggregate(in, false);
    }

    /** The epoch day of the Monday of the ISO week containing {@code epochDay} (1970-01-01 was a Thursday). */
    static long mondayOf(long epochDay) {
        return epochDay - Math.floorMod(epochDay + 3, 7);
    }

    private static BarSeries aggregate(BarSeries in, boolean weekly) {
        ZoneId zone = in.zone();
        ZoneRules rules = zone.getRules();
        boolean fixed = rules.isFixedOffset();
        long fixedOffset = fixed ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
        int n = in.size();
        BarSeries.Builder out = new BarSeries.Builder(in.symbol(), zone, TimeStamping.DATE, in.priceScale(), weekly ? n / 4 + 1 : n / 50 + 1);
        long key = Long.MIN_VALUE;
        long o = 0, h = 0, l = 0, c = 0, v = 0;
        for (int i = 0; i < n; i++) {
            long ms = in.startMillis(i);
            long secs = Math.floorDiv(ms, 1000);
            long offset = fixed ? fixedOffset : rules.getOffset(java.time.Instant.ofEpochSecond(secs)).getTotalSeconds();
            long day = Math.floorDiv(secs + offset, 86400);
            long k = weekly ? mondayOf(day) : day;
            if (k != key) {
                if (key != Long.MIN_VALUE) out.add(midnight(key, zone, fixed, fixedOffset), o, h, l, c, v);
                key = k;
                o = in.open(i);
                h = in.high(i);
                l = in.low(i);
                v = 0;
            } else {
                h = Math.max(h, in.high(i));
                l = Math.min(l, in.low(i));
            }
            c = in.close(i);
            v = Math.addExact(v, in.volume(i));
        }
        if (key != Long.MIN_VALUE) out.add(midnight(key, zone, fixed, fixedOffset), o, h, l, c, v);
        return out.build();
    }

    private static long midnight(long epochDay, ZoneId zone, boolean fixed, long fixedOffset) {
        if (fixed) return (epochDay * 86400 - fixedOffset) * 1000;
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
