package io.tradepilot.engine.strategy.config;

import io.tradepilot.engine.risk.StrategyEntryRules;
import io.tradepilot.engine.strategy.SizingRule;
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
 * @param tradingEnd         last time entries are allowed (inclusive), null: no window
 * @param minVolumeRatio     entry condition: minimum volume / 20-bar average volume, null: none
 * @param maxSpreadBps       entry condition: maximum bid-ask spread in basis points, null: none (needs quotes;
 *                           not applied by the bar backtester)
 * @param quantity           the fixed quantity per entry ({@link Sizing#FIXED}), null: the caller's default
 * @param intraday           true: positions are squared off every trading day; false (swing): carried overnight
 * @param sizing             how entries are sized: {@link Sizing#FIXED} ({@code quantity}),
 *                           {@link Sizing#FIXED_FRACTIONAL} ({@code riskPerTradePercent} of equity at risk to the stop),
 *                           {@link Sizing#ATR} (the same to {@code atr.multiple x ATR(atr.period)}) or
 *                           {@link Sizing#HALF_KELLY} (half the Kelly fraction of {@code kelly}, at most its cap)
 * @param maxPositions       positions the strategy may hold at once across its symbols, 0: no limit of its own
 * @param blackouts          windows (exchange time, start inclusive, end exclusive) in which no entry is taken
 * @param atr                the ATR mode's period and multiple; null unless {@link Sizing#ATR}
 * @param kelly              the half-Kelly mode's statistics; null unless {@link Sizing#HALF_KELLY}
 * @param maxQuantity        largest risk-based entry in units, null: no cap
 * @param twap               slicing of large entries, null: never sliced
 * @param universe           the name of a universe (a named, ordered symbol list kept by the application) the
 *                           document trades in place of {@code symbols}, which are then empty until the application
 *                           resolves the name ({@link #withSymbols}); null: the document lists its symbols
 */
public record StrategyConfig(String type, String name, boolean enabled, List<String> symbols, Parameters parameters,
                             BigDecimal riskPerTradePercent, int maxPositions, LocalTime tradingStart, LocalTime tradingEnd,
                             BigDecimal minVolumeRatio, BigDecimal maxSpreadBps, BigDecimal quantity, boolean intraday,
                             Sizing sizing, List<Window> blackouts, Atr atr, Kelly kelly, BigDecimal maxQuantity, Twap twap,
                             String universe) {
    public StrategyConfig {
        symbols = List.copyOf(symbols);
        blackouts = blackouts == null ? List.of() : List.copyOf(blackouts);
    }

    /** A configuration of listed symbols (no universe). */
    public StrategyConfig(String type, String name, boolean enabled, List<String> symbols, Parameters parameters,
                          BigDecimal riskPerTradePercent, int maxPositions, LocalTime tradingStart, LocalTime tradingEnd,
                          BigDecimal minVolumeRatio, BigDecimal maxSpreadBps, BigDecimal quantity, boolean intraday,
                          Sizing sizing, List<Window> blackouts, Atr atr, Kelly kelly, BigDecimal maxQuantity, Twap twap) {
        this(type, name, enabled, symbols, parameters, riskPerTradePercent, maxPositions, tradingStart, tradingEnd, minVolumeRatio,
                maxSpreadBps, quantity, intraday, sizing, blackouts, atr, kelly, maxQuantity, twap, null);
    }

    /** A configuration without ATR or Kelly inputs, quantity cap or TWAP slicing. */
    public StrategyConfig(String type, String name, boolean enabled, List<String> symbols, Parameters parameters,
                          BigDecimal riskPerTradePercent, int maxPositions, LocalTime tradingStart, LocalTime tradingEnd,
                          BigDecimal minVolumeRatio, BigDecimal maxSpreadBps, BigDecimal quantity, boolean intraday,
                          Sizing sizing, List<Window> blackouts) {
        this(type, name, enabled, symbols, parameters, riskPerTradePercent, maxPositions, tradingStart, tradingEnd, minVolumeRatio,
                maxSpreadBps, quantity, intraday, sizing, blackouts, null, null, null, null);
    }

    /** This configuration as {@code name} (a clone keeps every other setting). */
    public StrategyConfig withName(String name) {
        return new StrategyConfig(type, name, enabled, symbols, parameters, riskPerTradePercent, maxPositions, tradingStart, tradingEnd,
                minVolumeRatio, maxSpreadBps, quantity, intraday, sizing, blackouts, atr, kelly, maxQuantity, twap, universe);
    }

    /**
     * This configuration trading {@code resolved} (a universe's symbols as the application resolved them); it keeps
     * naming its {@link #universe()}, so that writing it gives the same document.
     */
    public StrategyConfig withSymbols(List<String> resolved) {
        return new StrategyConfig(type, name, enabled, resolved, parameters, riskPerTradePercent, maxPositions, tradingStart, tradingEnd,
                minVolumeRatio, maxSpreadBps, quantity, intraday, sizing, blackouts, atr, kelly, maxQuantity, twap, universe);
    }

    /**
     * The engine's sizing rule of this configuration ({@code risk_per_trade} percent becomes a fraction); refuses
     * (IllegalArgumentException) a mode whose inputs are incomplete, as the loader does.
     */
    public SizingRule sizingRule() {
        BigDecimal fraction = riskPerTradePercent == null ? null : riskPerTradePercent.movePointLeft(2);
        return new SizingRule(SizingRule.Mode.valueOf(sizing.name()), quantity, fraction, atr == null ? 0 : atr.period(),
                atr == null ? null : atr.multiple(), kelly == null ? null : kelly.winRate(), kelly == null ? null : kelly.averageWin(),
                kelly == null ? null : kelly.averageLoss(), kelly == null ? null : kelly.cap(), maxQuantity);
    }

    /** How a configuration sizes its entries; {@link #word()} is its name in a document. */
    public enum Sizing {
        FIXED("fixed"), FIXED_FRACTIONAL("fixed-fractional"), ATR("atr"), HALF_KELLY("half-kelly");

        private final String word;

        Sizing(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The ATR mode's inputs: the distance to the stop is {@code multiple x ATR(period)}. */
    public record Atr(int period, BigDecimal multiple) {
    }

    /** The half-Kelly mode's inputs: the win rate in (0, 1), the average win and loss, the risk fraction's cap. */
    public record Kelly(BigDecimal winRate, BigDecimal averageWin, BigDecimal averageLoss, BigDecimal cap) {
    }

    /** An entry larger than {@code above} units is sent as {@code slices} market orders on consecutive bars. */
    public record Twap(BigDecimal above, int slices) {
    }

    /**
     * A blackout in exchange time: [{@code start}, {@code end}) on every day ({@code date} null), the same on
     * {@code date} only, or the whole of {@code date} ({@code start} and {@code end} null).
     */
    public record Window(java.time.LocalDate date, LocalTime start, LocalTime end) {
        /** A window on every day, {@code end} after {@code start}. */
        public Window(LocalTime start, LocalTime end) {
            this(null, start, end);
        }
    }

    /**
     * The engine's check of this configuration's own entry limits ({@code trading_hours}, {@code blackouts},
     * {@code max_positions} over its {@code symbols}); {@link StrategyEntryRules#NONE} when it sets none.
     */
    public StrategyEntryRules entryRules() {
        if (tradingStart == null && blackouts.isEmpty() && maxPositions == 0) return StrategyEntryRules.NONE;
        return new StrategyEntryRules(tradingStart, tradingEnd,
                blackouts.stream().map(w -> new StrategyEntryRules.Blackout(w.date(), w.start(), w.end())).toList(), maxPositions,
                java.util.Set.copyOf(symbols));
    }
}
