package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.strategy.SmaCross;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.params.Parameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Walk-forward optimisation of one series: for each window, the sweep of the space over the in-sample (IS) bars
 * picks the best cell by the objective; that cell is then backtested on the following out-of-sample (OOS) bars.
 *
 * <p>Windows, in bar indices {@code [from, to)}: OOS window k starts at {@code isBars + k·oosBars} and holds
 * {@code oosBars} bars (the last one may be shorter); its IS window is the {@code isBars} bars before it
 * (rolling) or every bar from the first (anchored).
 *
 * <p>Runs and warm-up (no look-ahead). An IS window is swept on its own bars only: each cell starts cold at the
 * window's first bar, and nothing after the window is read. The chosen cell's OOS run is an independent engine
 * backtest of the bars {@code [oosFrom − W, oosTo)} where W is the cell's warm-up: for sma-cross {@code slow − 1}
 * bars, so both averages are defined at the OOS window's first bar and no order can be decided before its second
 * bar (nothing trades in the warm-up); other strategies start cold at the OOS window's first bar (W = 0). The
 * warm-up bars are earlier prices only: no choice made on them depends on OOS data, and a window's result does not
 * depend on any bar after it.
 *
 * <p>Stitched OOS equity: each OOS run starts from the initial cash; the stitched curve adds each window's P&L
 * (final equity − initial cash, open positions marked at the window's last close) to the sum of the earlier
 * windows' P&Ls, exactly. Walk-forward efficiency (WFE) = (OOS P&L per OOS bar, over all windows) / (the chosen
 * cells' IS P&L per IS bar, over all windows); NaN when the IS rate is not positive.
 */
public final class WalkForward {
    private WalkForward() {}

    public record Window(int index, int isFrom, int isTo, int oosFrom, int oosTo) {}

    /**
     * One window's choice and its OOS run ({@code oos} covers {@code [runFrom, oosTo)} of the series); {@code isOutcome}
     * is the chosen cell's in-sample figures.
     */
    public record WindowResult(Window window, Cell chosen, double isObjective, BigDecimal isPnlNet, int runFrom, BacktestResult oos,
                               BigDecimal oosPnlNet, SeriesOutcome isOutcome) {}

    /** An exact point of the stitched OOS equity curve. */
    public record EquityPoint(Instant time, BigDecimal equity) {}

    public record Result(SweepMetric objective, boolean anchored, List<WindowResult> windows, List<EquityPoint> stitched,
                         BigDecimal oosPnlNet, double efficiency) {}

    /** The windows over {@code bars} bars; refuses sizes below 1 or too few bars for one OOS window. */
    public static List<Window> windows(int bars, int isBars, int oosBars, boolean anchored) {
        if (isBars < 1 || oosBars < 1) throw new IllegalArgumentException("in-sample and out-of-sample sizes must be at least 1 bar");
        if (bars <= isBars) throw new IllegalArgumentException("needs more than " + isBars + " bars for one out-of-sample window, got " + bars);
        List<Window> out = new ArrayList<>();
        for (int k = 0, from = isBars; from < bars; k++, from += oosBars) {
            out.add(new Window(k, anchored ? 0 : from - isBars, from, from, Math.min(bars, from + oosBars)));
        }
        return out;
    }

    /** Bars the cell reads before a window so that it is warm at the window's first bar (see the class doc). */
    public static int warmUp(String strategy, Parameters p) {
        return strategy.equals(SmaCross.NAME) ? p.integer("slow") - 1 : 0;
    }

    /**
     * What stitching needs of one window: its IS and OOS sizes in bars, the chosen cell's IS net P&L, the OOS run's net
     * P&L and its equity from the OOS window's first bar on (the warm-up left out).
     */
    public record WindowFigures(int isBars, int oosBars, BigDecimal isPnlNet, BigDecimal oosPnlNet, List<EquityPoint> oosEquity) {
        public WindowFigures {
            oosEquity = List.copyOf(oosEquity);
        }

        public static WindowFigures of(WindowResult r) {
            Window w = r.window();
            return new WindowFigures(w.isTo() - w.isFrom(), w.oosTo() - w.oosFrom(), r.isPnlNet(), r.oosPnlNet(), WalkForward.oosEquity(r));
        }
    }

    /** The stitched OOS equity, the OOS net P&L over all windows and the walk-forward efficiency (see the class doc). */
    public record Stitched(List<EquityPoint> equity, BigDecimal oosPnlNet, double efficiency) {}

    public static Result run(ParameterSpace space, Quantity quantity, BacktestConfig config, BarArrays series, int isBars, int oosBars,
                             boolean anchored, SweepMetric objective, int threads) {
        Objects.requireNonNull(objective, "objective");
        List<WindowResult> results = new ArrayList<>();
        List<WindowFigures> figures = new ArrayList<>();
        for (Window w : windows(series.size(), isBars, oosBars, anchored)) {
            WindowResult r = runWindow(space, quantity, config, series, w, objective, threads);
            results.add(r);
            figures.add(WindowFigures.of(r));
        }
        Stitched s = stitch(config.initialCash(), figures);
        return new Result(objective, anchored, List.copyOf(results), s.equity(), s.oosPnlNet(), s.efficiency());
    }

    /**
     * One window on its own (a job of a distributed walk-forward): the IS sweep of {@code space} on the window's IS bars,
     * the best cell by {@code objective} (ties to the lower index), and its OOS run from its warm-up. Depends on no bar
     * after {@code w.oosTo()} and on no other window.
     */
    public static WindowResult runWindow(ParameterSpace space, Quantity quantity, BacktestConfig config, BarArrays series, Window w,
                                         SweepMetric objective, int threads) {
        Objects.requireNonNull(objective, "objective");
        SweepResult is = new Sweep(new SweepSpec(space, quantity, config), List.of(slice(series, w.isFrom(), w.isTo())), threads).runAll();
        CellResult best = is.ranked(objective).getFirst();
        Parameters p = Strategies.definition(space.strategy()).schema().validate(best.cell().params(), "").values();
        int runFrom = Math.max(0, w.oosFrom() - warmUp(space.strategy(), p));
        BacktestResult oos = runCell(space.strategy(), p, quantity, config, slice(series, runFrom, w.oosTo()));
        return new WindowResult(w, best.cell(), best.metric(objective), best.pnlNet(), runFrom, oos, oos.finalEquity().subtract(config.initialCash()),
                best.series().getFirst());
    }

    /** The OOS run's equity from the OOS window's first bar on (without the warm-up bars), exact. */
    public static List<EquityPoint> oosEquity(WindowResult r) {
        List<EquityPoint> out = new ArrayList<>();
        for (int i = r.window().oosFrom() - r.runFrom(); i < r.oos().bars(); i++) {
            var e = r.oos().equityAt(i);
            out.add(new EquityPoint(e.time(), e.equity()));
        }
        return out;
    }

    /** Stitches windows (in window order), each OOS run having started from {@code cash}. */
    public static Stitched stitch(BigDecimal cash, List<WindowFigures> windows) {
        List<EquityPoint> stitched = new ArrayList<>();
        BigDecimal carried = BigDecimal.ZERO;
        double isPnl = 0, oosPnl = 0;
        long isBarsTotal = 0, oosBarsTotal = 0;
        for (WindowFigures w : windows) {
            for (EquityPoint e : w.oosEquity()) stitched.add(new EquityPoint(e.time(), cash.add(carried).add(e.equity().subtract(cash))));
            carried = carried.add(w.oosPnlNet());
            isPnl += w.isPnlNet().doubleValue();
            oosPnl += w.oosPnlNet().doubleValue();
            isBarsTotal += w.isBars();
            oosBarsTotal += w.oosBars();
        }
        double isRate = isPnl / isBarsTotal, oosRate = oosPnl / oosBarsTotal;
        return new Stitched(List.copyOf(stitched), carried, isRate > 0 ? oosRate / isRate : Double.NaN);
    }

    static BacktestResult runCell(String strategy, Parameters p, Quantity quantity, BacktestConfig config, BarArrays data) {
        return Backtest.run(data, Strategies.create(strategy, p.asMap(), quantity == null ? (ctx, entry, stop) -> {
            throw new IllegalStateException(strategy + " sizes its entries itself");
        } : new Strategies.FixedSizing(quantity)), config);
    }

    /** Bars {@code [from, to)} of {@code a} as their own arrays. */
    public static BarArrays slice(BarArrays a, int from, int to) {
        return new BarArrays(a.instrument(), Arrays.copyOfRange(a.startMillis(), from, to), Arrays.copyOfRange(a.open(), from, to),
                Arrays.copyOfRange(a.high(), from, to), Arrays.copyOfRange(a.low(), from, to), Arrays.copyOfRange(a.close(), from, to),
                Arrays.copyOfRange(a.volume(), from, to), a.priceDecimals(), a.zone());
    }
}
