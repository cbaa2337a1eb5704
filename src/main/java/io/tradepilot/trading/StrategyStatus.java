package io.tradepilot.trading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One configured strategy as the Strategies view and the API show it, with today's results (market
 * zone) and its open exposure (what deactivating leaves behind: positions stay, entries stop).
 *
 * @param exposure       open positions in the strategy's symbols, as signed quantity × mark, by symbol
 * @param grossExposure  the sum of |exposure|
 */
public record StrategyStatus(String id, String name, List<String> symbols, Map<String, String> params,
                             BigDecimal quantity, boolean enabled, int tradesToday, int winsToday,
                             BigDecimal netPnlToday, int workingOrders, Map<String, BigDecimal> exposure,
                             BigDecimal grossExposure) {

    public StrategyStatus {
        symbols = List.copyOf(symbols);
        params = Map.copyOf(params);
        exposure = Map.copyOf(exposure);
    }
}
