package io.tradepilot.signals;

import java.util.List;

/**
 * A signal that placed orders: its record id, the orders the engine accepted and, for a ChartInk alert naming
 * several stocks, what became of each ({@code SYMBOL: accepted as O12} or {@code SYMBOL: CODE: why}).
 */
public record SignalReceipt(long signalId, List<String> orderIds, List<String> results) {

    public SignalReceipt {
        orderIds = List.copyOf(orderIds);
        results = List.copyOf(results);
    }
}
