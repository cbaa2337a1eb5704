package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestReport;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.backtest.PortfolioBacktest;
import io.tradepilot.engine.backtest.PortfolioLimits;
import io.tradepilot.engine.backtest.PortfolioResult;
import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.CommissionModel;
import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.TimeStamping;
import io.tradepilot.engine.strategy.PositionSizing;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.Strategy;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a validated {@link BacktestRequest} on the engine's {@link Backtest} and writes its three report
 * files atomically into the request's directory (nothing is left there when anything fails). The data
 * are read with the request's {@link io.tradepilot.engine.marketdata.CsvBarReader.Options}; the instrument is an NSE equity
 * (INR, tick 0.05) for Asia/Kolkata data, else a US equity (USD, tick 0.01).
 */
public final class EngineBacktestExecutor implements BacktestExecutor {

    @Override
    public int run(BacktestRequest request, PrintStream out, PrintStream err) throws UsageException, IOException {
        if (java.nio.file.Files.isDirectory(request.data())) {
            return request.portfolio() != null ? new PortfolioBacktestRunner().run(request, out, err)
                    : new UniverseBacktestRunner(this).run(request, out, err);
        }
        BarSeries series = DataOptions.read(request.data(), request.zone(), request.readOptions(), err);
        if (series.isEmpty()) throw new UsageException("no bars in " + request.data());
        BacktestResult result = runOne(request, series);
        AtomicOutput.writeDirectory(request.outDir(), staging -> BacktestReport.writeAll(result, staging));
        out.println("backtest: " + series.size() + " bars, " + result.trades().size() + " round trips, final equity "
                + result.finalEquity().toPlainString() + ", open quantity " + result.openQuantity().toPlainString()
                + " -> " + request.outDir());
        return Cli.EXIT_OK;
    }

    private static PositionSizing sizing(StrategyParameters.Resolved strategy, BigDecimal quantity) {
        BigDecimal risk = strategy.riskPerTradePercent();
        if (risk != null) return PositionSizing.riskFraction(risk.movePointLeft(2));
        if (quantity != null) return new Strategies.FixedSizing(new Quantity(quantity));
        return (ctx, entry, stop) -> {
            throw new IllegalStateException(strategy.strategy() + " sizes its entries itself");
        };
    }

    /** One symbol's run of the request's strategy (a fresh strategy instance). */
    BacktestResult runOne(BacktestRequest request, BarSeries series) throws UsageException {
        BacktestConfig config = config(request, series);
        return Backtest.run(arrays(series), strategy(request), request.cashOnly() ? config.withCashOnly() : config);
    }

    /** A fresh instance of the request's strategy. */
    static Strategy strategy(BacktestRequest request) throws UsageException {
        return strategy(request.strategy(), request.quantity());
    }

    /**
     * A fresh instance of {@code strategy}, sized as the command line sizes it: by the configuration's
     * {@code risk_per_trade} when it has one, else a fixed {@code quantity} (null for a strategy that sizes itself).
     *
     * @throws UsageException when the strategy refuses its parameters
     */
    public static Strategy strategy(StrategyParameters.Resolved strategy, BigDecimal quantity) throws UsageException {
        Map<String, String> params = new LinkedHashMap<>(strategy.values());
        try {
            return Strategies.create(strategy.strategy(), params, sizing(strategy, quantity));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The request's fill, commission, cash and close-at-end for bars like {@code series} (no risk checks). */
    static BacktestConfig config(BacktestRequest request, BarSeries series) {
        return config(request.cash(), broker(request), request.closeAtEnd(), series);
    }

    /** The backtest configuration of the command line's options for {@code series} (its zone and bars per year). */
    static BacktestConfig config(BigDecimal cash, BigDecimal commissionPct, BacktestRequest.Fill fill, boolean closeAtEnd, boolean cashOnly,
                                 BarSeries series) {
        return config(cash, broker(commissionPct, fill), closeAtEnd, cashOnly, series);
    }

    /** The request's fill and commission. */
    static BrokerConfig broker(BacktestRequest request) {
        return broker(request.commissionPct(), request.fill());
    }

    private static BrokerConfig broker(BigDecimal commissionPct, BacktestRequest.Fill fill) {
        return BrokerConfig.defaults()
                .withFillMode(fill == BacktestRequest.Fill.CLOSE ? FillMode.SAME_CLOSE : FillMode.NEXT_OPEN)
                .withCommission(commissionPct.signum() == 0 ? CommissionModel.NONE : CommissionModel.percentOfNotional(commissionPct));
    }

    /** Makes a fresh strategy instance (one per instrument of a portfolio run). */
    @FunctionalInterface
    public interface StrategySource {
        Strategy create() throws UsageException;
    }

    /**
     * A portfolio run exactly as the command line's {@code --portfolio} runs it (the app's portfolio backtests call
     * this too): one account with {@code cash} and {@code broker} (market zone and bars per year from the longest
     * series), optionally closing at the end, under {@code limits}' risk chain, one fresh strategy per instrument.
     *
     * @throws UsageException                          when the strategy refuses its parameters
     * @throws IllegalArgumentException                for series the portfolio cannot run together (see {@link PortfolioBacktest#run})
     * @throws java.util.concurrent.CancellationException when {@code monitor} asked to stop
     */
    public static PortfolioResult runPortfolio(StrategySource strategies, BigDecimal cash, BrokerConfig broker, boolean closeAtEnd,
                                               PortfolioLimits limits, Collection<BarSeries> series, PortfolioBacktest.Monitor monitor)
            throws UsageException {
        List<BarArrays> data = new ArrayList<>(series.size());
        BarSeries longest = null;
        for (BarSeries s : series) {
            data.add(arrays(s));
            if (longest == null || s.size() > longest.size()) longest = s;
        }
        if (longest == null) throw new IllegalArgumentException("no series to backtest");
        BacktestConfig config = config(cash, broker, closeAtEnd, longest).withRisk(limits.riskChain());
        Map<Instrument, Strategy> byInstrument = new HashMap<>();
        for (BarArrays a : data) byInstrument.put(a.instrument(), strategies.create());
        return PortfolioBacktest.run(config, data, byInstrument::get, monitor);
    }

    private static BacktestConfig config(BigDecimal cash, BrokerConfig broker, boolean closeAtEnd, BarSeries series) {
        return BacktestConfig.of(cash).withBroker(broker.withMarketZone(series.zone())).withCloseAtEnd(closeAtEnd)
                .withPeriodsPerYear(periodsPerYear(series));
    }

    /**
     * One symbol's run exactly as the command line runs it (the app's backtests call this too): {@code broker}
     * with the series' zone as market zone, Sharpe/Sortino annualised by {@link #periodsPerYear}, optionally
     * closing at the end and refusing entries the cash cannot pay for.
     */
    public static BacktestResult run(Strategy strategy, BigDecimal cash, BrokerConfig broker, boolean closeAtEnd, boolean cashOnly,
                                     BarSeries series) {
        return Backtest.run(arrays(series), strategy, config(cash, broker, closeAtEnd, cashOnly, series));
    }

    /**
     * Bars per year for annualising Sharpe and Sortino: 252 trading days times the average number of
     * bars per local trading day (1 for daily bars, 75 for NSE 5-minute bars).
     */
    static int periodsPerYear(BarSeries s) {
        if (s.stamping() == TimeStamping.DATE || s.isEmpty()) return 252;
        long days = 0, last = Long.MIN_VALUE;
        var rules = s.zone().getRules();
        for (int i = 0; i < s.size(); i++) {
            long secs = Math.floorDiv(s.startMillis(i), 1000);
            long day = Math.floorDiv(secs + rules.getOffset(java.time.Instant.ofEpochSecond(secs)).getTotalSeconds(), 86400);
            if (day != last) {
                days++;
                last = day;
            }
        }
        return (int) Math.max(252, Math.round(252.0 * s.size() / days));
    }

    /**
     * The configuration {@link #run} runs {@code series} with ({@code broker} in the series' zone, its bars per year,
     * optionally closing at the end and cash-only): the app's sweeps run their cells with it.
     */
    public static BacktestConfig config(BigDecimal cash, BrokerConfig broker, boolean closeAtEnd, boolean cashOnly, BarSeries series) {
        BacktestConfig config = config(cash, broker, closeAtEnd, series);
        return cashOnly ? config.withCashOnly() : config;
    }

    /** The engine's array form of a series (no copy of the meaning, one copy of the arrays). */
    public static BarArrays arrays(BarSeries s) {
        return BarArrays.of(instrumentOf(s), s);
    }

    /** NSE equity for Indian data, else a US equity: the currency follows the exchange zone. */
    static Instrument instrumentOf(BarSeries s) {
        return s.zone().equals(ZoneId.of("Asia/Kolkata")) ? Instrument.nseEquity(s.symbol()) : Instrument.usEquity(s.symbol(), "US");
    }
}
