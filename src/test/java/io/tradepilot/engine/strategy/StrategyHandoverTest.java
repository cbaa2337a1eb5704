package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyHandoverTest {

    /** Records which contexts it saw: "real" or "muted" (position 0 while the real one is not). */
    static final class Probe implements Strategy {
        final List<String> seen = new ArrayList<>();
        final StrategyId id;

        Probe(String id) {
            this.id = new StrategyId(id);
        }

        @Override public StrategyId id() { return id; }

        @Override
        public void onBar(BarCursor bar, StrategyContext context) {
            seen.add(context instanceof Fake ? "real" : "muted");
            context.submit(null);
        }
    }

    static final class Fake implements StrategyContext {
        BigDecimal position = BigDecimal.ZERO;
        boolean working;
        int submitted;
        @Override public Instrument instrument() { return null; }
        @Override public Instant time() { return Instant.EPOCH; }
        @Override public long positionUnits() { return position.longValue(); }
        @Override public BigDecimal position() { return position; }
        @Override public boolean hasWorkingOrders() { return working; }
        @Override public BigDecimal equity() { return BigDecimal.ZERO; }
        @Override public PortfolioSnapshot portfolio() { return null; }
        @Override public void submit(OrderIntent intent) { submitted++; }
    }

    @Test
    void the_old_version_keeps_its_position_and_the_new_one_trades_once_flat() {
        Probe old = new Probe("s"), next = new Probe("s");
        Strategy h = StrategyHandover.of(old, next);
        Fake ctx = new Fake();
        BarCursor bar = new BarCursor();
        ctx.position = BigDecimal.TEN;
        h.onBar(bar, ctx);
        assertThat(old.seen).containsExactly("real");
        assertThat(next.seen).containsExactly("muted");
        assertThat(ctx.submitted).isEqualTo(1); // only the old version's orders go out
        ctx.position = BigDecimal.ZERO;
        ctx.working = true; // the old version's exit still working
        h.onBar(bar, ctx);
        assertThat(old.seen).hasSize(2);
        ctx.working = false;
        h.onBar(bar, ctx);
        h.onBar(bar, ctx);
        assertThat(old.seen).hasSize(2);
        assertThat(next.seen).containsExactly("muted", "muted", "real", "real");
        ctx.position = BigDecimal.ONE; // a position the new version opened stays with it
        h.onBar(bar, ctx);
        assertThat(old.seen).hasSize(2);
        assertThat(((StrategyHandover) h).handingOver()).isFalse();
    }

    @Test
    void replacing_again_during_a_handover_keeps_the_instance_that_owns_the_trade() {
        Probe old = new Probe("s"), v2 = new Probe("s"), v3 = new Probe("s");
        Strategy h = StrategyHandover.of(StrategyHandover.of(old, v2), v3);
        Fake ctx = new Fake();
        ctx.position = BigDecimal.ONE;
        h.onBar(new BarCursor(), ctx);
        assertThat(old.seen).containsExactly("real");
        assertThat(v2.seen).isEmpty();
        assertThat(v3.seen).containsExactly("muted");
    }

    @Test
    void a_handover_keeps_the_strategy_id() {
        assertThatThrownBy(() -> StrategyHandover.of(new Probe("a"), new Probe("b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
