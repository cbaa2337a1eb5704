package io.tradepilot.trading.internal;

import io.tradepilot.engine.strategy.SizingRule;
import io.tradepilot.engine.strategy.TwapSlicer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live strategies built from their settings: sizing mode and TWAP slicing. */
class LiveStrategiesTest {

    private static TradingProperties.Sizing sizing(SizingRule.Mode mode, String twapAbove) {
        return new TradingProperties.Sizing(mode, new BigDecimal("0.005"), 14, new BigDecimal("2"), null, null, null,
                new BigDecimal("0.02"), BigDecimal.ZERO, new BigDecimal(twapAbove), 5);
    }

    private static TradingProperties.StrategySettings settings(String name, TradingProperties.Sizing sizing) {
        return new TradingProperties.StrategySettings(null, name, List.of("AAA"), new BigDecimal("100"), Map.of(), false, sizing);
    }

    @Test
    void a_risk_based_mode_builds_a_strategy_that_sizes_from_its_stop_and_slices_large_orders_when_asked() {
        assertThat(LiveStrategies.create(settings("momentum", sizing(SizingRule.Mode.FIXED_FRACTIONAL, "0")))).isNotInstanceOf(TwapSlicer.class);
        assertThat(LiveStrategies.create(settings("momentum", sizing(SizingRule.Mode.ATR, "1000")))).isInstanceOf(TwapSlicer.class);
        assertThat(LiveStrategies.create(settings("sma-cross", TradingProperties.Sizing.FIXED)).id().value()).isEqualTo("sma-cross");
    }

    @Test
    void sma_cross_trades_a_fixed_quantity_and_refuses_a_risk_based_mode_at_startup() {
        assertThatThrownBy(() -> LiveStrategies.create(settings("sma-cross", sizing(SizingRule.Mode.FIXED_FRACTIONAL, "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed quantity");
    }

    @Test
    void half_kelly_without_its_statistics_is_refused() {
        assertThatThrownBy(() -> LiveStrategies.create(settings("momentum", sizing(SizingRule.Mode.HALF_KELLY, "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("win-rate is required");
    }
}
