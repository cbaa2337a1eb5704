package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.marketdata.BarSeries;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scans a universe of daily series for current 3WI setups as of a date.
 *
 * <p>Per symbol: the daily bars up to and including {@code asOf} become weekly bars through the same
 * {@link WeeklyAggregator} the 3WI strategy uses in backtests and live ({@link #detect}), which go through a
 * {@link ThreeWeekInsideDetector}; so the scanner and a backtest see the same weeks. Listed: the setups still
 * ACTIVE (NEAR_BREAKOUT when the latest close is ≥ 99 % of the mother high) and those that broke out in
 * the as-of week, provided the symbol has a bar in the as-of week (stale symbols list nothing). The as-of
 * week may be incomplete ({@link ScanRow#weekComplete()} false unless the symbol's last bar is the
 * calendar's last trading day of that week): its close is then the latest daily close, provisional.
 *
 * <p>Breakouts get a plan (entry = breakout close, stop at the mother's far side, 1.5R/3R, sized on
 * {@code capital x riskFraction}). Tradeable breakouts (filters passed unless {@code requireFilters} is off, direction allowed) are sized in
 * order of quality (then symbol) while the summed risk stays within {@code maxOpenRisk x capital} of
 * {@code openRisk} already taken; the rest get quantity zero and a note. Rows are ordered breakouts
 * first, then near-breakouts, then active setups; by quality descending, then symbol. Deterministic:
 * the same series and date give the same rows.
 */
public final class ThreeWeekInsideScanner {
    private final ThreeWeekInsideParameters params;
    private final ExchangeCalendar calendar;

    public ThreeWeekInsideScanner(ThreeWeekInsideParameters params, ExchangeCalendar calendar) {
        this.params = params;
        this.calendar = calendar;
    }

    /**
     * Scans {@code universe} (symbol → daily series) as of {@code asOf}; null means the latest date in the
     * universe. {@code openRisk} is the risk already open (zero for a fresh book).
     */
    public List<ScanRow> scan(Map<String, BarSeries> universe, LocalDate asOf, BigDecimal openRisk) {
        if (asOf == null) asOf = latestDate(universe);
        if (asOf == null) return List.of();
        LocalDate asOfMonday = asOf.with(DayOfWeek.MONDAY);
        List<ScanRow> breakouts = new ArrayList<>();
        List<ScanRow> others = new ArrayList<>();
        for (var entry : new TreeMap<>(universe).entrySet()) {
            BarSeries daily = upTo(entry.getValue(), asOf);
            if (daily.isEmpty()) continue;
            LocalDate lastDay = daily.start(daily.size() - 1).atZone(daily.zone()).toLocalDate();
            if (!lastDay.with(DayOfWeek.MONDAY).equals(asOfMonday)) continue;
            boolean complete = isWeekEnd(lastDay);
            ThreeWeekInsideDetector d = detect(entry.getKey(), daily);
            for (Setup s : d.setups()) {
                if (!asOfMonday.equals(s.lastWeek())) continue;
                switch (s.status()) {
                    case ACTIVE -> others.add(new ScanRow(s, s.nearBreakout() ? "NEAR_BREAKOUT" : "ACTIVE", complete, null, false, ""));
                    case BREAKOUT_UP, BREAKOUT_DOWN -> breakouts.add(breakoutRow(s, complete));
                    default -> {
                    }
                }
            }
        }
        Comparator<ScanRow> byQuality = Comparator.comparingInt((ScanRow r) -> -r.setup().quality())
                .thenComparing(r -> r.setup().symbol()).thenComparing(r -> r.setup().id());
        breakouts.sort(Comparator.comparingInt((ScanRow r) -> -r.setup().breakoutQuality()).thenComparing(byQuality));
        List<ScanRow> capped = new ArrayList<>();
        BigDecimal cap = params.capital().multiply(params.maxOpenRisk());
        BigDecimal used = openRisk;
        for (ScanRow r : breakouts) {
            if (r.tradeable() && r.plan().quantity().signum() > 0) {
                if (used.add(r.plan().risk()).compareTo(cap) > 0) {
                    TradePlan p = r.plan();
                    r = new ScanRow(r.setup(), r.state(), r.weekComplete(), new TradePlan(p.side(), p.entry(), p.stop(), p.r(), p.t1(), p.t2(),
                            BigDecimal.ZERO, BigDecimal.ZERO), true, "open risk cap " + cap.toPlainString() + " reached");
                } else {
                    used = used.add(r.plan().risk());
                }
            }
            capped.add(r);
        }
        others.sort(Comparator.comparing((ScanRow r) -> r.state().equals("NEAR_BREAKOUT") ? 0 : 1).thenComparing(byQuality));
        List<ScanRow> all = new ArrayList<>(capped);
        all.addAll(others);
        return all;
    }

    /**
     * The detector after {@code daily}'s weeks, built exactly as the 3WI strategy builds them in a backtest
     * or live: the daily bars go one by one through a {@link WeeklyAggregator} on this scanner's calendar and
     * each week goes to the detector when the aggregator reports it complete. Then, unlike the strategy, the
     * last week goes in even when it is not complete yet (its provisional close is the latest daily close),
     * so that an as-of date in mid-week scans the week so far.
     */
    public ThreeWeekInsideDetector detect(String symbol, BarSeries daily) {
        ThreeWeekInsideDetector d = new ThreeWeekInsideDetector(symbol, params.maxWeeksActive());
        WeeklyAggregator weeks = new WeeklyAggregator(calendar);
        for (int i = 0; i < daily.size(); i++) {
            for (WeekBar w : weeks.onDay(daily.startMillis(i), daily.open(i), daily.high(i), daily.low(i), daily.close(i), daily.volume(i),
                    daily.priceScale()).weeks()) {
                d.onWeek(w);
            }
        }
        WeekBar last = weeks.current();
        if (last != null) d.onWeek(last);
        return d;
    }

    private ScanRow breakoutRow(Setup s, boolean complete) {
        boolean up = s.status() == SetupStatus.BREAKOUT_UP;
        TradePlan plan = ThreeWeekInsideRules.plan(up ? Side.BUY : Side.SELL, s.lastClose(), up ? s.motherLow() : s.motherHigh(),
                params.capital(), params.riskFraction(), BigDecimal.ONE);
        String note = "";
        if (!up && !params.allowShorts()) note = "shorts not allowed";
        else if (params.requireFilters() && !s.filters().passed()) note = "filters failed: " + String.join(" ", s.filters().failed());
        else if (plan.quantity().signum() == 0) note = "risk budget buys no share";
        return new ScanRow(s, s.status().name(), complete, plan, note.isEmpty(), note);
    }

    private boolean isWeekEnd(LocalDate day) {
        return new WeeklyAggregator(calendar).isLastTradingDayOfWeek(day);
    }

    private static BarSeries upTo(BarSeries s, LocalDate asOf) {
        long limit = asOf.plusDays(1).atStartOfDay(s.zone()).toInstant().toEpochMilli();
        int n = 0;
        while (n < s.size() && s.startMillis(n) < limit) n++;
        return n == s.size() ? s : s.slice(0, n);
    }

    /** The latest bar date (in each series' zone) across the universe, null when it is empty. */
    public static LocalDate latestDate(Map<String, BarSeries> universe) {
        LocalDate max = null;
        for (BarSeries s : universe.values()) {
            if (s.isEmpty()) continue;
            LocalDate d = Instant.ofEpochMilli(s.startMillis(s.size() - 1)).atZone(s.zone()).toLocalDate();
            if (max == null || d.isAfter(max)) max = d;
        }
        return max;
    }
}
