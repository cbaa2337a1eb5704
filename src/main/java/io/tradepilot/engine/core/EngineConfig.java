package io.tradepilot.engine.core;

import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.risk.LossSizeReduction;
import io.tradepilot.engine.risk.RiskChain;
import io.tradepilot.engine.risk.RiskCheck;
import io.tradepilot.engine.risk.TradingStatePort;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Engine settings.
 *
 * @param risk                  checks run after the trading-state check for every new order
 * @param hostState             the host's kill switch / breaker / pause, the one owner of whether new orders may go out:
 *                              consulted for every order decision, and the only way to release the engine's own trip
 * @param marketZone            the zone whose calendar days are trading days (daily loss, DAY orders, square-off)
 * @param tripDailyLoss         fraction of start-of-day equity whose loss trips the engine (null: off)
 * @param tripDrawdown          fraction below peak equity that trips the engine (null: off)
 * @param tripConsecutiveLosses losing round trips in a row that trip the engine (0: off)
 * @param squareOffAt           local time at which a timer closes all positions (null: off)
 * @param lossSizeReduction     entry size reduction after losing round trips in a row ({@link LossSizeReduction#OFF}: off)
 */
public record EngineConfig(Money initialCash, BrokerConfig broker, RiskCheck risk, TradingStatePort hostState, ZoneId marketZone,
                           BigDecimal tripDailyLoss, BigDecimal tripDrawdown, int tripConsecutiveLosses, LocalTime squareOffAt,
                           LossSizeReduction lossSizeReduction) {
    public EngineConfig {
        Objects.requireNonNull(initialCash, "initialCash");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(hostState, "hostState");
        Objects.requireNonNull(marketZone, "marketZone");
        Objects.requireNonNull(lossSizeReduction, "lossSizeReduction");
    }

    /** Settings without entry size reduction. */
    public EngineConfig(Money initialCash, BrokerConfig broker, RiskCheck risk, TradingStatePort hostState, ZoneId marketZone,
                        BigDecimal tripDailyLoss, BigDecimal tripDrawdown, int tripConsecutiveLosses, LocalTime squareOffAt) {
        this(initialCash, broker, risk, hostState, marketZone, tripDailyLoss, tripDrawdown, tripConsecutiveLosses, squareOffAt, LossSizeReduction.OFF);
    }

    /** No risk limits beyond the trading state, no automatic trips, next-open fills, no costs. */
    public static EngineConfig simple(Money initialCash) {
        return new EngineConfig(initialCash, BrokerConfig.defaults(), RiskChain.of(), TradingStatePort.alwaysAllowed(),
                ZoneId.of("UTC"), null, null, 0, null);
    }

    public EngineConfig withBroker(BrokerConfig b) { return new EngineConfig(initialCash, b, risk, hostState, marketZone, tripDailyLoss, tripDrawdown, tripConsecutiveLosses, squareOffAt, lossSizeReduction); }
    public EngineConfig withRisk(RiskCheck r) { return new EngineConfig(initialCash, broker, r, hostState, marketZone, tripDailyLoss, tripDrawdown, tripConsecutiveLosses, squareOffAt, lossSizeReduction); }
    public EngineConfig withHostState(TradingStatePort h) { return new EngineConfig(initialCash, broker, risk, h, marketZone, tripDailyLoss, tripDrawdown, tripConsecutiveLosses, squareOffAt, lossSizeReduction); }
    public EngineConfig withMarketZone(ZoneId z) { return new EngineConfig(initialCash, broker.withMarketZone(z), risk, hostState, z, tripDailyLoss, tripDrawdown, tripConsecutiveLosses, squareOffAt, lossSizeReduction); }
    public EngineConfig withTrips(BigDecimal dailyLoss, BigDecimal drawdown, int consecutiveLosses) { return new EngineConfig(initialCash, broker, risk, hostState, marketZone, dailyLoss, drawdown, consecutiveLosses, squareOffAt, lossSizeReduction); }
    public EngineConfig withSquareOffAt(LocalTime t) { return new EngineConfig(initialCash, broker, risk, hostState, marketZone, tripDailyLoss, tripDrawdown, tripConsecutiveLosses, t, lossSizeReduction); }
    public EngineConfig withLossSizeReduction(LossSizeReduction r) { return new EngineConfig(initialCash, broker, risk, hostState, marketZone, tripDailyLoss, tripDrawdown, tripConsecutiveLosses, squareOffAt, r); }
}
