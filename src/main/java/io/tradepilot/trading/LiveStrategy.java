package io.tradepilot.trading;

import io.tradepilot.engine.risk.StrategyEntryRules;
import io.tradepilot.engine.strategy.SizingRule;
import io.tradepilot.engine.strategy.config.StrategyConfig;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One strategy as the engine host runs it: a strategy type of the engine's registry with its parameters (text
 * values, validated by the type's schema when built), its entries on each of {@code symbols} sized by
 * {@code sizing} and sliced when larger than {@code twapAbove}.
 *
 * @param id         the strategy id (client order ids start with it; the strategy switch is keyed by it)
 * @param type       a name known to {@link io.tradepilot.engine.strategy.Strategies}
 * @param quantity   the fixed quantity per entry (sizing FIXED; may be null for a risk-based sizing)
 * @param intraday   true: its positions are squared off every trading day
 * @param sizing     how entries are sized (the host builds through {@link SizingRule#create})
 * @param twapAbove  entries larger than this many units are sent as {@code twapSlices} market orders on consecutive
 *                   bars; null or 0: never sliced
 * @param twapSlices the number of slices, at least 2
 * @param entryRules its own entry limits (trading hours, blackouts, max positions), enforced by the engine's chain for
 *                   its entries ({@link StrategyEntryRules#NONE}: none)
 */
public record LiveStrategy(String id, String type, List<String> symbols, Map<String, String> params, BigDecimal quantity,
                           boolean intraday, SizingRule sizing, BigDecimal twapAbove, int twapSlices, StrategyEntryRules entryRules) {
    public LiveStrategy {
        symbols = List.copyOf(symbols);
        params = Map.copyOf(params);
        if (sizing == null) sizing = SizingRule.fixed(quantity);
        if (entryRules == null) entryRules = StrategyEntryRules.NONE;
    }

    /** A strategy without entry limits of its own. */
    public LiveStrategy(String id, String type, List<String> symbols, Map<String, String> params, BigDecimal quantity,
                        boolean intraday, SizingRule sizing, BigDecimal twapAbove, int twapSlices) {
        this(id, type, symbols, params, quantity, intraday, sizing, twapAbove, twapSlices, StrategyEntryRules.NONE);
    }

    /**
     * The host's form of a validated stored configuration ({@code name} is the id): parameters as text, its sizing
     * rule, TWAP slicing and entry limits; refuses (IllegalArgumentException) an incomplete sizing mode.
     */
    public static LiveStrategy of(StrategyConfig c) {
        Map<String, String> params = new LinkedHashMap<>();
        c.parameters().asMap().forEach((k, v) -> params.put(k, v instanceof BigDecimal d ? d.toPlainString()
                : v instanceof LocalTime t ? t.toString() : String.valueOf(v)));
        return new LiveStrategy(c.name(), c.type(), c.symbols(), params, c.quantity(), c.intraday(), c.sizingRule(),
                c.twap() == null ? null : c.twap().above(), c.twap() == null ? 5 : c.twap().slices(), c.entryRules());
    }

    /** A new instance of this strategy as the host runs it ({@link SizingRule#create}); refuses what the host refuses. */
    public io.tradepilot.engine.strategy.Strategy build() {
        return sizing.create(type, params, twapAbove, twapSlices);
    }

    /** A strategy trading its fixed {@code quantity}, never sliced. */
    public LiveStrategy(String id, String type, List<String> symbols, Map<String, String> params, BigDecimal quantity, boolean intraday) {
        this(id, type, symbols, params, quantity, intraday, SizingRule.fixed(quantity), null, 5);
    }
}
