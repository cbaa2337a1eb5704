package io.tradepilot.engine.strategy.exits;

import io.tradepilot.engine.domain.BarCursor;

import java.util.List;

/**
 * Decides exits for an open trade at each completed bar's close. Deterministic: the same bars and trade
 * state give the same actions.
 */
public interface ExitPolicy {
    /** Sees every bar of the instrument, in order, trade or not (for indicators such as ATR). */
    default void observe(BarCursor bar) {
    }

    /** The actions for {@code trade} at {@code bar}'s close; empty when nothing changes. */
    List<ExitAction> evaluate(OpenTrade trade, BarCursor bar);
}
