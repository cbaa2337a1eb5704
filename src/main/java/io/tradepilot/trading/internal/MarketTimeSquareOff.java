package io.tradepilot.trading.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.SquareOffRule;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.marketdata.BarSeries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The end-of-day square-off in market time, for a feed that is not real time (accelerated or a replay):
 * after each time step the host asks {@link #afterStep}; once per trading day, for the first step whose
 * bars end at or after the day's cut-off ({@link SquareOffRule}), it answers the engine command that
 * closes the intraday symbols' positions, which then fill at the next bar's open. This is the rule the
 * backtester's exit policy applies ({@code ExitManager}: the bar that ends at or after the time).
 *
 * <p>Not thread-safe: the feed thread owns it.
 */
final class MarketTimeSquareOff {

    private final ExchangeCalendar calendar;
    private final SquareOffRule rule;
    private final Set<String> symbols;
    private final long barMillis;
    private LocalDate squaredOff;

    /**
     * @param barMillis the bar length (a step's bars end this long after they start), positive
     */
    MarketTimeSquareOff(ExchangeCalendar calendar, SquareOffRule rule, Set<String> symbols, long barMillis) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.symbols = Set.copyOf(symbols);
        if (barMillis <= 0) throw new IllegalArgumentException("bar length must be positive: " + barMillis);
        this.barMillis = barMillis;
    }

    /** The square-off to send after the step whose bars start at {@code stepStartMillis}, or empty. */
    Optional<EngineCommand.SquareOff> afterStep(long stepStartMillis) {
        if (symbols.isEmpty()) return Optional.empty();
        ZoneId zone = calendar.zone();
        LocalDate day = Instant.ofEpochMilli(stepStartMillis).atZone(zone).toLocalDate();
        if (day.equals(squaredOff)) return Optional.empty();
        Instant end = Instant.ofEpochMilli(stepStartMillis + barMillis);
        Optional<Instant> cutOff = rule.cutOff(calendar, day).map(t -> t.toInstant());
        if (cutOff.isEmpty() || end.isBefore(cutOff.get())) return Optional.empty();
        squaredOff = day;
        return Optional.of(new EngineCommand.SquareOff(symbols, "end-of-day square-off " + day + " at "
                + cutOff.get().atZone(zone).toLocalTime() + " (market time)"));
    }

    /**
     * The bar length of the feed: the shortest positive gap between consecutive bars of one day in any
     * series (nights and weekends are longer); {@code fallbackMillis} when no series has two bars in a day.
     */
    static long barLength(Collection<BarSeries> series, long fallbackMillis) {
        long best = Long.MAX_VALUE;
        for (BarSeries s : series) {
            int n = Math.min(s.size(), 2_000);
            for (int i = 1; i < n; i++) {
                long gap = s.startMillis(i) - s.startMillis(i - 1);
                if (gap > 0 && gap < best && s.start(i).atZone(s.zone()).toLocalDate().equals(s.start(i - 1).atZone(s.zone()).toLocalDate())) {
                    best = gap;
                }
            }
        }
        return best == Long.MAX_VALUE ? fallbackMillis : best;
    }
}
