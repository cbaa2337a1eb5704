package io.tradepilot.engine.backtest;

import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.core.EngineEvents;
import io.tradepilot.engine.risk.BuyingPower;
import io.tradepilot.engine.risk.RiskChain;
import io.tradepilot.engine.risk.RiskCheck;

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
 */
public record BacktestConfig(BigDecimal initialCash, BrokerConfig broker, RiskCheck risk, boolean closeAtEnd,
                             int periodsPerYear, EngineEvents events, boolean hashEvents) {
    public BacktestConfig {
        Objects.requireNonNull(initialCash, "initialCash");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(events, "events");
        if (initialCash.signum() <= 0) throw new IllegalArgumentException("initial cash must be positive");
        if (periodsPerYear <= 0) throw new IllegalArgumentException("periods per year must be positive");
    }

    public static BacktestConfig of(BigDecimal initialCash) {
        return new BacktestConfig(initialCash, BrokerConfig.defaults(), RiskChain.of(), false, 252, EngineEvents.NONE, false);
    }

    public BacktestConfig withBroker(BrokerConfig b) { return new BacktestConfig(initialCash, b, risk, closeAtEnd, periodsPerYear, events, hashEvents); }
    public BacktestConfig withRisk(RiskCheck r) { return new BacktestConfig(initialCash, broker, r, closeAtEnd, periodsPerYear, events, hashEvents); }
    /**
     * This configuration with {@link BuyingPower#CASH} after its checks: entries are paid in full from cash and
     * one the cash cannot pay for is refused (INSUFFICIENT_BUYING_POWER). Opt-in, since it changes the trades of
     * any run that used to borrow.
     */
    public BacktestConfig withCashOnly() { return withRisk(RiskChain.of(risk, BuyingPower.CASH)); }
    public BacktestConfig withCloseAtEnd(boolean c) { return new BacktestConfig(initialCash, broker, risk, c, periodsPerYear, events, hashEvents); }
    public BacktestConfig withPeriodsPerYear(int p) { return new BacktestConfig(initialCash, broker, risk, closeAtEnd, p, events, hashEvents); }
    public BacktestConfig withHashEvents(boolean h) { return new BacktestConfig(initialCash, broker, risk, closeAtEnd, periodsPerYear, events, h); }
    public BacktestConfig withEvents(EngineEvents e) { return new BacktestConfig(initialCash, broker, risk, closeAtEnd, periodsPerYear, e, hashEvents); }
}
