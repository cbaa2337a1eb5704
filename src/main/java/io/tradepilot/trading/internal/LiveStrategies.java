package io.tradepilot.trading.internal;

import io.tradepilot.engine.strategy.Strategy;

/** Builds one live strategy instance from its settings: its sizing mode, and TWAP slicing of large orders when configured. */
final class LiveStrategies {

    private LiveStrategies() {
    }

    /**
     * A new instance of {@code settings}' strategy sized by its {@link TradingProperties.Sizing}
     * ({@link io.tradepilot.trading.LiveStrategy#build}); refuses (IllegalArgumentException) bad parameters,
     * an incomplete sizing mode, or a mode the strategy does not accept.
     */
    static Strategy create(TradingProperties.StrategySettings settings) {
        return LiveStrategyBridge.live(settings).build();
    }
}
