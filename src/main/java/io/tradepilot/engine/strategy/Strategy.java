package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.orders.StrategyId;

/**
 * A trading strategy. The engine calls {@link #onBar} on its writer thread once per completed bar of
 * each instrument the strategy is registered for, after the broker has processed that bar (so the
 * position already reflects fills at this bar's open). The strategy decides at the bar's close and
 * submits intents through the context; it must not block and should not allocate when it does nothing.
 * A strategy instance is stateful and belongs to one engine (one run).
 */
public interface Strategy {
    StrategyId id();

    void onBar(BarCursor bar, StrategyContext context);
}
