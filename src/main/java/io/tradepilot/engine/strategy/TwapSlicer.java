package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.risk.Twap;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Time-weighted slicing of a strategy's large market orders: a market intent of more than {@code above}
 * units (whole, a multiple of the lot) is sent as {@code slices} market orders of whole lots
 * ({@link Twap#slicesInLots}, larger first), the first on the deciding bar and one on each following bar
 * of the instrument. An intent in the other direction while slices are pending (an exit, a reversal)
 * drops the slices not yet sent. An intent against the held position (an exit, a reversal) is never sliced,
 * so that an exit is never left half-done while the strategy asks for it again. Each slice passes the risk chain on its own. Limit and stop intents, and
 * quantities that are not whole, pass unchanged. One instance per strategy instance (it keeps the pending
 * slices); the writer thread only.
 */
public final class TwapSlicer implements Strategy {

    private final Strategy inner;
    private final BigDecimal above;
    private final int slices;
    private final ArrayDeque<OrderIntent> pending = new ArrayDeque<>();

    public TwapSlicer(Strategy inner, BigDecimal above, int slices) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (above == null || above.signum() <= 0) throw new IllegalArgumentException("twap threshold must be positive: " + above);
        if (slices < 2) throw new IllegalArgumentException("twap slices must be at least 2: " + slices);
        this.above = above;
        this.slices = slices;
    }

    @Override
    public StrategyId id() {
        return inner.id();
    }

    /** Slices still to send, in order. */
    public int pendingSlices() {
        return pending.size();
    }

    @Override
    public void onBar(BarCursor bar, StrategyContext context) {
        Slicing slicing = new Slicing(context);
        inner.onBar(bar, slicing);
        if (!slicing.sliced) sendNext(context);   // the next slice of an earlier bar's order
    }

    private void sendNext(StrategyContext context) {
        OrderIntent next = pending.poll();
        if (next != null) context.submit(next);
    }

    private final class Slicing implements StrategyContext {
        private final StrategyContext ctx;
        private boolean sliced;

        Slicing(StrategyContext ctx) {
            this.ctx = ctx;
        }

        @Override public Instrument instrument() { return ctx.instrument(); }
        @Override public Instant time() { return ctx.time(); }
        @Override public long positionUnits() { return ctx.positionUnits(); }
        @Override public BigDecimal position() { return ctx.position(); }
        @Override public boolean hasWorkingOrders() { return ctx.hasWorkingOrders(); }
        @Override public BigDecimal equity() { return ctx.equity(); }
        @Override public PortfolioSnapshot portfolio() { return ctx.portfolio(); }

        @Override
        public void submit(OrderIntent intent) {
            if (!pending.isEmpty() && pending.peek().side() != intent.side()) pending.clear();
            BigDecimal q = intent.quantity().value();
            BigDecimal lot = ctx.instrument().lotSize();
            int held = ctx.position().signum();
            boolean reduces = held != 0 && (held > 0) != (intent.side() == Side.BUY);
            boolean sliceable = !reduces && intent.type() == OrderType.MARKET && q.compareTo(above) > 0 && q.stripTrailingZeros().scale() <= 0
                    && lot.stripTrailingZeros().scale() <= 0 && q.remainder(lot).signum() == 0;
            if (!sliceable) {
                ctx.submit(intent);
                return;
            }
            pending.clear();
            for (long s : Twap.slicesInLots(q.longValueExact(), slices, lot.longValueExact())) {
                if (s > 0) pending.add(new OrderIntent(intent.side(), Quantity.of(s), OrderType.MARKET, null, null, intent.timeInForce(),
                        intent.protectiveStop()));
            }
            sliced = true;
            sendNext(ctx);
        }
    }
}
