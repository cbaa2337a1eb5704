package io.tradepilot.engine.broker;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Paper broker settings.
 *
 * @param participation maximum fraction of a bar's volume one symbol's orders may take on that bar
 *                      (e.g. 0.1); null for no cap. Capped orders fill partially and keep working
 *                      (subject to their time in force).
 * @param marketZone    the zone whose calendar day ends DAY orders
 */
public record BrokerConfig(FillMode fillMode, Slippage slippage, CommissionModel commission, BigDecimal participation, ZoneId marketZone) {
    public BrokerConfig {
        Objects.requireNonNull(fillMode, "fillMode");
        Objects.requireNonNull(slippage, "slippage");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(marketZone, "marketZone");
        if (participation != null && (participation.signum() <= 0 || participation.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("participation must be in (0, 1]");
        }
    }

    public static BrokerConfig defaults() {
        return new BrokerConfig(FillMode.NEXT_OPEN, Slippage.NONE, CommissionModel.NONE, null, ZoneId.of("UTC"));
    }

    public BrokerConfig withFillMode(FillMode m) { return new BrokerConfig(m, slippage, commission, participation, marketZone); }
    public BrokerConfig withSlippage(Slippage s) { return new BrokerConfig(fillMode, s, commission, participation, marketZone); }
    public BrokerConfig withCommission(CommissionModel c) { return new BrokerConfig(fillMode, slippage, c, participation, marketZone); }
    public BrokerConfig withParticipation(BigDecimal p) { return new BrokerConfig(fillMode, slippage, commission, p, marketZone); }
    public BrokerConfig withMarketZone(ZoneId z) { return new BrokerConfig(fillMode, slippage, commission, participation, z); }
}
