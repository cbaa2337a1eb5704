package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.domain.BarCursor;

import io.tradepilot.engine.indicators.Atr;
import io.tradepilot.engine.indicators.Rsi;
import io.tradepilot.engine.indicators.Sma;
import io.tradepilot.engine.indicators.VolumeRatio;
import io.tradepilot.engine.indicators.Wma;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams completed weekly bars of one symbol and keeps its 3WI setups.
 *
 * <p>Per week, in this order: the indicators take the week; every ACTIVE setup is evaluated against the
 * week's close (strictly beyond the mother range: BREAKOUT with the filters and quality at this week;
 * else near-breakout flag; EXPIRED once {@code maxWeeksActive} weeks after the pattern have closed
 * inside); then, when the last three weeks form the pattern, a new ACTIVE setup is added. So a breakout
 * is never looked for on the pattern's own week (the seed did that: that week is inside by definition).
 *
 * <p>Idempotent: one setup per {@code {symbol}_1W_{week}}; a week not later than the last one taken
 * is ignored (no events, no change), so feeding the same data again changes nothing, and the same
 * weeks always give the same setups. Indicator math in doubles; price comparisons exact.
 */
public final class ThreeWeekInsideDetector {
    private final String symbol;
    private final int maxWeeksActive;
    private final Rsi rsi = new Rsi(14);
    private final Wma wma20 = new Wma(20), wma50 = new Wma(50), wma100 = new Wma(100);
    private final Sma sma20 = new Sma(20), sma50 = new Sma(50);
    private final VolumeRatio volume = new VolumeRatio(20);
    private final Atr atr = new Atr(14);
    private final WeekBar[] last = new WeekBar[3];
    private final Map<String, Setup> setups = new LinkedHashMap<>();
    private final List<String> active = new ArrayList<>();
    private final Map<String, Integer> weeksActive = new LinkedHashMap<>();
    private WeekIndicators latest;

    /** @param maxWeeksActive weeks after the pattern week in which a breakout may come (at least 1) */
    public ThreeWeekInsideDetector(String symbol, int maxWeeksActive) {
        if (maxWeeksActive < 1) throw new IllegalArgumentException("maxWeeksActive must be at least 1, got " + maxWeeksActive);
        this.symbol = symbol;
        this.maxWeeksActive = maxWeeksActive;
    }

    public ThreeWeekInsideDetector(String symbol) {
        this(symbol, 4);
    }

    /** Takes one completed week; returns what it did (empty when the week was already taken). */
    public List<SetupEvent> onWeek(WeekBar w) {
        if (last[2] != null && !w.monday().isAfter(last[2].monday())) return List.of();
        double close = BarCursor.toDouble(w.close(), w.decimals());
        double high = BarCursor.toDouble(w.high(), w.decimals()), low = BarCursor.toDouble(w.low(), w.decimals());
        rsi.update(close);
        wma20.update(close);
        wma50.update(close);
        wma100.update(close);
        sma20.update(close);
        sma50.update(close);
        volume.update(w.volume());
        atr.update(high, low, close);
        WeekIndicators in = new WeekIndicators(close, v(rsi.ready(), rsi.value()), v(wma20.ready(), wma20.value()),
                v(wma50.ready(), wma50.value()), v(wma100.ready(), wma100.value()), v(sma20.ready(), sma20.value()),
                v(sma50.ready(), sma50.value()), v(volume.ready(), volume.value()), v(atr.ready(), atr.value()));
        latest = in;
        List<SetupEvent> events = new ArrayList<>();
        BigDecimal closeExact = BigDecimal.valueOf(w.close(), w.decimals());
        for (var it = active.iterator(); it.hasNext(); ) {
            String id = it.next();
            Setup s = setups.get(id);
            long mh = scaled(s.motherHigh(), w.decimals()), ml = scaled(s.motherLow(), w.decimals());
            Direction d = ThreeWeekInsideRules.breakout(w.close(), mh, ml);
            if (d != null) {
                WeekBar mother = new WeekBar(s.motherWeek(), s.motherWeek(), ml, mh, ml, scaled(s.motherClose(), w.decimals()), 0, w.decimals());
                Setup b = s.closed(d == Direction.UP ? SetupStatus.BREAKOUT_UP : SetupStatus.BREAKOUT_DOWN, w.monday(), closeExact,
                        ThreeWeekInsideRules.filters(in, d), ThreeWeekInsideRules.quality(mother, in, d));
                setups.put(id, b);
                it.remove();
                events.add(new SetupEvent(SetupEvent.Kind.BREAKOUT, b, in));
                continue;
            }
            int n = weeksActive.merge(id, 1, Integer::sum);
            boolean near = ThreeWeekInsideRules.isNearBreakout(w.close(), mh);
            if (n >= maxWeeksActive) {
                Setup e = s.closed(SetupStatus.EXPIRED, w.monday(), closeExact, null, -1);
                setups.put(id, e);
                it.remove();
                events.add(new SetupEvent(SetupEvent.Kind.EXPIRED, e, in));
                continue;
            }
            Setup u = s.evaluated(w.monday(), closeExact, near);
            setups.put(id, u);
            if (near) events.add(new SetupEvent(SetupEvent.Kind.NEAR_BREAKOUT, u, in));
        }
        last[0] = last[1];
        last[1] = last[2];
        last[2] = w;
        if (last[0] != null && ThreeWeekInsideRules.isPattern(last[0], last[1], last[2])) {
            WeekBar m = last[0];
            String id = Setup.idOf(symbol, w.monday());
            if (!setups.containsKey(id)) {
                BigDecimal pct = BigDecimal.valueOf(m.high() - m.low()).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(m.close()), 2, RoundingMode.HALF_EVEN);
                boolean near = ThreeWeekInsideRules.isNearBreakout(w.close(), m.high());
                Setup s = new Setup(id, symbol, m.monday(), w.monday(), BigDecimal.valueOf(m.high(), m.decimals()),
                        BigDecimal.valueOf(m.low(), m.decimals()), BigDecimal.valueOf(m.close(), m.decimals()), pct,
                        ThreeWeekInsideRules.quality(m, in), SetupStatus.ACTIVE, near, w.monday(), closeExact, null, null, -1);
                setups.put(id, s);
                active.add(id);
                weeksActive.put(id, 0);
                events.add(new SetupEvent(SetupEvent.Kind.DETECTED, s, in));
            }
        }
        return events;
    }

    /** Every setup so far, in order of detection (latest state of each). */
    public Collection<Setup> setups() {
        return Collections.unmodifiableCollection(setups.values());
    }

    /** The setups still waiting for a breakout. */
    public List<Setup> activeSetups() {
        return active.stream().map(setups::get).toList();
    }

    /** Indicator values of the latest week, null before the first. */
    public WeekIndicators latestIndicators() {
        return latest;
    }

    public String symbol() {
        return symbol;
    }

    private static double v(boolean ready, double value) {
        return ready ? value : Double.NaN;
    }


    private static long scaled(BigDecimal p, int decimals) {
        return p.movePointRight(decimals).longValueExact();
    }
}
