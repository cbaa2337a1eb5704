package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.StrategyId;

/**
 * {@code sma-cross}: long-only simple moving average crossover with a fixed quantity.
 *
 * <p>At bar i's close, with both averages defined at i and i-1: a cross up is
 * {@code fast[i] > slow[i] && fast[i-1] <= slow[i-1]}, a cross down mirrors it. Flat and cross up: buy
 * {@code quantity} at market. Long and cross down: sell the whole position at market. Nothing else.
 *
 * <p>Exactness: the averages are never formed. The rolling sums of closes are kept as exact scaled
 * longs and compared as {@code slow x sumFast} vs {@code fast x sumSlow} in 128-bit integer arithmetic,
 * so equal averages compare equal (doubles tip such ties either way). No allocation per bar unless an
 * order is submitted. One instance serves one instrument.
 */
public final class SmaCross implements Strategy {

    public static final String NAME = "sma-cross";

    private final StrategyId id;
    private final int fast;
    private final int slow;
    private final Quantity quantity;
    private final long[] window;
    private int count;
    private int head;
    /** Where the close that leaves the fast window sits: always {@code (head - fast + slow) % slow}. */
    private int fastTail;
    private long sumFast;
    private long sumSlow;
    private int previousSign;
    private boolean previousDefined;

    /** Refuses {@code fast < 1} or {@code slow <= fast} or a zero quantity. */
    public SmaCross(StrategyId id, int fast, int slow, Quantity quantity) {
        if (fast < 1) throw new IllegalArgumentException("fast must be at least 1, got " + fast);
        if (slow <= fast) throw new IllegalArgumentException("slow must be greater than fast, got fast=" + fast + " slow=" + slow);
        if (quantity.isZero()) throw new IllegalArgumentException("quantity must be positive");
        this.id = id;
        this.fast = fast;
        this.slow = slow;
        this.quantity = quantity;
        this.window = new long[slow];
        this.fastTail = slow - fast;
    }

    public SmaCross(int fast, int slow, Quantity quantity) {
        this(new StrategyId(NAME), fast, slow, quantity);
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public void onBar(BarCursor bar, StrategyContext context) {
        long c = bar.close();
        // window is a ring of the last `slow` closes; head is where the next close goes
        if (count >= slow) sumSlow -= window[head];
        if (count >= fast) sumFast -= window[fastTail];
        window[head] = c;
        head = head + 1 == slow ? 0 : head + 1;
        fastTail = fastTail + 1 == slow ? 0 : fastTail + 1;
        sumSlow += c;
        sumFast += c;
        count++;
        if (count < slow) return;
        int sign = compareProducts(slow, sumFast, fast, sumSlow);
        if (previousDefined) {
            boolean crossUp = sign > 0 && previousSign <= 0;
            boolean crossDown = sign < 0 && previousSign >= 0;
            if (crossUp || crossDown) act(crossUp, context);
        }
        previousSign = sign;
        previousDefined = true;
    }

    private void act(boolean crossUp, StrategyContext context) {
        long position = context.positionUnits();
        if (crossUp && position == 0 && !context.hasWorkingOrders()) {
            context.submit(OrderIntent.market(Side.BUY, quantity));
        } else if (!crossUp && position > 0) {
            context.submit(OrderIntent.market(Side.SELL, Quantity.of(position)));
        }
    }

    /** Sign of {@code a x b - c x d}, exact over the full 128-bit products. */
    public static int compareProducts(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, b);
        long hi2 = Math.multiplyHigh(c, d);
        if (hi1 != hi2) return Long.compare(hi1, hi2);
        return Long.compareUnsigned(a * b, c * d);
    }

    public int fast() { return fast; }
    public int slow() { return slow; }
    public Quantity quantity() { return quantity; }
}
