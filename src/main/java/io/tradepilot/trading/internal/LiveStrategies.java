package io.tradepilot.trading.internal;

import io.tradepilot.engine.strategy.PositionSizing;
import io.tradepilot.engine.strategy.SizingRule;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.TwapSlicer;

/** Builds one live strategy instance from its settings: its sizing mode, and TWAP slicing of large orders when configured. */
final class LiveStrategies {

    private LiveStrategies() {
    }

    /**
     * A new instance of {@code settings}' strategy sized by its {@link TradingProperties.Sizing}; refuses
     * (IllegalArgumentException) bad parameters, an incomplete sizing mode, or a mode the strategy does not accept.
     */
    static Strategy create(TradingProperties.StrategySettings settings) {
        var sizing = settings.sizing();
        PositionSizing positionSizing = sizing.rule(settings.quantity()).sizing();
        Strategy strategy = SizingRule.sized(Strategies.create(settings.name(), settings.params(), positionSizing), positionSizing);
        if (sizing.twapAbove() != null && sizing.twapAbove().signum() > 0) {
            strategy = new TwapSlicer(strategy, sizing.twapAbove(), sizing.twapSlices());
        }
        return strategy;
    }
}
