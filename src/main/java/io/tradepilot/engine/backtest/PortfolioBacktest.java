package io.tradepilot.engine.backtest;

import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineEvents;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.portfolio.Portfolio;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.TradingStatePort;
import io.tradepilot.engine.strategy.Strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * A portfolio backtest: one account trading many instruments with one cash balance, on one
 * {@link TradingEngine} (the live engine's class) with the configuration's risk chain (build it with
 * {@link PortfolioLimits} to get the live chain's open-position, correlation-group, heat, buying-power and
 * trading-window checks in the live order). An entry the chain refuses (e.g. one the available cash or margin
 * cannot pay for) is not placed; every refusal is kept with its reason code and message and counted.
 *
 * <p>Time and order (no look-ahead):
 * <ul>
 *   <li>The bars of all instruments are merged in time order. Bars of different instruments with the same
 *       start time form one time step and are processed in ascending symbol order (the order is fixed and
 *       independent of the input's order); the clock reads that start time throughout the step.</li>
 *   <li>Each bar goes through {@link TradingEngine#onBar} exactly as in a single backtest: the instrument's
 *       working orders fill or expire on it, its mark moves to its close, then its strategy decides at its
 *       close. A decision therefore sees every bar up to its own close, including the other instruments'
 *       bars of the same time step that come before it in symbol order (complete bars of the same time,
 *       never a later one), and the account as it stands after them.</li>
 *   <li>Fill model ({@link io.tradepilot.engine.broker.FillMode}): with {@code NEXT_OPEN} (default) a market
 *       order decided at a bar's close fills at the open of its instrument's next bar (an order decided on an
 *       instrument's last bar stays working and is reported); with {@code SAME_CLOSE} it fills at once at the
 *       deciding bar's close. The risk chain decides at the decision, valuing a market order at the last
 *       close; an accepted entry not yet filled counts, until it fills or ends, as an open position and as
 *       reserved cash or margin ({@link io.tradepilot.engine.risk.WorkingEntries}), so entries decided in
 *       the same step cannot spend the same cash twice. A next-open fill after a gap up, and the fill's
 *       charges, may cost more than was checked: {@link PortfolioResult#minCash()} shows whether cash ever
 *       went below zero.</li>
 *   <li>The account's equity is recorded after each time step: cash plus every position at its
 *       instrument's last close (an instrument without a bar in the step keeps its previous mark).</li>
 * </ul>
 *
 * <p>Prices: all instruments are brought to one price scale (the largest of the inputs' decimals) so that
 * the portfolio keeps its exact integer fast path; a strategy working on doubles may see the last bit of a
 * price differ from a run at a smaller scale. Every instrument must trade in the same currency and the same
 * market zone.
 *
 * <p>Exactness: {@code final equity = initial cash + the round trips' net P&L + the open positions' net
 * mark-to-market} holds exactly ({@link PortfolioResult#reconciliationDifference()}). A run with one
 * instrument is the single backtest ({@link Backtest}): the same events, trades and equity.
 */
public final class PortfolioBacktest {
    private PortfolioBacktest() {
    }

    /**
     * Watches a running backtest from the thread that runs it: progress and cancellation (e.g. a job
     * scheduler's). Both are called on the backtest's thread and must be quick.
     */
    public interface Monitor {
        /** Reports nothing and never cancels. */
        Monitor NONE = new Monitor() { };

        /**
         * The fraction of all bars processed so far, in (0, 1]: called at most about a hundred times, whenever
         * another hundredth is done, and with 1 when the last bar is done.
         */
        default void progress(double fractionDone) {
        }

        /**
         * Asked between time steps (never inside one); true stops the run with a {@link CancellationException}
         * and no result.
         */
        default boolean cancelRequested() {
            return false;
        }
    }

    /**
     * Runs {@code strategies} (one fresh strategy per instrument, made by the function) over {@code series}, each
     * series traded as its key instrument. See the class documentation.
     *
     * @throws CancellationException when {@code monitor} asked to stop
     * @throws IllegalArgumentException for no series, instruments in different currencies or series in different
     *                                  zones
     */
    public static PortfolioResult run(BacktestConfig config, Map<Instrument, BarSeries> series, Function<Instrument, Strategy> strategies,
                                      Monitor monitor) {
        List<BarArrays> data = new ArrayList<>(series.size());
        series.forEach((instrument, s) -> data.add(BarArrays.of(instrument, s)));
        return run(config, data, strategies, monitor);
    }

    /** As {@link #run(BacktestConfig, Map, Function, Monitor)}, from the arrays form of each instrument's bars. */
    public static PortfolioResult run(BacktestConfig config, List<BarArrays> input, Function<Instrument, Strategy> strategies, Monitor monitor) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(strategies, "strategies");
        Objects.requireNonNull(monitor, "monitor");
        if (input.isEmpty()) throw new IllegalArgumentException("no series to backtest");
        List<BarArrays> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparing(a -> a.instrument().symbol()));
        int decimals = 0;
        for (int s = 1; s < sorted.size(); s++) {
            if (sorted.get(s).instrument().symbol().equals(sorted.get(s - 1).instrument().symbol())) {
                throw new IllegalArgumentException("two series for " + sorted.get(s).instrument().symbol());
            }
        }
        BarArrays first = sorted.getFirst();
        for (BarArrays a : sorted) {
            if (!a.instrument().currency().equals(first.instrument().currency())) {
                throw new IllegalArgumentException(a.instrument().symbol() + " trades in " + a.instrument().currency() + ", "
                        + first.instrument().symbol() + " in " + first.instrument().currency() + ": one account holds one currency");
            }
            if (!a.zone().equals(first.zone())) {
                throw new IllegalArgumentException(a.instrument().symbol() + " is in zone " + a.zone() + ", " + first.instrument().symbol()
                        + " in " + first.zone() + ": one market zone per portfolio");
            }
            decimals = Math.max(decimals, a.priceDecimals());
        }
        int k = sorted.size();
        BarArrays[] data = new BarArrays[k];
        for (int s = 0; s < k; s++) data[s] = sorted.get(s).withPriceDecimals(decimals);

        long totalBars = 0;
        long firstTime = Long.MAX_VALUE;
        int longest = 0;
        for (BarArrays a : data) {
            totalBars += a.size();
            longest = Math.max(longest, a.size());
            if (a.size() > 0) firstTime = Math.min(firstTime, a.startMillis()[0]);
        }
        SimulatedClock clock = new SimulatedClock(firstTime == Long.MAX_VALUE ? 0 : firstTime, first.zone());
        Backtest.EventHasher hasher = new Backtest.EventHasher(config.events(), config.hashEvents());
        RefusalRecorder refusals = new RefusalRecorder(hasher);
        EngineConfig engineConfig = new EngineConfig(new Money(config.initialCash(), first.instrument().currency()), config.broker(),
                config.risk(), TradingStatePort.alwaysAllowed(), first.zone(), null, null, 0, null);
        TradingEngine engine = new TradingEngine(engineConfig, clock, OrderIdGenerator.sequential("O-"), refusals);
        int[] slot = new int[k];
        String strategyName = null;
        for (int s = 0; s < k; s++) {
            Strategy strategy = Objects.requireNonNull(strategies.apply(data[s].instrument()), "strategy for " + data[s].instrument().symbol());
            if (strategyName == null) strategyName = strategy.id().value();
            slot[s] = engine.register(strategy, data[s].instrument(), decimals);
        }
        Portfolio portfolio = engine.portfolio();

        Steps steps = new Steps(longest + 1);
        int[] at = new int[k];
        long[][] t = new long[k][], o = new long[k][], h = new long[k][], l = new long[k][], c = new long[k][], v = new long[k][];
        for (int s = 0; s < k; s++) {
            t[s] = data[s].startMillis();
            o[s] = data[s].open();
            h[s] = data[s].high();
            l[s] = data[s].low();
            c[s] = data[s].close();
            v[s] = data[s].volume();
        }
        BarCursor cursor = new BarCursor();
        long done = 0;
        long nextReport = Math.max(1, totalBars / 100);
        long now = firstTime;
        long reported = -1;
        while (now != Long.MAX_VALUE) {
            if (monitor.cancelRequested()) throw new CancellationException("portfolio backtest cancelled after " + done + " of " + totalBars + " bars");
            clock.setMillis(now);
            long next = Long.MAX_VALUE;
            for (int s = 0; s < k; s++) {
                int i = at[s];
                long[] ts = t[s];
                if (i == ts.length) continue;
                if (ts[i] == now) {
                    engine.onBar(slot[s], cursor.set(i, now, o[s][i], h[s][i], l[s][i], c[s][i], v[s][i], decimals));
                    done++;
                    if (++i == ts.length) {
                        at[s] = i;
                        continue;
                    }
                    at[s] = i;
                }
                if (ts[i] < next) next = ts[i];
            }
            steps.add(now, portfolio.cash(), portfolio.equity(), portfolio.openPositionCount());
            if (done >= nextReport) {
                reported = done;
                monitor.progress((double) done / totalBars);
                nextReport = done + Math.max(1, totalBars / 100);
            }
            now = next;
        }
        boolean closed = false;
        if (config.closeAtEnd() && steps.size > 0 && portfolio.openPositionCount() > 0) {
            engine.closeAllAtMark("close at end");
            closed = true;
            steps.replaceLast(portfolio.cash(), portfolio.equity(), portfolio.openPositionCount());
        }
        if (reported != totalBars) monitor.progress(1.0);
        return new PortfolioResult(config, strategyName, List.of(data), Arrays.copyOf(steps.time, steps.size),
                Arrays.copyOf(steps.cash, steps.size), Arrays.copyOf(steps.equity, steps.size), Arrays.copyOf(steps.open, steps.size),
                List.copyOf(portfolio.roundTrips()), portfolio, refusals.list, refusals.byCode, engine.workingCount(), engine.ordersAccepted(),
                hasher.count + engine.eventsNotBuilt(), hasher.hash, closed, done);
    }

    /** The account after each time step, in growable arrays. */
    private static final class Steps {
        long[] time;
        BigDecimal[] cash;
        BigDecimal[] equity;
        int[] open;
        int size;

        Steps(int capacity) {
            time = new long[capacity];
            cash = new BigDecimal[capacity];
            equity = new BigDecimal[capacity];
            open = new int[capacity];
        }

        void add(long t, BigDecimal c, BigDecimal e, int positions) {
            if (size == time.length) {
                int n = size + (size >> 1) + 16;
                time = Arrays.copyOf(time, n);
                cash = Arrays.copyOf(cash, n);
                equity = Arrays.copyOf(equity, n);
                open = Arrays.copyOf(open, n);
            }
            time[size] = t;
            cash[size] = c;
            equity[size] = e;
            open[size] = positions;
            size++;
        }

        void replaceLast(BigDecimal c, BigDecimal e, int positions) {
            cash[size - 1] = c;
            equity[size - 1] = e;
            open[size - 1] = positions;
        }
    }

    /** Keeps every refused order (reason code and message) and forwards all events. */
    static final class RefusalRecorder implements EngineEvents {
        private final EngineEvents next;
        final List<PortfolioResult.Refusal> list = new ArrayList<>();
        final Map<RejectionCode, Long> byCode = new EnumMap<>(RejectionCode.class);

        RefusalRecorder(EngineEvents next) {
            this.next = next;
        }

        @Override
        public void publish(EngineEvent event) {
            if (event instanceof EngineEvent.OrderRejected r) {
                list.add(new PortfolioResult.Refusal(r.time(), r.symbol(), r.code(), r.message()));
                byCode.merge(r.code(), 1L, Long::sum);
            }
            next.publish(event);
        }

        @Override
        public boolean discardsEvents() {
            // refusals are published whether or not the sink discards events (only the order/fill path is skipped)
            return next.discardsEvents();
        }

        @Override
        public void commandApplied() {
            next.commandApplied();
        }
    }
}
