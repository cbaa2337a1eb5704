package io.tradepilot.trading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One strategy as the engine host runs it: a strategy type of the engine's registry with its parameters (text
 * values, validated by the type's schema when built), traded with a fixed {@code quantity} per entry on each of
 * {@code symbols}.
 *
 * @param id       the strategy id (client order ids start with it; the strategy switch is keyed by it)
 * @param type     a name known to {@link io.tradepilot.engine.strategy.Strategies}
 * @param intraday true: its positions are squared off every trading day
 */
public record LiveStrategy(String id, String type, List<String> symbols, Map<String, String> params, BigDecimal quantity,
                           boolean intraday) {
    public LiveStrategy {
        symbols = List.copyOf(symbols);
        params = Map.copyOf(params);
    }
}
