package io.tradepilot.journal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/** The columns trades can be sorted by. Unknown values (open trades' exit time, trades without R) sort last. */
public enum TradeSort {
    ENTRY_TIME(Comparator.comparing(Trade::entryTime)),
    EXIT_TIME(Comparator.comparing(Trade::exitTime, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))),
    SYMBOL(Comparator.comparing(Trade::symbol)),
    STRATEGY(Comparator.comparing(Trade::strategy)),
    QUANTITY(Comparator.comparing(Trade::quantity)),
    NET_PNL(Comparator.comparing(Trade::netPnl)),
    R_MULTIPLE(Comparator.comparing(Trade::rMultiple, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))),
    HOLDING(Comparator.comparing(Trade::holding, Comparator.nullsLast(Comparator.<Duration>naturalOrder())));

    private final Comparator<Trade> ascending;

    TradeSort(Comparator<Trade> ascending) {
        this.ascending = ascending;
    }

    /** The order by this column, ties broken by trade id (in the same direction); nulls last either way. */
    public Comparator<Trade> comparator(boolean descending) {
        Comparator<Trade> byId = Comparator.comparingLong(Trade::id);
        if (!descending) return ascending.thenComparing(byId);
        return switch (this) {
            case EXIT_TIME -> Comparator.comparing(Trade::exitTime, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                    .thenComparing(byId.reversed());
            case R_MULTIPLE -> Comparator.comparing(Trade::rMultiple, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                    .thenComparing(byId.reversed());
            case HOLDING -> Comparator.comparing(Trade::holding, Comparator.nullsLast(Comparator.<Duration>reverseOrder()))
                    .thenComparing(byId.reversed());
            default -> ascending.thenComparing(byId).reversed();
        };
    }
}
