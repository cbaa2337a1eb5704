package io.tradepilot.engine.risk;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One strategy's own entry limits, from its configuration ({@code trading_hours}, {@code blackouts},
 * {@code max_positions}), checked by {@link StrategyLimits} for that strategy's entries only (orders that only
 * reduce a position always pass). Times are market-zone times (the engine's market zone).
 *
 * @param entryFrom    first time of day an entry is accepted (inclusive), null: no hours
 * @param entryUntil   last time of day an entry is accepted (inclusive), null: no hours; both or neither
 * @param blackouts    windows without entries
 * @param maxPositions positions the strategy may hold at once in {@code symbols} (open or with an entry working), 0: no limit
 * @param symbols      the strategy's symbols: its positions are the positions in them
 */
public record StrategyEntryRules(LocalTime entryFrom, LocalTime entryUntil, List<Blackout> blackouts, int maxPositions,
                                 Set<String> symbols) {

    /** No limit. */
    public static final StrategyEntryRules NONE = new StrategyEntryRules(null, null, List.of(), 0, Set.of());

    public StrategyEntryRules {
        if ((entryFrom == null) != (entryUntil == null)) throw new IllegalArgumentException("trading hours need both ends: " + entryFrom + "-" + entryUntil);
        if (entryFrom != null && !entryUntil.isAfter(entryFrom)) {
            throw new IllegalArgumentException("trading hours must end after they start: " + entryFrom + "-" + entryUntil);
        }
        if (maxPositions < 0) throw new IllegalArgumentException("maxPositions must be 0 (no limit) or more: " + maxPositions);
        blackouts = List.copyOf(blackouts);
        symbols = Set.copyOf(symbols);
    }

    /** True when nothing is limited. */
    public boolean isEmpty() {
        return entryFrom == null && blackouts.isEmpty() && maxPositions == 0;
    }

    /**
     * A window without entries: [{@code from}, {@code until}) on every day ({@code date} null), the same window on
     * {@code date} only, or the whole of {@code date} ({@code from} and {@code until} null).
     */
    public record Blackout(LocalDate date, LocalTime from, LocalTime until) {
        public Blackout {
            if ((from == null) != (until == null)) throw new IllegalArgumentException("a blackout needs both ends: " + from + "-" + until);
            if (from == null) Objects.requireNonNull(date, "a blackout without times needs a date");
            else if (!until.isAfter(from)) throw new IllegalArgumentException("a blackout must end after it starts: " + from + "-" + until);
        }

        /** A window on every day. */
        public Blackout(LocalTime from, LocalTime until) {
            this(null, from, until);
        }

        /** Whether an entry at {@code day} {@code time} falls inside. */
        public boolean contains(LocalDate day, LocalTime time) {
            if (date != null && !date.equals(day)) return false;
            return from == null || (!time.isBefore(from) && time.isBefore(until));
        }

        @Override
        public String toString() {
            String window = from == null ? "all day" : from + "-" + until;
            return date == null ? window : date + " " + window;
        }
    }
}
