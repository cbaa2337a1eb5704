package io.tradepilot.engine.strategy.config;

import io.tradepilot.engine.strategy.params.Parameters;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/**
 * A validated strategy configuration.
 *
 * @param type               a name known to {@link io.tradepilot.engine.strategy.Strategies}
 * @param parameters         validated against the type's schema, defaults filled in
 * @param riskPerTradePercent risk per trade in percent of equity ({@code 0.25} = 0.25 %), or null to trade
 *                           a fixed quantity
 * @param tradingStart       first time entries are allowed (exchange time), null: no window
 * @param tradingEnd         last time entries are allowed, null: no window
 * @param minVolumeRatio     entry condition: minimum volume / 20-bar average volume, null: none
 * @param maxSpreadBps       entry condition: maximum bid-ask spread in basis points, null: none (needs quotes;
 *                           not applied by the bar backtester)
 */
public record StrategyConfig(String type, String name, boolean enabled, List<String> symbols, Parameters parameters,
                             BigDecimal riskPerTradePercent, int maxPositions, LocalTime tradingStart, LocalTime tradingEnd,
                             BigDecimal minVolumeRatio, BigDecimal maxSpreadBps) {
    public StrategyConfig {
        symbols = List.copyOf(symbols);
    }
}
