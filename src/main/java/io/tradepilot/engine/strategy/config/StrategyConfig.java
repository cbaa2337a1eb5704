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
 * @param quantity           the fixed quantity per entry ({@link Sizing#FIXED}), null: the caller's default
 * @param intraday           true: positions are squared off every trading day; false (swing): carried overnight
 * @param sizing             how entries are sized: {@link Sizing#FIXED} ({@code quantity}) or
 *                           {@link Sizing#FIXED_FRACTIONAL} ({@code riskPerTradePercent} of equity at risk to the stop)
 * @param blackouts          windows (exchange time, start inclusive, end exclusive) in which no entry is taken
 */
public record StrategyConfig(String type, String name, boolean enabled, List<String> symbols, Parameters parameters,
                             BigDecimal riskPerTradePercent, int maxPositions, LocalTime tradingStart, LocalTime tradingEnd,
                             BigDecimal minVolumeRatio, BigDecimal maxSpreadBps, BigDecimal quantity, boolean intraday,
                             Sizing sizing, List<Window> blackouts) {
    public StrategyConfig {
        symbols = List.copyOf(symbols);
        blackouts = blackouts == null ? List.of() : List.copyOf(blackouts);
    }

    /** How a configuration sizes its entries; {@link #word()} is its name in a document. */
    public enum Sizing {
        FIXED("fixed"), FIXED_FRACTIONAL("fixed-fractional");

        private final String word;

        Sizing(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A time window in exchange time, {@code end} after {@code start}. */
    public record Window(LocalTime start, LocalTime end) {
    }
}
