package io.tradepilot.engine.backtest;

import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.core.EngineEvents;
import io.tradepilot.engine.risk.BuyingPower;
import io.tradepilot.engine.risk.LossSizeReduction;
import io.tradepilot.engine.risk.RiskChain;
import io.tradepilot.engine.risk.RiskCheck;
import io.tradepilot.engine.risk.StrategyEntryRules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Backtest settings.
 *
 * @param initialCash    starting cash in the instrument's currency
 * @param broker         fill mode, slippage, commission, participation cap
 * @param risk           pre-trade checks after the trading state (default: none, so that a backtest's trades stay
 *                       what they have always been, including runs that spend more than their cash, which goes
 *                       negative). {@link #withCashOnly()} adds {@link BuyingPower#CASH}, the live chain's check:
 *                       an entry the cash cannot pay for is then refused with INSUFFICIENT_BUYING_POWER.
 *                       {@link #withRisk} replaces the whole chain
 * @param closeAtEnd     close open positions at the last bar's close (default false: they stay open,
 *                       valued at the last close and reported)
 * @param periodsPerYear bars per year for Sharpe/Sortino annualisation (252 for daily bars)
 * @param events         receives every engine event (default: none; events are always counted)
 * @param hashEvents     fold every event's text into {@link BacktestResult#eventHash()} (default false: it
 *                       costs about a microsecond per event, a large share of a run; determinism checks turn it on)
 * @param sizeReduction  the entry size reduction after losing round trips in a row, following the run's own round
 *                       trips as the live engine does (default {@link LossSizeReduction#OFF})
 * @param strategyRules  the strategy's own entry limits (its configuration's trading hours, blackouts and max
 *                       positions; default {@link StrategyEntryRules#NONE}, which leaves the trades as they were)
 */
public record BacktestConfig(BigDecimal initialCash, BrokerConfig broker, RiskCheck risk, boolean closeAtEnd,
                             int periodsPerYear, EngineEvents events, boolean hashEvents, LossSizeReduction sizeReduction,
                             StrategyEntryRules strategyRules) {
    public BacktestConfig {
        if (sizeReduction == null) sizeReduction = LossSizeReduction.OFF;
        if (strategyRules == null) strategyRules = StrategyEntryRules.NONE;
        Objects.requireNonNull(initialCash, "initialCash");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(events, "events");
        if (initialCash.signum() <= 0) throw new IllegalArgumentException("initial cash must be positive");
        if (periodsPerYear <= 0) throw new IllegalArgumentException("periods per year must be positive");
    }

    /** Settings without entry size reduction or strategy limits. */
    public BacktestConfig(BigDecimal initialCash, BrokerConfig broker, RiskCheck risk, boolean closeAtEnd,
                          int periodsPerYear, EngineEvents events, boolean hashEvents) {
        this(initialCash, broker, risk, closeAtEnd, periodsPerYear, events, hashEvents, LossSizeReduction.OFF, StrategyEntryRules.NONE);
    }

    public static BacktestConfig of(BigDecimal initialCash) {
        return new BacktestConfig(initialCash, BrokerConfig.defaults(), RiskChain.of(), false, 252, EngineEvents.NONE, false);
    }

    public BacktestConfig withBroker(BrokerConfig b) { return new BacktestConfig(initialCash, b, risk, closeAtEnd, periodsPerYear, events, hashEvents, sizeReduction, strategyRules); }
    public BacktestConfig withRisk(RiskCheck r) { return new BacktestConfig(initialCash, broker, r, closeAtEnd, periodsPerYear, events, hashEvents, sizeReduction, strategyRules); }
    /**
     * This configuration with {@link BuyingPower#CASH} after its checks: entries are paid in full from cash and
     * one the cash cannot pay for is refused (INSUFFICIENT_BUYING_POWER). Opt-in, since it changes the trades of
     * any run that used to borrow.
     */
    public BacktestConfig withCashOnly() { return withRisk(RiskChain.of(risk, BuyingPower.CASH)); }
    public BacktestConfig withCloseAtEnd(boolean c) { return new BacktestConfig(initialCash, broker, risk, c, periodsPerYear, events, hashEvents, sizeReduction, strategyRules); }
    public BacktestConfig withPeriodsPerYear(int p) { return new BacktestConfig(initialCash, broker, risk, closeAtEnd, p, events, hashEvents, sizeReduction, strategyRules); }
    public BacktestConfig withHashEvents(boolean h) { return new BacktestConfig(initialCash, broker, risk, closeAtEnd, periodsPerYear, events, h, sizeReduction, strategyRules); }
    public BacktestConfig withSizeReduction(LossSizeReduction r) { return new BacktestConfig(initialCash, broker, risk, closeAtEnd, periodsPerYear, events, hashEvents, r, strategyRules); }
    public BacktestConfig withStrategyRules(StrategyEntryRules r) { return new BacktestConfig(initialCash, broker, risk, closeAtEnd, periodsPerYear, events, hashEvents, sizeReduction, r); }
    public BacktestConfig withEvents(EngineEvents e) { return new BacktestConfig(initialCash, broker, risk, closeAtEnd, periodsPerYear, e, hashEvents, sizeReduction, strategyRules); }
}
