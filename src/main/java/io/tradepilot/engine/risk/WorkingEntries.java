package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;
import java.util.function.BiConsumer;

/**
 * The entry orders working at the venue (accepted, not yet completely filled) that a check must count as if
 * they had filled: a position they will open, the cash or margin they will use, the heat they will add.
 * Without this an engine whose entries fill later (at the next bar's open) would accept, at one bar's close,
 * more entries than the account can hold: every one of them sees the same portfolio.
 */
@FunctionalInterface
public interface WorkingEntries {

    /** No working entries (a check sees the portfolio only). */
    WorkingEntries NONE = action -> { };

    /** Calls {@code action} with each working entry's request and its unfilled quantity, in a fixed order. */
    void forEach(BiConsumer<OrderRequest, BigDecimal> action);
}
