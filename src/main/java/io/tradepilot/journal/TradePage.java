package io.tradepilot.journal;

import java.util.List;

/** One page of trades: {@code total} is the number matching the filter, {@code trades} at most {@code limit} of them from {@code offset}. */
public record TradePage(List<Trade> trades, int total, int offset, int limit) {
    public TradePage {
        trades = List.copyOf(trades);
    }
}
