package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.strategy.SmaCross;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WalkForwardTest {
    static final ParameterSpace SPACE = ParameterSpace.grid("sma-cross", List.of(ParameterAxis.parse("fast=2:20:3"), ParameterAxis.parse("slow=10:60:10")));
    static final Quantity Q = Quantity.of(10);

    @Test
    void rolling_and_anchored_windows_tile_the_series_after_the_first_in_sample_window() {
        assertThat(WalkForward.windows(1000, 400, 250, false)).containsExactly(
                new WalkForward.Window(0, 0, 400, 400, 650), new WalkForward.Window(1, 250, 650, 650, 900), new WalkForward.Window(2, 500, 900, 900, 1000));
        assertThat(WalkForward.windows(1000, 400, 250, true)).extracting(WalkForward.Window::isFrom).containsOnly(0);
        assertThatThrownBy(() -> WalkForward.windows(400, 400, 10, false)).hasMessageContaining("needs more than 400 bars");
    }

    @Test
    void each_windows_out_of_sample_result_equals_an_independent_backtest_of_the_chosen_cell() {
        BarArrays a = ResearchData.fixture("SYNA");
        for (boolean anchored : new boolean[]{false, true}) {
            WalkForward.Result r = WalkForward.run(SPACE, Q, SmaCrossKernelTest.CLOSE_WITH_FEES, a, 300, 200, anchored, SweepMetric.SHARPE, 2);
            assertThat(r.windows()).hasSize(5);
            BigDecimal sum = BigDecimal.ZERO;
            for (WalkForward.WindowResult w : r.windows()) {
                int fast = w.chosen().integer("fast"), slow = w.chosen().integer("slow");
                // the chosen cell is the best of an independent sweep of the IS bars alone
                SweepResult is = new Sweep(new SweepSpec(SPACE, Q, SmaCrossKernelTest.CLOSE_WITH_FEES), List.of(
                        WalkForward.slice(a, w.window().isFrom(), w.window().isTo())), 1).runAll();
                assertThat(w.chosen()).isEqualTo(is.ranked(SweepMetric.SHARPE).getFirst().cell());
                // OOS: warm for slow - 1 bars before the window, then the window
                assertThat(w.runFrom()).isEqualTo(w.window().oosFrom() - (slow - 1));
                BacktestResult engine = Backtest.run(WalkForward.slice(a, w.runFrom(), w.window().oosTo()), new SmaCross(fast, slow, Q),
                        SmaCrossKernelTest.CLOSE_WITH_FEES);
                assertThat(w.oos().trades()).isEqualTo(engine.trades());
                assertThat(w.oos().finalEquity()).isEqualTo(engine.finalEquity());
                assertThat(w.oos().metrics()).isEqualTo(engine.metrics());
                // nothing trades in the warm-up bars
                assertThat(engine.trades()).allSatisfy(t -> assertThat(t.entryTime().toEpochMilli()).isGreaterThan(a.startMillis()[w.window().oosFrom()]));
                sum = sum.add(w.oosPnlNet());
            }
            assertThat(r.oosPnlNet()).isEqualTo(sum);
            assertThat(r.stitched()).hasSize(a.size() - 300);
            assertThat(r.stitched().getLast().equity()).isEqualTo(SmaCrossKernelTest.CLOSE_WITH_FEES.initialCash().add(sum));
        }
    }

    @Test
    void a_window_does_not_see_any_bar_after_it() {
        BarArrays a = ResearchData.fixture("SYNA");
        WalkForward.Result base = WalkForward.run(SPACE, Q, SmaCrossKernelTest.NEXT_OPEN, a, 300, 200, false, SweepMetric.PNL_NET, 2);
        // rewrite every bar after the second OOS window: a random walk of its own
        int cut = base.windows().get(1).window().oosTo();
        long[] o = a.open().clone(), h = a.high().clone(), l = a.low().clone(), c = a.close().clone();
        java.util.Random rnd = new java.util.Random(9);
        for (int i = cut; i < a.size(); i++) {
            long p = 1000 + rnd.nextInt(100_000);
            o[i] = p; c[i] = p + rnd.nextInt(50); h[i] = c[i] + 5; l[i] = o[i];
        }
        BarArrays changed = new BarArrays(a.instrument(), a.startMillis(), o, h, l, c, a.volume(), a.priceDecimals(), a.zone());
        WalkForward.Result other = WalkForward.run(SPACE, Q, SmaCrossKernelTest.NEXT_OPEN, changed, 300, 200, false, SweepMetric.PNL_NET, 2);
        for (int k = 0; k < 2; k++) {
            assertThat(other.windows().get(k).chosen()).isEqualTo(base.windows().get(k).chosen());
            assertThat(other.windows().get(k).oos().trades()).isEqualTo(base.windows().get(k).oos().trades());
            assertThat(other.windows().get(k).oosPnlNet()).isEqualTo(base.windows().get(k).oosPnlNet());
        }
    }

    @Test
    void efficiency_is_the_ratio_of_oos_to_is_pnl_per_bar() {
        WalkForward.Result r = WalkForward.run(SPACE, Q, SmaCrossKernelTest.NEXT_OPEN, ResearchData.fixture("SYNA"), 300, 300, true,
                SweepMetric.PNL_NET, 2);
        double is = 0, oos = 0;
        long isBars = 0, oosBars = 0;
        for (WalkForward.WindowResult w : r.windows()) {
            is += w.isPnlNet().doubleValue();
            oos += w.oosPnlNet().doubleValue();
            isBars += w.window().isTo() - w.window().isFrom();
            oosBars += w.window().oosTo() - w.window().oosFrom();
        }
        assertThat(is).isPositive();
        assertThat(r.efficiency()).isEqualTo((oos / oosBars) / (is / isBars));
    }
}
