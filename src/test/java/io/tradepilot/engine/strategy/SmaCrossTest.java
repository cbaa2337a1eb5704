package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmaCrossTest {

    /** A context that records intents and lets the test set the position. */
    static final class FakeContext implements StrategyContext {
        long position;
        boolean working;
        final List<String> submitted = new ArrayList<>();
        int bar;

        public Instrument instrument() { return AAPL; }
        public Instant time() { return Instant.EPOCH; }
        public long positionUnits() { return position; }
        public BigDecimal position() { return BigDecimal.valueOf(position); }
        public boolean hasWorkingOrders() { return working; }
        public BigDecimal equity() { return BigDecimal.ZERO; }
        public PortfolioSnapshot portfolio() { throw new UnsupportedOperationException(); }
        public void submit(OrderIntent intent) { submitted.add(bar + ":" + intent.side() + ":" + intent.quantity()); }
    }

    private static void feed(SmaCross s, FakeContext ctx, long... scaledCloses) {
        BarCursor c = new BarCursor();
        for (long close : scaledCloses) {
            c.set(ctx.bar, ctx.bar * 86_400_000L, close, close, close, close, 0, 1);
            s.onBar(c, ctx);
            ctx.bar++;
        }
    }

    @Test
    void a_cross_up_while_flat_buys_the_fixed_quantity() {
        SmaCross s = new SmaCross(2, 3, Quantity.of(100));
        FakeContext ctx = new FakeContext();
        // fast(2)/slow(3): bar2: 15 vs 20 (below); bar3: 25 vs 23.3 (above) -> cross up at bar 3
        feed(s, ctx, 30, 20, 10, 40);
        assertThat(ctx.submitted).containsExactly("3:BUY:100");
    }

    @Test
    void a_cross_down_while_long_sells_the_whole_position() {
        SmaCross s = new SmaCross(2, 3, Quantity.of(100));
        FakeContext ctx = new FakeContext();
        ctx.position = 130;
        feed(s, ctx, 10, 20, 30, 0);
        assertThat(ctx.submitted).containsExactly("3:SELL:130");
    }

    @Test
    void no_signal_is_acted_on_in_the_wrong_state() {
        SmaCross s = new SmaCross(2, 3, Quantity.of(100));
        FakeContext flat = new FakeContext();
        feed(s, flat, 10, 20, 30, 0); // cross down while flat
        assertThat(flat.submitted).isEmpty();
        SmaCross s2 = new SmaCross(2, 3, Quantity.of(100));
        FakeContext longAlready = new FakeContext();
        longAlready.position = 100;
        feed(s2, longAlready, 30, 20, 10, 40); // cross up while long
        assertThat(longAlready.submitted).isEmpty();
        SmaCross s3 = new SmaCross(2, 3, Quantity.of(100));
        FakeContext pending = new FakeContext();
        pending.working = true;
        feed(s3, pending, 30, 20, 10, 40); // cross up with an order already working
        assertThat(pending.submitted).isEmpty();
    }

    @Test
    void nothing_happens_during_warm_up_even_on_a_visible_cross() {
        SmaCross s = new SmaCross(2, 3, Quantity.of(100));
        FakeContext ctx = new FakeContext();
        feed(s, ctx, 10, 30, 5);
        assertThat(ctx.submitted).isEmpty();
    }

    @Test
    void averages_equal_in_decimal_count_as_equal_where_doubles_would_not() {
        // closes 0.1, 0.3, 0.2: fast(1) = 0.2 and slow(3) = 0.2 exactly; in doubles (0.1+0.3+0.2)/3 > 0.2
        assertThat((0.1 + 0.3 + 0.2) / 3).isGreaterThan(0.2);
        SmaCross s = new SmaCross(1, 3, Quantity.of(10));
        FakeContext ctx = new FakeContext();
        ctx.position = 10;
        // bar 3: fast 0.1 < slow 0.2 and at bar 2 fast == slow (fast >= slow holds): a cross down
        feed(s, ctx, 1, 3, 2, 1);
        assertThat(ctx.submitted).containsExactly("3:SELL:10");
    }

    @Test
    void an_exact_tie_after_being_below_is_not_a_cross_up_but_rising_above_it_is() {
        SmaCross s = new SmaCross(1, 3, Quantity.of(10));
        FakeContext ctx = new FakeContext();
        feed(s, ctx, 3, 3, 1, 2); // bar 2: 1 < 2.33; bar 3: 2 = 2 (tie, not above)
        assertThat(ctx.submitted).isEmpty();
        feed(s, ctx, 5); // bar 4: 5 > 2.67, previous tie counts as <=
        assertThat(ctx.submitted).containsExactly("4:BUY:10");
    }

    @Test
    void products_are_compared_exactly_beyond_the_long_range() {
        assertThat(SmaCross.compareProducts(Long.MAX_VALUE, 4, Long.MAX_VALUE / 2, 8)).isPositive();
        assertThat(SmaCross.compareProducts(3_000_000_000_000L, 7_000_000_000L, 7_000_000_000L, 3_000_000_000_000L)).isZero();
        assertThat(SmaCross.compareProducts(3, 5, 4, 4)).isNegative();
    }

    @Test
    void invalid_windows_and_quantities_are_refused() {
        assertThatThrownBy(() -> new SmaCross(10, 10, Quantity.of(1))).hasMessageContaining("slow must be greater than fast");
        assertThatThrownBy(() -> new SmaCross(0, 10, Quantity.of(1))).hasMessageContaining("fast must be at least 1");
        assertThatThrownBy(() -> new SmaCross(1, 2, Quantity.ZERO)).hasMessageContaining("quantity");
    }
}
