package io.tradepilot.engine.core;

import io.tradepilot.engine.orders.OrderView;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.risk.LossStreak;

import java.time.Instant;
import java.util.List;

/**
 * An immutable picture of the engine, safe to share with any thread.
 *
 * @param lossStreak the losing/winning streak of round trips and the entry size reduction it implies now
 */
public record EngineSnapshot(Instant time, EngineState state, String stateReason, PortfolioSnapshot portfolio,
                             List<OrderView> workingOrders, long barsProcessed, long ordersAccepted, LossStreak.State lossStreak) {
    public EngineSnapshot {
        workingOrders = List.copyOf(workingOrders);
        if (lossStreak == null) lossStreak = LossStreak.State.FULL_SIZE;
    }

    /** A picture at full entry size (no losing streak). */
    public EngineSnapshot(Instant time, EngineState state, String stateReason, PortfolioSnapshot portfolio,
                          List<OrderView> workingOrders, long barsProcessed, long ordersAccepted) {
        this(time, state, stateReason, portfolio, workingOrders, barsProcessed, ordersAccepted, LossStreak.State.FULL_SIZE);
    }
}
