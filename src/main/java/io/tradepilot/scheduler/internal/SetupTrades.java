package io.tradepilot.scheduler.internal;

import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.OrderFill;
import io.tradepilot.trading.StrategyOrders;
import io.tradepilot.trading.TradingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Exits of the trades the scan entered (scan_setup TAKEN with an entry order), the one place that places them: the
 * stop and target watch ({@link SetupExitWatch}) and the hourly tracker ({@link PositionTrackerTask}) both come here.
 *
 * <p>An exit is a MARKET DAY order on the opposite side through {@link StrategyOrders#place} (strategy {@code 3wi}:
 * validation, the live risk chain, where an order that only reduces the position passes every entry limit, and the
 * audit record {@code ORDER_STRATEGY} written before it goes out). Before placing, the exit is claimed in
 * {@code setup_exit} under (setup, kind) in one statement; only the caller whose statement changed the row places it.
 * So an exit is placed at most once per trade and kind, whatever reruns, restarts or instances ask. A refusal is
 * recorded REFUSED (a later check may claim it again); a claim whose placement threw stays claimed (fail closed).
 * The quantity leaves out what earlier exits still have working, so the exits never add up to more than the position.
 */
final class SetupTrades {

    private static final Logger log = LoggerFactory.getLogger(SetupTrades.class);

    private final SchedulerStore store;
    private final StrategyOrders orders;
    private final TradingQueries trading;
    private final Clock clock;

    SetupTrades(SchedulerStore store, StrategyOrders orders, TradingQueries trading, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.trading = trading;
        this.clock = clock;
    }

    /** The open scan trade holding {@code position} (same symbol and direction), if any. */
    Optional<SchedulerStore.OpenTrade> tradeOf(LivePortfolio.Position position) {
        return store.openTrades().stream().filter(t -> t.symbol().equals(position.symbol()))
                .filter(t -> position.quantity().signum() == ("BUY".equals(t.plan().side()) ? 1 : -1)).findFirst();
    }

    /** True when the trade's entry order has filled (at least partly). */
    boolean entered(SchedulerStore.OpenTrade trade) {
        return !trading.fills(trade.orderId()).isEmpty();
    }

    /**
     * Places the exit {@code trigger} calls for, once: returns what happened, for the logs and records.
     *
     * <p>The quantity is the trade's own: what its entry filled, less what its exits placed so far have taken or may still
     * take (an exit order still working counts whole, a finished one by its fills), and never more than the engine holds
     * now. Counted this way a fill the engine has made but the ledger not yet recorded can only make the exit smaller,
     * never larger than the position (which would open one the other way).
     *
     * @param why what triggered it (the bar or the finding), for the audit log's reason
     */
    String exit(SchedulerStore.OpenTrade trade, SetupExitRule.Trigger trigger, String why) {
        int direction = "BUY".equals(trade.plan().side()) ? 1 : -1;
        BigDecimal held = trading.livePortfolio().flatMap(p -> p.positions().stream().filter(x -> x.symbol().equals(trade.symbol()))
                .map(LivePortfolio.Position::quantity).filter(q -> q.signum() == direction).findFirst()).orElse(BigDecimal.ZERO).abs();
        List<SchedulerStore.ExitRecord> earlier = store.exits(trade.setupId());
        List<String> working = trading.orders(true, 1000).stream().map(io.tradepilot.trading.LedgerOrder::orderId).toList();
        BigDecimal committed = earlier.stream().filter(e -> "PLACED".equals(e.state()))
                .map(e -> e.orderId() == null || working.contains(e.orderId()) ? e.quantity() : filled(e.orderId()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal free = filled(trade.orderId()).subtract(committed).min(held).max(BigDecimal.ZERO);
        BigDecimal quantity = trigger.kind().equals("BOOK") ? SetupExitRule.bookQuantity(trade.plan().quantity(), free) : free;
        String kind = trigger.kind();
        if (earlier.stream().anyMatch(e -> e.kind().equals(kind) && "PLACED".equals(e.state()))) {
            return kind + " already placed for " + trade.setupId();
        }
        if (quantity.signum() <= 0) return "nothing left to " + (kind.equals("BOOK") ? "book" : "exit") + " for " + trade.setupId();
        String side = "BUY".equals(trade.plan().side()) ? "SELL" : "BUY";
        if (!store.claimExit(trade.setupId(), kind, trade.symbol(), trigger.name(), side, quantity,
                "claimed: " + trigger.name() + ", " + why, clock.instant())) {
            return kind + " already placed for " + trade.setupId();
        }
        ManualOrder order = new ManualOrder(trade.symbol(), side, quantity, "MARKET", null, null, "DAY", null)
                .withExitTag(switch (trigger) { // for the journal's exit reason
                    case TARGET1 -> io.tradepilot.engine.orders.ExitTag.PARTIAL;
                    case TARGET2 -> io.tradepilot.engine.orders.ExitTag.TARGET;
                    case STOP, TRACKER -> io.tradepilot.engine.orders.ExitTag.STOP;
                    default -> null;
                });
        ActionResult result;
        try {
            result = orders.place(SetupDecision.STRATEGY_ID, order, "3WI " + trigger.name() + " exit of setup " + trade.setupId() + ": " + why,
                    "scheduler", 0);
        } catch (RuntimeException e) {
            log.error("3WI exit {} of setup {} failed to place; it stays claimed and is not retried", kind, trade.setupId(), e);
            return kind + " claimed, but placing it failed: " + e.getMessage();
        }
        if (result instanceof ActionResult.Done done) {
            String orderId = done.orderIds().isEmpty() ? null : done.orderIds().getFirst();
            String text = trigger.name() + ": " + side + " " + quantity.toPlainString() + " " + trade.symbol() + " MARKET, order " + orderId
                    + " (" + why + ")";
            store.exitPlaced(trade.setupId(), kind, orderId, text);
            log.info("3WI setup {}: {}", trade.setupId(), text);
            return text;
        }
        var refusal = ((ActionResult.Refused) result).refusal();
        String text = trigger.name() + " exit refused: " + refusal.code() + ": " + refusal.message();
        store.exitRefused(trade.setupId(), kind, text);
        log.warn("3WI setup {}: {}", trade.setupId(), text);
        return text;
    }

    private BigDecimal filled(String orderId) {
        return trading.fills(orderId).stream().map(OrderFill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
