package io.tradepilot.engine.core;

import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.StrategyId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's own book of the orders working at its venue, by symbol in submission order: what strategies,
 * snapshots, cancels and the simulated venue's bar offers consult, whatever the venue. An order joins when it
 * is handed to the venue (or adopted) and leaves when a report ends it. Writer thread only.
 */
final class WorkingOrders {
    private final Map<String, List<Order>> bySymbol = new HashMap<>();
    private int count;

    void add(Order o) {
        bySymbol.computeIfAbsent(o.request().symbol(), s -> new ArrayList<>(2)).add(o);
        count++;
    }

    void remove(Order o) {
        List<Order> l = bySymbol.get(o.request().symbol());
        if (l != null && l.remove(o)) count--;
    }

    int count() {
        return count;
    }

    /** True when an order of {@code strategy} for {@code symbol} is working. */
    boolean hasWorking(String symbol, StrategyId strategy) {
        if (count == 0) return false;
        List<Order> l = bySymbol.get(symbol);
        if (l == null) return false;
        for (Order o : l) if (o.status().isWorking() && o.request().strategy().equals(strategy)) return true;
        return false;
    }

    /** A copy: every working order, per symbol in submission order. */
    List<Order> orders() {
        List<Order> all = new ArrayList<>(count);
        for (List<Order> l : bySymbol.values()) all.addAll(l);
        return all;
    }
}
