package io.tradepilot.engine.research;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonteCarloTest {
    static final List<BigDecimal> PNLS = List.of(new BigDecimal("120.50"), new BigDecimal("-40.25"), new BigDecimal("-30"), new BigDecimal("0"),
            new BigDecimal("75.125"), new BigDecimal("-10.10"), new BigDecimal("-55"), new BigDecimal("200"));
    static final BigDecimal CASH = new BigDecimal("1000");

    @Test
    void the_same_seed_gives_the_same_distributions_and_another_seed_other_ones() {
        for (MonteCarlo.Method m : MonteCarlo.Method.values()) {
            MonteCarlo.Result a = MonteCarlo.run(PNLS, CASH, m, 2000, 7), b = MonteCarlo.run(PNLS, CASH, m, 2000, 7);
            assertThat(a).isEqualTo(b);
            assertThat(MonteCarlo.run(PNLS, CASH, m, 2000, 8).each()).isNotEqualTo(a.each());
        }
    }

    @Test
    void a_reshuffle_keeps_the_final_equity_and_bounds_the_drawdown_by_the_losses() {
        MonteCarlo.Result r = MonteCarlo.run(PNLS, CASH, MonteCarlo.Method.RESHUFFLE, 5000, 1);
        BigDecimal total = CASH.add(PNLS.stream().reduce(BigDecimal.ZERO, BigDecimal::add)); // 1260.275
        assertThat(r.finalEquity().min()).isEqualByComparingTo(total);
        assertThat(r.finalEquity().max()).isEqualByComparingTo(total);
        // the worst order puts all four losses together: 40.25 + 30 + 10.10 + 55 = 135.35; the best has them apart
        assertThat(r.maxDrawdown().max()).isEqualByComparingTo("135.35");
        assertThat(r.maxDrawdown().min()).isEqualByComparingTo("55"); // the largest single loss is always a drawdown; 3 wins can separate all 4 losses
        assertThat(r.longestLosingStreak().max()).isEqualTo(4);
        assertThat(r.longestLosingStreak().min()).isEqualTo(1);
        assertThat(r.maxDrawdown().p5().compareTo(r.maxDrawdown().p50())).isLessThanOrEqualTo(0);
        assertThat(r.maxDrawdown().p50().compareTo(r.maxDrawdown().p95())).isLessThanOrEqualTo(0);
    }

    @Test
    void a_single_run_in_the_given_order_is_measured_by_hand() {
        // one trade only: every reshuffle is that trade; 1000 - 40.25 -> drawdown 40.25 = 4.025 % of the peak 1000, streak 1
        MonteCarlo.Result r = MonteCarlo.run(List.of(new BigDecimal("-40.25")), CASH, MonteCarlo.Method.BOOTSTRAP, 3, 5);
        assertThat(r.each()).containsOnly(new MonteCarlo.Run(new BigDecimal("959.75"), new BigDecimal("40.25"), 0.04025, 1));
        assertThat(r.finalEquity().p50()).isEqualTo(new BigDecimal("959.75"));
    }

    @Test
    void nearest_rank_percentiles_pick_a_run() {
        assertThat(MonteCarlo.rank(5, 100)).isEqualTo(4);
        assertThat(MonteCarlo.rank(50, 100)).isEqualTo(49);
        assertThat(MonteCarlo.rank(95, 100)).isEqualTo(94);
        assertThat(MonteCarlo.rank(5, 1)).isZero();
        assertThat(MonteCarlo.rank(50, 3)).isEqualTo(1);
    }

    @Test
    void bad_inputs_are_refused() {
        assertThatThrownBy(() -> MonteCarlo.run(List.of(), CASH, MonteCarlo.Method.RESHUFFLE, 10, 1)).hasMessageContaining("no trades");
        assertThatThrownBy(() -> MonteCarlo.run(PNLS, CASH, MonteCarlo.Method.RESHUFFLE, 0, 1)).hasMessageContaining("runs");
        assertThatThrownBy(() -> MonteCarlo.run(PNLS, BigDecimal.ZERO, MonteCarlo.Method.RESHUFFLE, 10, 1)).hasMessageContaining("initial cash");
        assertThatThrownBy(() -> MonteCarlo.run(List.of(new BigDecimal("1e30")), CASH, MonteCarlo.Method.RESHUFFLE, 10, 1)).hasMessageContaining("too large");
    }
}
