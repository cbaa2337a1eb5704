package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.BacktestRunner;
import io.tradepilot.backtests.BacktestTrade;
import io.tradepilot.backtests.RunResult;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SymbolResult;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.backtest.Metrics;
import io.tradepilot.engine.backtest.PortfolioLimits;
import io.tradepilot.engine.backtest.PortfolioReport;
import io.tradepilot.engine.backtest.PortfolioResult;
import io.tradepilot.engine.backtest.UniverseReport;
import io.tradepilot.engine.backtest.UniverseResult;
import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.CommissionModel;
import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.broker.Slippage;
import io.tradepilot.engine.broker.ZerodhaCharges;
import io.tradepilot.engine.cli.StrategyParameters;
import io.tradepilot.engine.cli.UsageException;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.portfolio.RoundTrip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Executes one run when its Quartz job fires: claims it fairly ({@link JooqBacktestStore#claim}), loads its bars
 * through {@link BacktestData}, fingerprints them, runs the {@link BacktestRunner}, and writes the result with DONE
 * in one transaction. A cancel request is seen between bars (every {@code progressInterval}) and between symbols; a
 * failure ends the run FAILED with its reason; a crash leaves it RUNNING for Quartz to recover on another worker,
 * whose attempt replaces everything the crashed one wrote.
 */
final class BacktestWorker {

    private static final Logger log = LoggerFactory.getLogger(BacktestWorker.class);

    /** What became of a firing. */
    enum Fired { FINISHED, DEFERRED, SKIPPED }

    private final JooqBacktestStore store;
    private final BacktestData data;
    private final Map<BacktestMode, BacktestRunner> runners;
    private final BacktestsProperties properties;
    private final Clock clock;
    private final String worker;

    /** {@code runners}: the runner of each mode (every mode has one). */
    BacktestWorker(JooqBacktestStore store, BacktestData data, Map<BacktestMode, BacktestRunner> runners, BacktestsProperties properties, Clock clock,
                   String worker) {
        this.store = store;
        this.data = data;
        this.runners = Map.copyOf(runners);
        for (BacktestMode mode : BacktestMode.values()) {
            if (!this.runners.containsKey(mode)) throw new IllegalArgumentException("no runner for " + mode);
        }
        this.properties = properties;
        this.clock = clock;
        this.worker = worker;
    }

    Fired execute(long id, boolean recovering) {
        JooqBacktestStore.Claim claim = store.claim(id, recovering, properties.maxRunningPerUser(), worker, clock.instant());
        return switch (claim) {
            case JooqBacktestStore.Claim.Defer d -> Fired.DEFERRED;
            case JooqBacktestStore.Claim.Skip s -> {
                log.debug("Backtest {}: nothing to do ({})", id, s.why());
                yield Fired.SKIPPED;
            }
            case JooqBacktestStore.Claim.Run r -> {
                run(r.run(), r.attempt());
                yield Fired.FINISHED;
            }
        };
    }

    private void run(BacktestRun run, int attempt) {
        long id = run.id();
        try {
            BacktestRunner.Plan plan = plan(run);
            Map<String, BarSeries> series = new LinkedHashMap<>();
            Map<String, String> hashes = new LinkedHashMap<>();
            long total = 0;
            for (String symbol : run.symbols()) {
                BarSeries s = data.load(symbol, run.from(), run.to())
                        .orElseThrow(() -> new IllegalArgumentException("no data for " + symbol));
                if (s.isEmpty()) throw new IllegalArgumentException("no bars of " + symbol + " from " + run.from() + " to " + run.to());
                series.put(symbol, s);
                hashes.put(symbol, sha256(s));
                total += s.size();
            }
            String fingerprint = fingerprint(hashes);
            store.dataLoaded(id, attempt, total, fingerprint);
            Tracker tracker = new Tracker(id, attempt);
            BacktestRunner.Outcome outcome = runners.get(run.mode()).run(plan, series, tracker);
            boolean written;
            if (outcome.portfolio() != null) {
                PortfolioResult p = outcome.portfolio();
                written = store.complete(id, attempt, total, List.of(account(p, fingerprint)),
                        portfolio(p, hashes), PortfolioReport.html(p, plan.portfolio()), clock.instant());
            } else {
                List<JooqBacktestStore.SymbolRows> rows = new ArrayList<>();
                for (var e : outcome.bySymbol().entrySet()) rows.add(rows(e.getKey(), e.getValue(), hashes.get(e.getKey())));
                String html = UniverseReport.html(new UniverseResult(run.cash(), outcome.bySymbol()), run.strategyType());
                written = store.complete(id, attempt, total, rows, null, html, clock.instant());
            }
            if (!written) cancelledOrTaken(id);
        } catch (BacktestRunner.Cancelled c) {
            cancelledOrTaken(id);
        } catch (RuntimeException e) {
            String why = e instanceof IllegalArgumentException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("Backtest {} failed: {}", id, why, e instanceof IllegalArgumentException ? null : e);
            store.finish(id, RunState.RUNNING, RunState.FAILED, why == null ? "failed" : why.substring(0, Math.min(1900, why.length())), clock.instant());
        }
    }

    /** The run stopped: CANCELLED when that was asked (otherwise another attempt owns it and nothing changes). */
    private void cancelledOrTaken(long id) {
        store.run(id).filter(r -> r.cancelRequested()).ifPresent(r -> store.finish(id, RunState.RUNNING, RunState.CANCELLED, null, clock.instant()));
    }

    /** The engine settings of a stored run (its document was valid when submitted and is parsed the same way). */
    static BacktestRunner.Plan plan(BacktestRun run) {
        StrategyParameters.Resolved strategy;
        try {
            strategy = StrategyParameters.fromConfigText("configuration", run.document());
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new BacktestRunner.Plan(strategy, run.quantity(), run.cash(), broker(run), run.closeAtEnd(), run.cashOnly(), limits(run));
    }

    /**
     * A portfolio run's account limits, as the command line's {@code --max-positions}, {@code --heat-cap},
     * {@code --no-buying-power}, {@code --mis-leverage} (every symbol of the run intraday at that leverage) and
     * {@code --group}/{@code --max-per-group}.
     */
    static PortfolioLimits limits(BacktestRun run) {
        if (run.mode() != BacktestMode.PORTFOLIO) return null;
        PortfolioLimits limits = PortfolioLimits.cashAccount(run.maxPositions() == null ? 0 : run.maxPositions(), run.heatCap())
                .withBuyingPower(run.buyingPower());
        if (run.misLeverage() != null) limits = limits.withIntraday(java.util.Set.copyOf(run.symbols()), run.misLeverage());
        if (!run.correlationGroups().isEmpty()) {
            limits = limits.withCorrelationGroups(run.correlationGroups(), run.maxPositionsPerGroup() == null ? 1 : run.maxPositionsPerGroup());
        }
        return limits;
    }

    /**
     * A portfolio's account row: its figures as a {@link SymbolResult} named {@link SymbolResult#ACCOUNT}, its equity
     * after each time step (the day's last step for intraday data), every trade with its symbol.
     */
    static JooqBacktestStore.SymbolRows account(PortfolioResult r, String fingerprint) {
        Metrics m = r.metrics();
        List<BacktestTrade> trades = new ArrayList<>();
        Map<String, Integer> seq = new HashMap<>();
        for (RoundTrip t : r.trades()) {
            String symbol = t.symbol();
            trades.add(trade(symbol, seq.merge(symbol, 1, Integer::sum), t));
        }
        long[] starts = r.stepMillis();
        int n = starts.length;
        List<RunResult.Point> equity = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == n - 1 || !day(starts[i], r.zone()).equals(day(starts[i + 1], r.zone()))) {
                var step = r.step(i);
                equity.add(new RunResult.Point(step.time(), step.equity()));
            }
        }
        BigDecimal open = BigDecimal.ZERO;
        for (var p : r.openPositions()) open = open.add(p.quantity());
        SymbolResult figures = new SymbolResult(SymbolResult.ACCOUNT, n, n == 0 ? null : Instant.ofEpochMilli(starts[0]),
                n == 0 ? null : Instant.ofEpochMilli(starts[n - 1]), fingerprint, m.tradeCount(), r.initialCash(), r.finalEquity(), r.finalCash(), open,
                r.fees(), r.realizedPnlGross(), r.tradesPnlGross(), r.tradesPnlNet(), m.totalReturn(), m.cagr(), m.sharpe(), m.sortino(),
                m.maxDrawdown(), m.winRate(), m.profitFactor(), m.expectancy(), m.averageR(), m.exposureTime());
        return new JooqBacktestStore.SymbolRows(figures, equity, trades);
    }

    /** A portfolio's account-only figures: open P&L, reconciliation, cash low, refusals by reason, contributions. */
    static RunResult.Portfolio portfolio(PortfolioResult r, Map<String, String> hashes) {
        Map<String, Long> refusals = new TreeMap<>();
        r.refusalsByReason().forEach((code, count) -> refusals.put(code.name(), count));
        Map<String, BarArrays> data = new HashMap<>();
        for (BarArrays a : r.data()) data.put(a.instrument().symbol(), a);
        List<RunResult.Contribution> contributions = new ArrayList<>();
        for (PortfolioResult.Contribution c : r.contributions()) {
            BarArrays a = data.get(c.symbol());
            long[] starts = a.startMillis();
            contributions.add(new RunResult.Contribution(c.symbol(), c.bars(), starts.length == 0 ? null : Instant.ofEpochMilli(starts[0]),
                    starts.length == 0 ? null : Instant.ofEpochMilli(starts[starts.length - 1]), hashes.getOrDefault(c.symbol(), ""), c.trades(),
                    c.tradesPnlGross(), c.tradesFees(), c.tradesPnlNet(), c.openQuantity(), c.openPnlNet(), c.contribution(), c.refusals()));
        }
        return new RunResult.Portfolio(r.openPnlNet(), r.reconciliationDifference(), r.minCash(), r.maxOpenPositions(), refusals, contributions);
    }

    private static BacktestTrade trade(String symbol, int seq, RoundTrip t) {
        return new BacktestTrade(symbol, seq, t.direction() == Side.BUY ? "LONG" : "SHORT", t.entryTime(), t.entryPrice(), t.exitTime(),
                t.exitPrice(), t.quantity(), t.grossPnl(), t.fees(), t.netPnl(), t.rMultiple());
    }

    static BrokerConfig broker(BacktestRun run) {
        return broker(run.fill(), run.fee(), run.feeValue(), run.slippage(), run.slippageValue());
    }

    /** The engine's broker of a run's (or a sweep's) fill, fee and slippage models. */
    static BrokerConfig broker(io.tradepilot.backtests.FillModel fill, io.tradepilot.backtests.FeeModel fee, BigDecimal feeValue,
                               io.tradepilot.backtests.SlippageModel slippage, BigDecimal slippageValue) {
        CommissionModel fees = switch (fee) {
            case NONE -> CommissionModel.NONE;
            case PERCENT -> feeValue.signum() == 0 ? CommissionModel.NONE : CommissionModel.percentOfNotional(feeValue);
            case ZERODHA_DELIVERY -> ZerodhaCharges.delivery();
            case ZERODHA_INTRADAY -> ZerodhaCharges.intraday();
        };
        Slippage slip = switch (slippage) {
            case NONE -> Slippage.NONE;
            case BPS -> new Slippage.Bps(slippageValue);
            case TICKS -> new Slippage.Ticks(slippageValue.intValueExact());
        };
        return BrokerConfig.defaults().withFillMode(fill == io.tradepilot.backtests.FillModel.SAME_CLOSE ? FillMode.SAME_CLOSE : FillMode.NEXT_OPEN)
                .withCommission(fees).withSlippage(slip);
    }

    /** One symbol's rows: figures, the equity after each bar (the day's last bar for intraday data), the trades. */
    static JooqBacktestStore.SymbolRows rows(String symbol, BacktestResult r, String sha256) {
        Metrics m = r.metrics();
        BigDecimal gross = BigDecimal.ZERO, net = BigDecimal.ZERO;
        List<BacktestTrade> trades = new ArrayList<>();
        int seq = 0;
        for (RoundTrip t : r.trades()) {
            gross = gross.add(t.grossPnl());
            net = net.add(t.netPnl());
            trades.add(trade(symbol, ++seq, t));
        }
        int n = r.bars();
        long[] starts = r.data().startMillis();
        var zone = r.data().zone();
        List<RunResult.Point> equity = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean lastOfDay = i == n - 1 || !day(starts[i], zone).equals(day(starts[i + 1], zone));
            if (lastOfDay) {
                var p = r.equityAt(i);
                equity.add(new RunResult.Point(p.time(), p.equity()));
            }
        }
        SymbolResult figures = new SymbolResult(symbol, n, n == 0 ? null : Instant.ofEpochMilli(starts[0]),
                n == 0 ? null : Instant.ofEpochMilli(starts[n - 1]), sha256, m.tradeCount(), r.config().initialCash(), r.finalEquity(),
                r.finalCash(), r.openQuantity(), r.fees(), r.realizedPnl(), gross, net, m.totalReturn(), m.cagr(), m.sharpe(), m.sortino(),
                m.maxDrawdown(), m.winRate(), m.profitFactor(), m.expectancy(), m.averageR(), m.exposureTime());
        return new JooqBacktestStore.SymbolRows(figures, equity, trades);
    }

    private static LocalDate day(long millis, java.time.ZoneId zone) {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    /**
     * SHA-256 of one series: its symbol, zone and price scale, then per bar its start (epoch ms) and scaled open,
     * high, low, close and volume, as text lines. Equal bars give equal hashes on any machine.
     */
    static String sha256(BarSeries s) {
        MessageDigest d = digest();
        d.update((s.symbol() + "\n" + s.zone().getId() + "\n" + s.priceScale() + "\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder line = new StringBuilder(96);
        for (int i = 0; i < s.size(); i++) {
            line.setLength(0);
            line.append(s.startMillis(i)).append(',').append(s.open(i)).append(',').append(s.high(i)).append(',').append(s.low(i))
                    .append(',').append(s.close(i)).append(',').append(s.volume(i)).append('\n');
            d.update(line.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The run's fingerprint: SHA-256 of the lines {@code SYMBOL:sha256}, in the run's symbol order. */
    static String fingerprint(Map<String, String> hashes) {
        MessageDigest d = digest();
        hashes.forEach((symbol, hash) -> d.update((symbol + ":" + hash + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts bars; every {@code progressInterval} writes the progress and stops the run when it was cancelled. */
    private final class Tracker implements BacktestRunner.Progress {
        private final long id;
        private final int attempt;
        private final long intervalNanos = properties.progressInterval().toNanos();
        private long bars;
        private long nextCheck = System.nanoTime();

        Tracker(long id, int attempt) {
            this.id = id;
            this.attempt = attempt;
        }

        @Override
        public void bar() {
            bars++;
            if ((bars & 255) == 0 && System.nanoTime() - nextCheck >= 0) checkpoint();
        }

        @Override
        public void checkpoint() {
            nextCheck = System.nanoTime() + intervalNanos;
            if (store.progress(id, attempt, bars, clock.instant())) throw new BacktestRunner.Cancelled();
        }
    }
}
