package io.tradepilot.engine.core;

import io.tradepilot.engine.orders.OrderView;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;

import java.time.Instant;
import java.util.List;

/** An immutable picture of the engine, safe to share with any thread. */
public record EngineSnapshot(Instant time, EngineState state, String stateReason, PortfolioSnapshot portfolio,
                             List<OrderView> workingOrders, long barsProcessed, long ordersAccepted) {
    public EngineSnapshot {
        workingOrders = List.copyOf(workingOrders);
    }
}
