package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.WalkForwardInfo;
import io.tradepilot.backtests.WalkForwardReport;
import io.tradepilot.backtests.WalkForwardRequest;
import io.tradepilot.backtests.WalkForwards;
import io.tradepilot.engine.cli.StrategyParameters;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.research.Cell;
import io.tradepilot.engine.research.CellResult;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.ParameterSpace;
import io.tradepilot.engine.research.SeriesOutcome;
import io.tradepilot.engine.research.SweepMetric;
import io.tradepilot.engine.research.WalkForward;
import io.tradepilot.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@link WalkForwards}: reads for every signed-in role; submit and cancel for operators and admins, validated (the run
 * as {@link DefaultBacktests#validate} validates a run, the grid as a sweep's, the windows against each symbol's bars),
 * audited before they take effect and completed with SUCCESS or FAILED (the refusal).
 */
class DefaultWalkForwards implements WalkForwards {

    static final int MAX_CELLS = 2_000;
    static final int MAX_WINDOWS = 2_000;

    private final WalkForwardStore store;
    private final WalkForwardWindows windows;
    private final DefaultBacktests backtests;
    private final BacktestData data;
    private final Clock clock;

    DefaultWalkForwards(WalkForwardStore store, WalkForwardWindows windows, DefaultBacktests backtests, BacktestData data, Clock clock) {
        this.store = store;
        this.windows = windows;
        this.backtests = backtests;
        this.data = data;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = WalkForwardsDeniedHandler.class)
    public WalkForwardInfo submit(WalkForwardRequest request) {
        return backtests.audited("WALKFORWARD_SUBMITTED", "walkforwards", describe(request), () -> {
            WalkForwardStore.NewWalkForward valid = validate(request);
            long id = store.insert(valid, clock.instant());
            windows.enqueue(id, IntStream.range(0, valid.windows().size()).boxed().toList());
            return store.info(id).orElseThrow();
        });
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<WalkForwardInfo> walkForwards(int limit) {
        return store.latest(Math.max(1, Math.min(500, limit)));
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public WalkForwardInfo walkForward(long id) {
        return store.info(id).orElseThrow(() -> unknown(id));
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = WalkForwardsDeniedHandler.class)
    public WalkForwardInfo cancel(long id) {
        return backtests.audited("WALKFORWARD_CANCELLED", "walkforward:" + id, null, () -> {
            WalkForwardInfo w = store.info(id).orElseThrow(() -> unknown(id));
            if (!store.cancel(id, clock.instant())) {
                throw new BacktestRefusal(409, "NOT_CANCELLABLE", "id", "Walk-forward " + id + " is " + store.info(id).orElseThrow().state() + ".");
            }
            windows.unschedule(id, w.windows());
            return store.info(id).orElseThrow();
        });
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public WalkForwardReport report(long id) {
        WalkForwardInfo info = walkForward(id);
        if (info.state() != RunState.DONE) throw new BacktestRefusal(409, "NOT_DONE", "id", "Walk-forward " + id + " is " + info.state() + ".");
        List<String> optimised = List.copyOf(info.axes().keySet());
        Map<String, List<WalkForwardStore.WindowRow>> bySymbol = new LinkedHashMap<>();
        for (String symbol : info.symbols()) bySymbol.put(symbol, new ArrayList<>());
        for (WalkForwardStore.WindowRow row : store.windows(id)) bySymbol.get(row.symbol()).add(row);
        List<WalkForwardReport.SymbolWalk> symbols = new ArrayList<>();
        bySymbol.forEach((symbol, rows) -> {
            WalkForward.Stitched s = WalkForward.stitch(info.cash(), rows.stream().map(WalkForwardStore.WindowRow::figures).toList());
            List<WalkForwardReport.Window> out = new ArrayList<>();
            for (WalkForwardStore.WindowRow r : rows) {
                Map<String, String> params = new LinkedHashMap<>();
                for (String name : optimised) params.put(name, r.params().get(name));
                out.add(new WalkForwardReport.Window(r.window().index(), r.isFirst(), r.isLast(), r.oosFirst(), r.oosLast(), params, num(r.isObjective()),
                        r.isPnlNet(), metrics(r.isOutcome()), r.oosPnlNet(), r.oosOutcome().trades(), metrics(r.oosOutcome())));
            }
            symbols.add(new WalkForwardReport.SymbolWalk(symbol, out, s.equity().stream().map(p -> new WalkForwardReport.EquityPoint(p.time(), p.equity()))
                    .toList(), s.oosPnlNet(), info.cash().add(s.oosPnlNet()), num(s.efficiency())));
        });
        return new WalkForwardReport(info, optimised, symbols);
    }

    /** Every sweep metric of one series' figures (null where undefined). */
    private static Map<String, Double> metrics(SeriesOutcome outcome) {
        CellResult one = new CellResult(new Cell(0, Map.of()), false, List.of(outcome), null, null);
        Map<String, Double> out = new LinkedHashMap<>();
        for (SweepMetric m : SweepMetric.values()) out.put(m.key(), num(one.metric(m)));
        return out;
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static BacktestRefusal unknown(long id) {
        return new BacktestRefusal(404, "UNKNOWN_WALKFORWARD", "id", "No walk-forward " + id + ".");
    }

    /** The request checked field by field, the windows laid over each symbol's bars. */
    WalkForwardStore.NewWalkForward validate(WalkForwardRequest r) {
        if (r == null || r.run() == null) throw BacktestRefusal.badParameter("run", "Give the run every window is (configuration, symbols, dates, cash).");
        if (r.run().mode() == BacktestMode.PORTFOLIO) {
            throw BacktestRefusal.badParameter("mode", "A walk-forward runs each symbol on its own: choose independent single-symbol runs.");
        }
        JooqBacktestStore.NewRun run = backtests.validate(r.run());
        StrategyParameters.Resolved strategy = SweepChunks.strategy(run.document());
        if (strategy.riskPerTradePercent() != null) {
            throw BacktestRefusal.badParameter("configuration", "A walk-forward trades a fixed quantity: choose a configuration without risk_per_trade.");
        }
        List<ParameterAxis> axes = DefaultSweeps.axes(r.parameters(), strategy);
        if (r.isBars() == null || r.isBars() < 2) throw BacktestRefusal.badParameter("isBars", "Give the in-sample window: at least 2 bars.");
        if (r.oosBars() == null || r.oosBars() < 1) throw BacktestRefusal.badParameter("oosBars", "Give the out-of-sample window: at least 1 bar.");
        SweepMetric metric;
        try {
            metric = SweepMetric.of(r.metric() == null || r.metric().isBlank() ? "sharpe" : r.metric().strip());
        } catch (IllegalArgumentException e) {
            throw BacktestRefusal.badParameter("metric", e.getMessage());
        }
        ParameterSpace space;
        try {
            space = SweepChunks.space(strategy, axes, null, null);
        } catch (IllegalArgumentException invalid) {
            throw BacktestRefusal.badParameter("parameters", invalid.getMessage());
        }
        if (space.size() == 0) {
            throw new BacktestRefusal(422, "NO_CELLS", "parameters", "No combination is valid (" + space.skipped() + " break a rule of " + strategy.strategy() + ").");
        }
        if (space.size() > MAX_CELLS) throw BacktestRefusal.badParameter("parameters", "At most " + MAX_CELLS + " cells (this grid has " + space.size() + ").");
        boolean anchored = Boolean.TRUE.equals(r.anchored());
        List<WalkForwardStore.NewWindow> windows = new ArrayList<>();
        for (String symbol : run.symbols()) {
            BarSeries bars = data.load(symbol, run.from(), run.to()).orElse(null);
            int n = bars == null ? 0 : bars.size();
            if (n <= r.isBars()) {
                throw new BacktestRefusal(422, "NO_WINDOWS", "isBars", symbol + " has " + n + " bars from " + run.from() + " to " + run.to()
                        + ": the in-sample window of " + r.isBars() + " bars leaves none out of sample.");
            }
            for (WalkForward.Window w : WalkForward.windows(n, r.isBars(), r.oosBars(), anchored)) {
                windows.add(new WalkForwardStore.NewWindow(symbol, w, time(bars, w.isFrom()), time(bars, w.isTo() - 1), time(bars, w.oosFrom()),
                        time(bars, w.oosTo() - 1)));
            }
            if (windows.size() > MAX_WINDOWS) {
                throw BacktestRefusal.badParameter("oosBars", "At most " + MAX_WINDOWS + " windows over all symbols: make the out-of-sample window longer.");
            }
        }
        return new WalkForwardStore.NewWalkForward(run, axes, space.size(), r.isBars(), r.oosBars(), anchored, metric.key(), windows);
    }

    private static Instant time(BarSeries bars, int i) {
        return Instant.ofEpochMilli(bars.startMillis(i));
    }

    private static String describe(WalkForwardRequest r) {
        if (r == null) return null;
        return "parameters " + r.parameters() + "; is " + r.isBars() + " oos " + r.oosBars() + (Boolean.TRUE.equals(r.anchored()) ? " anchored" : " rolling")
                + "; metric " + r.metric() + "; run " + (r.run() == null ? null : (r.run().configKey() != null ? r.run().configKey() + " v"
                + r.run().configVersion() : "draft") + " " + r.run().symbols() + " " + r.run().from() + ".." + r.run().to());
    }
}
