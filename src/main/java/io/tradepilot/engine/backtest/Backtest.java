package io.tradepilot.engine.backtest;

import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineEvents;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.portfolio.Portfolio;
import io.tradepilot.engine.portfolio.Position;
import io.tradepilot.engine.risk.TradingStatePort;
import io.tradepilot.engine.strategy.Strategy;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one strategy over one instrument's history on a {@link TradingEngine} with a
 * {@link SimulatedClock} set to each bar's start.
 *
 * <p>Contracts: bars are fed in order, each exactly once; the strategy decides at each bar's close;
 * with the default {@code NEXT_OPEN} fill mode an order decided at bar i fills at bar i+1's open (an
 * order decided at the last bar stays working and is reported). No position is closed at the end unless
 * {@link BacktestConfig#closeAtEnd()}; an open position is valued at the last close. The same inputs give
 * the same result and the same {@link BacktestResult#eventHash()}.
 *
 * <p>Speed: the loop reads the primitive arrays through one reusable {@link BarCursor}; per bar it
 * allocates nothing unless an order, a fill or a new equity peak happens. The recorded curve keeps
 * references to the (immutable) cash and position values, which only change on fills, and the bar at
 * which each such state starts; the per-bar curve (state index, equity as double) is formed from them
 * when first asked for. With no event sink and no hashing the engine counts, but does not build, the
 * events of its order/fill path.
 */
public final class Backtest {
    private Backtest() {}

    /** The fast entry point: primitive arrays of scaled prices. */
    public static BacktestResult run(BarArrays data, Strategy strategy, BacktestConfig config) {
        int n = data.size();
        Instrument instrument = data.instrument();
        long[] t = data.startMillis(), o = data.open(), h = data.high(), l = data.low(), c = data.close(), v = data.volume();
        int d = data.priceDecimals();
        SimulatedClock clock = new SimulatedClock(n > 0 ? t[0] : 0, data.zone());
        EventHasher hasher = new EventHasher(config.events(), config.hashEvents());
        EngineConfig engineConfig = new EngineConfig(new Money(config.initialCash(), instrument.currency()), config.broker(),
                config.risk(), TradingStatePort.alwaysAllowed(), data.zone(), null, null, 0, null, config.sizeReduction());
        TradingEngine engine = new TradingEngine(engineConfig, clock, OrderIdGenerator.sequential("O-"), hasher);
        int slot = engine.register(strategy, instrument, d);
        engine.setStrategyRules(strategy.id(), config.strategyRules());
        Portfolio portfolio = engine.portfolio();
        Position position = portfolio.position(slot);

        // per bar nothing is recorded: the (cash, position) state changes only on fills; stateStart[k] is
        // the first bar after which state k holds
        int[] stateStart = new int[64];
        List<BigDecimal> cashStates = new ArrayList<>();
        List<BigDecimal> qtyStates = new ArrayList<>();
        BigDecimal lastCash = portfolio.cash(), lastQty = position.quantity();
        cashStates.add(lastCash);
        qtyStates.add(lastQty);
        int states = 1;
        BarCursor cursor = new BarCursor();
        for (int i = 0; i < n; i++) {
            clock.setMillis(t[i]);
            engine.onBar(slot, cursor.set(i, t[i], o[i], h[i], l[i], c[i], v[i], d));
            BigDecimal cash = portfolio.cash();
            BigDecimal q = position.quantity();
            if (cash != lastCash || q != lastQty) {
                lastCash = cash;
                lastQty = q;
                cashStates.add(cash);
                qtyStates.add(q);
                if (states == stateStart.length) stateStart = Arrays.copyOf(stateStart, states * 2);
                stateStart[states++] = i;
            }
        }
        boolean closed = false;
        double lastEquity = Double.NaN;
        if (config.closeAtEnd() && n > 0 && !position.isFlat()) {
            engine.closeAllAtMark("close at end");
            closed = true;
            cashStates.add(portfolio.cash());
            qtyStates.add(position.quantity());
            if (states == stateStart.length) stateStart = Arrays.copyOf(stateStart, states + 1);
            stateStart[states++] = n - 1;
            lastEquity = portfolio.equity().doubleValue();
        }
        return new BacktestResult(data, config, strategy.id().value(), Arrays.copyOf(stateStart, states), cashStates.toArray(BigDecimal[]::new),
                qtyStates.toArray(BigDecimal[]::new), lastEquity, List.copyOf(portfolio.roundTrips()),
                portfolio.cash(), portfolio.equity(), position.quantity(), portfolio.fees(), portfolio.realizedPnl(),
                engine.workingCount(), engine.ordersAccepted(), hasher.count + engine.eventsNotBuilt(), hasher.hash, closed);
    }

    /** Convenience: exact bars, converted once to arrays (see {@link BarArrays#fromBars}). */
    public static BacktestResult run(Instrument instrument, List<Bar> bars, ZoneId zone, Strategy strategy, BacktestConfig config) {
        return run(BarArrays.fromBars(instrument, bars, zone), strategy, config);
    }

    /** Counts events and (optionally) folds their text into a 64-bit FNV-1a hash, then forwards them. */
    static final class EventHasher implements EngineEvents {
        private final EngineEvents next;
        private final boolean hashing;
        long count;
        long hash = 0xcbf29ce484222325L;

        EventHasher(EngineEvents next, boolean hashing) {
            this.next = next;
            this.hashing = hashing;
        }

        @Override
        public boolean discardsEvents() {
            return !hashing && next.discardsEvents();
        }

        @Override
        public void publish(EngineEvent event) {
            count++;
            if (!hashing) {
                next.publish(event);
                return;
            }
            String s = event.toString();
            for (int i = 0; i < s.length(); i++) {
                hash ^= s.charAt(i);
                hash *= 0x100000001b3L;
            }
            hash ^= '\n';
            hash *= 0x100000001b3L;
            next.publish(event);
        }
    }
}
