package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestReport;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
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
import java.util.LinkedHashMap;
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
        if (java.nio.file.Files.isDirectory(request.data())) return new UniverseBacktestRunner(this).run(request, out, err);
        BarSeries series = DataOptions.read(request.data(), request.zone(), request.readOptions(), err);
        if (series.isEmpty()) throw new UsageException("no bars in " + request.data());
        BacktestResult result = runOne(request, series);
        AtomicOutput.writeDirectory(request.outDir(), staging -> BacktestReport.writeAll(result, staging));
        out.println("backtest: " + series.size() + " bars, " + result.trades().size() + " round trips, final equity "
                + result.finalEquity().toPlainString() + ", open quantity " + result.openQuantity().toPlainString()
                + " -> " + request.outDir());
        return Cli.EXIT_OK;
    }

    private static PositionSizing sizing(BacktestRequest request) {
        BigDecimal risk = request.strategy().riskPerTradePercent();
        if (risk != null) return PositionSizing.riskFraction(risk.movePointLeft(2));
        if (request.quantity() != null) return new Strategies.FixedSizing(new Quantity(request.quantity()));
        return (ctx, entry, stop) -> {
            throw new IllegalStateException(request.strategy().strategy() + " sizes its entries itself");
        };
    }

    /** One symbol's run of the request's strategy (a fresh strategy instance). */
    BacktestResult runOne(BacktestRequest request, BarSeries series) throws UsageException {
        BarArrays data = arrays(series);
        Map<String, String> params = new LinkedHashMap<>(request.strategy().values());
        Strategy strategy;
        try {
            strategy = Strategies.create(request.strategy().strategy(), params, sizing(request));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return Backtest.run(data, strategy, config(request.cash(), request.commissionPct(), request.fill(), request.closeAtEnd(), request.cashOnly(), series));
    }

    /** The backtest configuration of the command line's options for {@code series} (its zone and bars per year). */
    static BacktestConfig config(BigDecimal cash, BigDecimal commissionPct, BacktestRequest.Fill fill, boolean closeAtEnd, boolean cashOnly,
                                 BarSeries series) {
        BrokerConfig broker = BrokerConfig.defaults()
                .withFillMode(fill == BacktestRequest.Fill.CLOSE ? FillMode.SAME_CLOSE : FillMode.NEXT_OPEN)
                .withCommission(commissionPct.signum() == 0 ? CommissionModel.NONE : CommissionModel.percentOfNotional(commissionPct))
                .withMarketZone(series.zone());
        BacktestConfig config = BacktestConfig.of(cash).withBroker(broker).withCloseAtEnd(closeAtEnd).withPeriodsPerYear(periodsPerYear(series));
        return cashOnly ? config.withCashOnly() : config;
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

    /** The engine's array form of a series (no copy of the meaning, one copy of the arrays). */
    static BarArrays arrays(BarSeries s) {
        return new BarArrays(instrumentOf(s), s.startsMillis(), s.scaledOpens(), s.scaledHighs(), s.scaledLows(),
                s.scaledCloses(), s.volumes(), s.priceScale(), s.zone());
    }

    /** NSE equity for Indian data, else a US equity: the currency follows the exchange zone. */
    static Instrument instrumentOf(BarSeries s) {
        return s.zone().equals(ZoneId.of("Asia/Kolkata")) ? Instrument.nseEquity(s.symbol()) : Instrument.usEquity(s.symbol(), "US");
    }
}
