package io.tradepilot.engine.strategy.exits;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ExitTag;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.PositionSnapshot;
import io.tradepilot.engine.strategy.OrderIntent;
import io.tradepilot.engine.strategy.StrategyContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs one strategy's trades in one instrument under an {@link ExitPolicy}: it submits the entry, notices
 * the fill, keeps the {@link OpenTrade} in step with the engine's position, applies the policy's actions
 * and places the orders.
 *
 * <p>Contract per bar ({@link #onBar}, called first in the strategy's {@code onBar}):
 * <ul>
 *   <li>a pending entry that filled becomes an open trade at the position's average price; one that is
 *       no longer working without a fill (rejected, expired) is dropped;</li>
 *   <li>a trade whose position went flat (its stop order filled) is closed;</li>
 *   <li>otherwise the policy's actions are applied: exits and bookings become market orders (filled at
 *       the next bar's open in a backtest), stop moves only ever tighten the stop; then, while a
 *       position remains, an IOC stop order for the remaining quantity at the current stop is placed
 *       for the next bar only — so a touch of the stop fills at the stop and a gap through it fills at
 *       the open, and a moved stop needs no cancel. The bar on which the entry fills has no stop order
 *       yet (the entry is never paired with an unconditional stop that could open a position if the
 *       entry were refused); its close is checked against the stop by the policy.</li>
 * </ul>
 * Every exit order carries an {@link ExitTag} (for the journal): the rule {@code stop}, {@code target}, {@code time},
 * {@code square-off} or {@code partial} by name, the strategy's own exit rule as {@link ExitTag#SIGNAL}, any other
 * whole exit as {@link ExitTag#SIGNAL} and any other partial one as {@link ExitTag#PARTIAL}; the stop order as
 * {@link ExitTag#TRAILING} once a {@code trail} move set the stop, else {@link ExitTag#STOP}.
 */
public final class TradeManager {
    private final ExitPolicy policy;
    private Pending pending;
    private OpenTrade trade;
    private boolean exiting;
    private String stopRule;
    private final List<ClosedTrade> closed = new ArrayList<>();

    /** A trade the manager saw end: its id and the rule or event that ended it. */
    public record ClosedTrade(String id, Side side, BigDecimal entryPrice, java.time.Instant exitBar, String reason) {
    }

    private record Pending(String id, Side side, BigDecimal quantity, BigDecimal stop) {
    }

    public TradeManager(ExitPolicy policy) {
        this.policy = policy;
    }

    /** True when there is neither an open trade nor a pending entry. */
    public boolean isFlat() {
        return trade == null && pending == null;
    }

    /** The open trade, or null. */
    public OpenTrade trade() {
        return trade;
    }

    public List<ClosedTrade> closedTrades() {
        return Collections.unmodifiableList(closed);
    }

    /**
     * Submits a market entry of {@code quantity} with {@code stop} as its protective stop; refuses
     * (throws) while not flat.
     */
    public void enter(StrategyContext ctx, String id, Side side, BigDecimal quantity, BigDecimal stop) {
        if (!isFlat()) throw new IllegalStateException("a trade is already open or pending");
        ctx.submit(OrderIntent.market(side, new Quantity(quantity)).withProtectiveStop(stop == null ? null : new Price(stop)));
        pending = new Pending(id, side, quantity, stop);
    }

    /** Keeps the trade in step with the position, applies the policy, places exit orders. */
    public void onBar(BarCursor bar, StrategyContext ctx) {
        onBar(bar, ctx, t -> null);
    }

    /**
     * As {@link #onBar(BarCursor, StrategyContext)}, with the strategy's own exit rule, asked about the
     * open trade once it is in step with the position (so also on the bar its entry filled): a non-null
     * reason exits the whole trade at market instead of asking the policy (so no stop order is placed
     * beside the exit).
     */
    public void onBar(BarCursor bar, StrategyContext ctx, java.util.function.Function<OpenTrade, String> exitRule) {
        policy.observe(bar);
        BigDecimal pos = ctx.position();
        if (trade == null && pending != null) {
            if (pos.signum() != 0) {
                BigDecimal avg = averagePrice(ctx);
                trade = new OpenTrade(pending.id, pending.side, avg, bar.start(), pos.abs(), pending.stop, ctx.instrument().lotSize());
                exiting = false;
                stopRule = null;
                pending = null;
            } else if (!ctx.hasWorkingOrders()) {
                pending = null;
            }
        }
        if (trade == null) return;
        if (pos.signum() == 0) {
            closed.add(new ClosedTrade(trade.id(), trade.side(), trade.entryPrice(), bar.start(), exiting ? "exit order" : "stop order"));
            trade = null;
            return;
        }
        trade.setRemaining(pos.abs());
        if (exiting && ctx.hasWorkingOrders()) return; // the full exit is working
        exiting = false;
        trade.observe(bar.highPrice(), bar.lowPrice());
        Side exitSide = trade.isLong() ? Side.SELL : Side.BUY;
        BigDecimal remaining = trade.remaining();
        String exitReason = exitRule.apply(trade);
        List<ExitAction> actions = exitReason != null ? List.of(new ExitAction.ExitAll(exitReason)) : policy.evaluate(trade, bar);
        for (ExitAction a : actions) {
            switch (a) {
                case ExitAction.ExitAll e -> {
                    if (remaining.signum() > 0) {
                        ctx.submit(OrderIntent.market(exitSide, new Quantity(remaining)).withExitTag(exitReason != null ? ExitTag.SIGNAL : tag(e.rule(), ExitTag.SIGNAL)));
                    }
                    remaining = BigDecimal.ZERO;
                    exiting = true;
                }
                case ExitAction.ExitPart p -> {
                    BigDecimal q = p.quantity().min(remaining);
                    if (q.signum() > 0) {
                        ctx.submit(OrderIntent.market(exitSide, new Quantity(q)).withExitTag(tag(p.rule(), ExitTag.PARTIAL)));
                        remaining = remaining.subtract(q);
                        if (remaining.signum() == 0) exiting = true;
                    }
                }
                case ExitAction.MoveStop m -> {
                    if (trade.tightens(m.price())) {
                        trade.setStop(m.price());
                        stopRule = m.rule();
                    }
                }
                case ExitAction.Alert ignored -> {
                }
            }
        }
        if (remaining.signum() > 0 && trade.stop() != null) {
            ctx.submit(OrderIntent.stop(exitSide, new Quantity(remaining), new Price(trade.stop()), TimeInForce.IOC)
                    .withExitTag("trail".equals(stopRule) ? ExitTag.TRAILING : ExitTag.STOP));
        }
    }

    /** The exit tag of a policy rule's name; {@code otherwise} for a rule without one. */
    static ExitTag tag(String rule, ExitTag otherwise) {
        return switch (rule) {
            case "stop" -> ExitTag.STOP;
            case "target" -> ExitTag.TARGET;
            case "time" -> ExitTag.TIME;
            case "square-off" -> ExitTag.SQUARE_OFF;
            case "partial" -> ExitTag.PARTIAL;
            case "trail" -> ExitTag.TRAILING;
            case "loss6" -> ExitTag.STOP;
            default -> otherwise;
        };
    }

    private static BigDecimal averagePrice(StrategyContext ctx) {
        String symbol = ctx.instrument().symbol();
        for (PositionSnapshot p : ctx.portfolio().positions()) {
            if (p.symbol().equals(symbol)) return p.averagePrice();
        }
        throw new IllegalStateException("no position snapshot for " + symbol);
    }
}
