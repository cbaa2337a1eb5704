package io.tradepilot.engine.broker;

import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.Order;

/** Receives the paper broker's outcomes, on the caller's (the engine writer's) thread, in order. */
public interface BrokerListener {
    /** {@code order} has already recorded the fill when this is called. */
    void onFill(Order order, Fill fill);

    /** {@code order} has already moved to EXPIRED. */
    void onExpired(Order order, String reason);
}
