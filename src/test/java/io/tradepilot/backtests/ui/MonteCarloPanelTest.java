package io.tradepilot.backtests.ui;

import io.tradepilot.backtests.RunMonteCarloTest;
import io.tradepilot.backtests.RunMonteCarlo;
import io.tradepilot.engine.research.MonteCarlo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Monte Carlo section: the default seed is shown and used; bad inputs are field messages. */
class MonteCarloPanelTest {

    @Test
    void defaults_simulate_and_bad_inputs_mark_their_field() {
        var result = RunMonteCarloTest.result("100", "-50", "-25", "80");
        MonteCarloPanel panel = new MonteCarloPanel(result);
        assertThat(panel.seed.getValue()).isEqualTo(String.valueOf(RunMonteCarlo.DEFAULT_SEED));
        assertThat(panel.simulate()).isTrue();
        var rows = MonteCarloPanel.rows(RunMonteCarlo.of(result, MonteCarlo.Method.RESHUFFLE, RunMonteCarlo.DEFAULT_SIMULATIONS, RunMonteCarlo.DEFAULT_SEED));
        assertThat(rows).hasSize(4);
        assertThat(rows.getFirst().min()).isEqualTo("200105");

        panel.simulations.setValue("20000");
        assertThat(panel.simulate()).isFalse();
        assertThat(panel.simulations.isInvalid()).isTrue();
        panel.simulations.setValue("100");
        panel.seed.setValue("abc");
        assertThat(panel.simulate()).isFalse();
        assertThat(panel.seed.isInvalid()).isTrue();
    }
}
