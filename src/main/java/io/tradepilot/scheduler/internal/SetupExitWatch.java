package io.tradepilot.scheduler.internal;

import io.tradepilot.base.PeriodicTask;
import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.OrderFill;
import io.tradepilot.trading.TradingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
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
 *
 * <p>The stop moves as the trade goes its way ({@link SetupStopRule}: breakeven at +3 % or target 1, then trailing one
 * rung behind the best move): each rung a bar reaches is recorded once per trade ({@code setup_stop}, the primary key is
 * the claim) with the bar that reached it, and applies to the bars after that one, so a restart re-reading the same bars
 * arrives at the same stop for every bar. An exit whose order ended unfilled (cancelled, expired, rejected) is released
 * first, so the next bar that triggers it places it again.
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

    private final java.time.Clock clock;
    private final boolean moveStops;

    SetupExitWatch(SchedulerStore store, SetupTrades trades, TradingQueries trading, MarketDataQueries marketData, java.time.Duration period,
                   java.time.Clock clock, boolean moveStops) {
        super("3wi-exit-watch", period);
        this.clock = clock;
        this.moveStops = moveStops;
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
            releaseUnfilled(t, done);
            boolean booked = store.exits(t.setupId()).stream().anyMatch(e -> e.kind().equals("BOOK") && "PLACED".equals(e.state()));
            String side = t.plan().side();
            BigDecimal entryPrice = averagePrice(fills);
            List<SchedulerStore.StopMove> moves = new ArrayList<>(store.stopMoves(t.setupId()));
            Instant after = checkedUpTo.get(t.setupId());
            for (CachedBar bar : marketData.recentBars(t.symbol(), BARS)) {
                if (bar.start().isBefore(filledAt) || (after != null && !bar.start().isAfter(after))) continue;
                checkedUpTo.put(t.setupId(), bar.start());
                // the stop for this bar: the plan's, tightened by the moves reached on earlier bars
                BigDecimal stop = t.plan().stop();
                String stopStep = null;
                for (SchedulerStore.StopMove m : moves) {
                    if (!m.reachedBar().isBefore(bar.start())) continue;
                    BigDecimal tighter = SetupStopRule.tighter(side, stop, m.stop());
                    if (tighter.compareTo(stop) != 0) stopStep = m.step();
                    stop = tighter;
                }
                for (SetupStopRule.Step step : moveStops ? SetupStopRule.reached(side, entryPrice, t.plan().target1(), bar.high(), bar.low())
                        : List.<SetupStopRule.Step>of()) {
                    if (moves.stream().anyMatch(m -> m.step().equals(step.name()))) continue;
                    BigDecimal to = SetupStopRule.stopOf(side, entryPrice, step);
                    String reason = step + ": bar " + bar.start() + " high " + bar.high().toPlainString() + " low " + bar.low().toPlainString()
                            + ", entry filled at " + entryPrice.toPlainString() + "; stop " + to.toPlainString() + " from the next bar";
                    Instant now = clock.instant();
                    if (store.moveStop(t.setupId(), step.name(), to, bar.start(), reason, now)) {
                        log.info("3WI setup {}: stop moved, {}", t.setupId(), reason);
                        done.add(t.setupId() + " stop " + step + " " + to.toPlainString());
                    }
                    moves.add(new SchedulerStore.StopMove(t.setupId(), step.name(), to, bar.start(), reason, now));
                }
                var trigger = SetupExitRule.check(side, stop, t.plan().target1(), t.plan().target2(), booked, bar.high(), bar.low());
                if (trigger.isEmpty()) continue;
                String why = "bar " + bar.start() + " high " + bar.high().toPlainString() + " low " + bar.low().toPlainString()
                        + " vs stop " + stop.toPlainString() + (stopStep == null ? "" : " (moved: " + stopStep + ")")
                        + ", T1 " + plain(t.plan().target1()) + ", T2 " + plain(t.plan().target2());
                done.add(trades.exit(t, trigger.get(), why));
                break; // the next check sees the position after this exit
            }
        }
        return done;
    }

    /**
     * Releases the trade's exits whose order ended without filling (cancelled, expired at the close, rejected by the venue):
     * such an order can no longer fill, so releasing its claim lets the next bar that triggers place the exit again without
     * ever exiting twice. An EXIT is released also when it filled in part (the next one takes what is still held); a BOOK
     * only when nothing filled (half the entry would otherwise be booked twice over).
     */
    private void releaseUnfilled(SchedulerStore.OpenTrade t, List<String> done) {
        List<SchedulerStore.ExitRecord> placed = store.exits(t.setupId()).stream()
                .filter(e -> "PLACED".equals(e.state()) && e.orderId() != null).toList();
        if (placed.isEmpty()) return;
        Map<String, LedgerOrder> orders = new java.util.HashMap<>();
        for (LedgerOrder o : trading.orders(false, 1000)) orders.put(o.orderId(), o);
        for (SchedulerStore.ExitRecord e : placed) {
            LedgerOrder order = orders.get(e.orderId());
            if (order == null || !UNFILLED_ENDS.contains(order.status())) continue;
            BigDecimal filled = order.filledQuantity() == null ? BigDecimal.ZERO : order.filledQuantity();
            if (filled.compareTo(order.quantity()) >= 0 || (e.kind().equals("BOOK") && filled.signum() > 0)) continue;
            String reason = e.trigger() + " exit released: order " + e.orderId() + " " + order.status() + " with " + filled.toPlainString()
                    + " of " + order.quantity().toPlainString() + " filled" + (order.statusReason() == null ? "" : " (" + order.statusReason() + ")")
                    + "; the next bar that triggers it places it again";
            if (store.exitReleased(t.setupId(), e.kind(), e.orderId(), reason)) {
                log.warn("3WI setup {}: {}", t.setupId(), reason);
                done.add(t.setupId() + " " + e.kind() + " released");
            }
        }
    }

    /** Order statuses that end an order that may not have filled. */
    private static final Set<String> UNFILLED_ENDS = Set.of("CANCELLED", "EXPIRED", "REJECTED");

    private static BigDecimal averagePrice(List<OrderFill> fills) {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal value = BigDecimal.ZERO;
        for (OrderFill f : fills) {
            quantity = quantity.add(f.quantity());
            value = value.add(f.quantity().multiply(f.price()));
        }
        return value.divide(quantity, java.math.MathContext.DECIMAL64).stripTrailingZeros();
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? "–" : v.toPlainString();
    }
}
