package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A strategy whose configuration was replaced while it runs: the <em>outgoing</em> instance (the old
 * version) keeps every bar with the real context for as long as the symbol has a position or the strategy
 * has a working order, so a position keeps the exit plan (stop, targets, trailing) it was opened with and
 * an order placed under the old version is seen through by it. Meanwhile the <em>incoming</em> instance
 * (the new version) sees the same bars through a muted context (flat, no working orders, submissions
 * dropped), so its indicators are current when it takes over. At the first bar on which the symbol is flat
 * and the strategy has no working order, the outgoing instance is dropped for good and the incoming one
 * trades: new parameters govern new entries only.
 *
 * <p>Both instances must carry the same {@link StrategyId} (client order ids and the strategy switch
 * stay the same across versions).
 */
public final class StrategyHandover implements Strategy {

    private Strategy outgoing;
    private final Strategy incoming;

    private StrategyHandover(Strategy outgoing, Strategy incoming) {
        this.outgoing = outgoing;
        this.incoming = incoming;
    }

    /**
     * The strategy that replaces {@code current} with {@code next}: a handover from the instance that owns
     * the trade now. Replacing a handover still in its outgoing phase keeps that outgoing instance and drops
     * the version that never traded; refuses instances of different ids.
     */
    public static Strategy of(Strategy current, Strategy next) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        if (!current.id().equals(next.id())) {
            throw new IllegalArgumentException("a handover keeps the strategy id: " + current.id() + " is not " + next.id());
        }
        Strategy owner = current instanceof StrategyHandover h ? (h.outgoing != null ? h.outgoing : h.incoming) : current;
        return new StrategyHandover(owner, next);
    }

    @Override
    public StrategyId id() {
        return incoming.id();
    }

    /** True while the old version still owns a position or a working order. */
    public boolean handingOver() {
        return outgoing != null;
    }

    /** The new version's instance. */
    public Strategy incoming() {
        return incoming;
    }

    @Override
    public void onBar(BarCursor bar, StrategyContext context) {
        if (outgoing != null && context.position().signum() == 0 && !context.hasWorkingOrders()) outgoing = null;
        if (outgoing == null) {
            incoming.onBar(bar, context);
            return;
        }
        outgoing.onBar(bar, context);
        incoming.onBar(bar, new Muted(context));
    }

    /** The incoming version's view while the outgoing one trades: flat, nothing working, submissions dropped. */
    private record Muted(StrategyContext real) implements StrategyContext {
        @Override public Instrument instrument() { return real.instrument(); }
        @Override public Instant time() { return real.time(); }
        @Override public long positionUnits() { return 0; }
        @Override public BigDecimal position() { return BigDecimal.ZERO; }
        @Override public boolean hasWorkingOrders() { return false; }
        @Override public BigDecimal equity() { return real.equity(); }
        @Override public PortfolioSnapshot portfolio() { return real.portfolio(); }
        @Override public void submit(OrderIntent intent) { }
    }
}
