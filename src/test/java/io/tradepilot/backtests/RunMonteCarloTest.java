package io.tradepilot.backtests;

import io.tradepilot.engine.research.MonteCarlo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run's Monte Carlo: deterministic for a seed, exact money, bounded simulations, refusals with codes. */
public class RunMonteCarloTest {

    public static RunResult result(String... pnls) {
        BacktestRun run = new BacktestRun(7, "mc", "op", Instant.EPOCH, RunState.DONE, "STORED", "sma", 1, "sma-cross", "type: sma-cross\n",
                List.of("AAA", "BBB"), LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), new BigDecimal("100000"), null,
                FillModel.NEXT_OPEN, FeeModel.NONE, null, SlippageModel.NONE, null, true, true, "INDEPENDENT_SINGLE_SYMBOL", false,
                0, 0, null, null, null, 1, null, null, BacktestMode.INDEPENDENT, null, null, true, null, null, null, null);
        List<SymbolResult> symbols = new ArrayList<>();
        for (String s : run.symbols()) {
            symbols.add(new SymbolResult(s, 10, Instant.EPOCH, Instant.EPOCH, "x", 1, new BigDecimal("100000"), new BigDecimal("100000"),
                    new BigDecimal("100000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        List<BacktestTrade> trades = new ArrayList<>();
        int seq = 0;
        for (String p : pnls) {
            BigDecimal v = new BigDecimal(p);
            trades.add(new BacktestTrade("AAA", ++seq, "LONG", Instant.EPOCH, BigDecimal.ONE, Instant.EPOCH, BigDecimal.ONE, BigDecimal.ONE,
                    v, BigDecimal.ZERO, v, null));
        }
        return new RunResult(run, symbols, Map.of(), Map.of(), trades, null);
    }

    private static final RunResult TRADES = result("1200.35", "-800.10", "-450.05", "2300.00", "-1200.40", "650.25", "-300.00", "900.90");

    @Test
    void the_same_seed_gives_the_same_figures_and_another_seed_others() {
        var a = RunMonteCarlo.of(TRADES, MonteCarlo.Method.BOOTSTRAP, 5000, 42);
        var b = RunMonteCarlo.of(TRADES, MonteCarlo.Method.BOOTSTRAP, 5000, 42);
        var c = RunMonteCarlo.of(TRADES, MonteCarlo.Method.BOOTSTRAP, 5000, 43);
        assertThat(a).isEqualTo(b);
        assertThat(a.finalEquityHistogram().counts()).isNotEqualTo(c.finalEquityHistogram().counts());
        assertThat(a.finalEquityHistogram().counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5000);
        var r1 = RunMonteCarlo.of(TRADES, MonteCarlo.Method.RESHUFFLE, 1000, RunMonteCarlo.DEFAULT_SEED);
        var r2 = RunMonteCarlo.of(TRADES, MonteCarlo.Method.RESHUFFLE, 1000, RunMonteCarlo.DEFAULT_SEED);
        assertThat(r1).isEqualTo(r2);
    }

    @Test
    void a_reshuffle_keeps_the_exact_final_equity_on_the_pooled_cash() {
        var r = RunMonteCarlo.of(TRADES, MonteCarlo.Method.RESHUFFLE, 2000, 1);
        assertThat(r.initialCash()).isEqualByComparingTo("200000");
        // 200000 + 2300.95 exactly, in every simulation
        assertThat(r.finalEquity().min()).isEqualByComparingTo("202300.95");
        assertThat(r.finalEquity().max()).isEqualByComparingTo("202300.95");
        assertThat(r.trades()).isEqualTo(8);
        // the worst order loses all four losers in a row: 2750.55
        assertThat(r.maxDrawdown().max()).isLessThanOrEqualTo(new BigDecimal("2750.55"));
        assertThat(r.longestLosingStreak().max()).isLessThanOrEqualTo(4);
        assertThat(r.maxDrawdown().p95()).isGreaterThanOrEqualTo(r.maxDrawdown().p50());
    }

    @Test
    void bad_input_is_refused_with_a_code_and_field() {
        assertThatThrownBy(() -> RunMonteCarlo.of(TRADES, MonteCarlo.Method.RESHUFFLE, 10_001, 1))
                .isInstanceOfSatisfying(BacktestRefusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.code()).isEqualTo("INVALID_PARAMETER");
                    assertThat(r.field()).isEqualTo("simulations");
                });
        assertThatThrownBy(() -> RunMonteCarlo.of(TRADES, MonteCarlo.Method.RESHUFFLE, 0, 1)).isInstanceOf(BacktestRefusal.class);
        assertThatThrownBy(() -> RunMonteCarlo.method("shuffle"))
                .isInstanceOfSatisfying(BacktestRefusal.class, r -> assertThat(r.field()).isEqualTo("method"));
        assertThat(RunMonteCarlo.method("Bootstrap")).isEqualTo(MonteCarlo.Method.BOOTSTRAP);
        assertThat(RunMonteCarlo.method(null)).isEqualTo(MonteCarlo.Method.RESHUFFLE);
        assertThatThrownBy(() -> RunMonteCarlo.of(result(), MonteCarlo.Method.RESHUFFLE, 10, 1))
                .isInstanceOfSatisfying(BacktestRefusal.class, r -> assertThat(r.code()).isEqualTo("NO_TRADES"));
    }
}
