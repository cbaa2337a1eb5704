package io.tradepilot.scheduler.internal;

import io.tradepilot.base.PeriodicTask;
import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.OrderFill;
import io.tradepilot.trading.TradingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the stops and targets of the trades the scan entered, on every bar the engine's feed delivers: each
 * {@code exit-watch} period it reads, for every open scan trade whose entry filled, the bars of its symbol the market
 * data cache holds from the entry's fill on that it has not checked yet, oldest first, and applies {@link SetupExitRule}
 * to each; the first trigger places its exit through {@link SetupTrades} (once per trade and kind). A trade whose
 * position is flat again after its entry filled (seen on two checks in a row) is recorded EXITED (by its exits, the
 * square-off, an operator…).
 *
 * <p>Why a watch and not resting orders: the order model has no bracket (one-cancels-other) leg, the protective stop
 * places no order, and a resting target order left working after the stop closed the position would open a new one the
 * other way. A MARKET exit decided on a touched bar fills at the next price the engine sees, like the backtester's
 * exits. Runs only where the engine runs ({@link TradingQueries#livePortfolio()} present); elsewhere it does nothing.
 * After a restart the bars since each entry's fill are checked again: the claims keep every exit single.
 */
final class SetupExitWatch extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(SetupExitWatch.class);
    /** Bars read per symbol and check at most (the cache keeps the newest bars only). */
    static final int BARS = 500;

    private final SchedulerStore store;
    private final SetupTrades trades;
    private final TradingQueries trading;
    private final MarketDataQueries marketData;
    private final Map<String, Instant> checkedUpTo = new ConcurrentHashMap<>();
    /** Trades seen flat on the previous check: a trade is recorded EXITED when seen flat on two checks in a row. */
    private final Set<String> seenFlat = ConcurrentHashMap.newKeySet();

    SetupExitWatch(SchedulerStore store, SetupTrades trades, TradingQueries trading, MarketDataQueries marketData, java.time.Duration period) {
        super("3wi-exit-watch", period);
        this.store = store;
        this.trades = trades;
        this.trading = trading;
        this.marketData = marketData;
    }

    @Override
    protected void poll() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("3WI exit watch: this check failed ({}); the next one tries again", e.toString());
        }
    }

    /** One check of every open scan trade; returns what it did (one line per action). */
    synchronized List<String> check() {
        Optional<LivePortfolio> live = trading.livePortfolio();
        List<String> done = new ArrayList<>();
        if (live.isEmpty()) return done;
        for (SchedulerStore.OpenTrade t : store.openTrades()) {
            List<OrderFill> fills = trading.fills(t.orderId());
            if (fills.isEmpty()) continue; // the entry has not filled (yet)
            Instant filledAt = fills.getFirst().filledAt();
            boolean isLong = "BUY".equals(t.plan().side());
            var position = live.get().positions().stream().filter(p -> p.symbol().equals(t.symbol())).findFirst();
            if (position.isEmpty() || position.get().quantity().signum() != (isLong ? 1 : -1)) {
                if (seenFlat.add(t.setupId())) continue; // once more before it counts: snapshot and ledger are read apart
                String why = "position flat after the entry filled at " + filledAt
                        + (store.exits(t.setupId()).isEmpty() ? "" : "; exits: " + String.join(", ",
                        store.exits(t.setupId()).stream().map(e -> e.trigger() + " " + e.state()).toList()));
                store.tradeExited(t.setupId(), why);
                checkedUpTo.remove(t.setupId());
                seenFlat.remove(t.setupId());
                done.add(t.setupId() + " EXITED");
                continue;
            }
            seenFlat.remove(t.setupId());
            boolean booked = store.exits(t.setupId()).stream().anyMatch(e -> e.kind().equals("BOOK") && "PLACED".equals(e.state()));
            Instant after = checkedUpTo.get(t.setupId());
            for (CachedBar bar : marketData.recentBars(t.symbol(), BARS)) {
                if (bar.start().isBefore(filledAt) || (after != null && !bar.start().isAfter(after))) continue;
                checkedUpTo.put(t.setupId(), bar.start());
                var trigger = SetupExitRule.check(t.plan().side(), t.plan().stop(), t.plan().target1(), t.plan().target2(), booked,
                        bar.high(), bar.low());
                if (trigger.isEmpty()) continue;
                String why = "bar " + bar.start() + " high " + bar.high().toPlainString() + " low " + bar.low().toPlainString()
                        + " vs stop " + t.plan().stop().toPlainString() + ", T1 " + plain(t.plan().target1()) + ", T2 " + plain(t.plan().target2());
                done.add(trades.exit(t, trigger.get(), why));
                break; // the next check sees the position after this exit
            }
        }
        return done;
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? "–" : v.toPlainString();
    }
}
