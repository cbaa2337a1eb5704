package io.tradepilot.engine.risk;

import java.math.BigDecimal;
import java.util.Set;

/** Ready-made chains. The trading-state check always runs first inside the engine and is not part of these. */
public final class RiskChains {
    private RiskChains() {}

    /**
     * The seed platform's order and defaults: blacklist, fat finger (10,000 shares, 100,000 notional),
     * max 1,000 shares per symbol, max 20 % of equity per symbol, total exposure 100,000, daily loss
     * 5,000, max drawdown 10 %.
     */
    public static RiskChain seedDefaults(Set<String> blacklist) {
        return RiskChain.of(
                new Blacklist(blacklist),
                new FatFinger(new BigDecimal("10000"), new BigDecimal("100000")),
                new MaxQuantityPerSymbol(new BigDecimal("1000")),
                new MaxPercentOfEquityPerSymbol(new BigDecimal("0.20")),
                new MaxTotalExposure(new BigDecimal("100000")),
                new MaxDailyLossAmount(new BigDecimal("5000")),
                new MaxDrawdown(new BigDecimal("0.10")));
    }
}
