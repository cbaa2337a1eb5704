package io.tradepilot.scheduler.internal;

import io.tradepilot.scheduler.internal.SetupStopRule.Step;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The stop ladder on BEHAVIOUR's plan (entry 111, stop 90, T1 142.5, T2 174) and its short mirror, to the paisa. */
class SetupStopRuleTest {

    private static final BigDecimal ENTRY = new BigDecimal("111");
    private static final BigDecimal T1 = new BigDecimal("142.5");

    @Test
    void a_long_reaches_breakeven_at_plus_three_percent_and_trails_one_rung_behind() {
        assertThat(SetupStopRule.reached("BUY", ENTRY, T1, new BigDecimal("114.32"), new BigDecimal("100"))).isEmpty();
        assertThat(SetupStopRule.reached("BUY", ENTRY, T1, new BigDecimal("114.33"), new BigDecimal("100"))).containsExactly(Step.BREAKEVEN);
        assertThat(SetupStopRule.reached("BUY", ENTRY, T1, new BigDecimal("117.66"), new BigDecimal("100")))
                .containsExactly(Step.BREAKEVEN, Step.TRAIL3);
        assertThat(SetupStopRule.reached("BUY", ENTRY, T1, new BigDecimal("122.09"), new BigDecimal("100")))
                .containsExactly(Step.BREAKEVEN, Step.TRAIL3);
        assertThat(SetupStopRule.reached("BUY", ENTRY, T1, new BigDecimal("127.65"), new BigDecimal("100")))
                .containsExactly(Step.BREAKEVEN, Step.TRAIL3, Step.TRAIL6, Step.TRAIL10);
        assertThat(SetupStopRule.stopOf("BUY", ENTRY, Step.BREAKEVEN)).isEqualByComparingTo("111");
        assertThat(SetupStopRule.stopOf("BUY", ENTRY, Step.TRAIL3)).isEqualByComparingTo("114.33");
        assertThat(SetupStopRule.stopOf("BUY", ENTRY, Step.TRAIL6)).isEqualByComparingTo("117.66");
        assertThat(SetupStopRule.stopOf("BUY", ENTRY, Step.TRAIL10)).isEqualByComparingTo("122.1");
        assertThat(SetupStopRule.stopOf("BUY", new BigDecimal("1010.81"), Step.TRAIL3).toPlainString()).as("exact, unrounded")
                .isEqualTo("1041.1343");
    }

    @Test
    void target_one_moves_the_stop_to_breakeven_even_below_three_percent() {
        // a tight plan: entry 100, stop 99, R = 1, T1 = 101.5 (+1.5 %)
        assertThat(SetupStopRule.reached("BUY", new BigDecimal("100"), new BigDecimal("101.5"), new BigDecimal("101.49"), new BigDecimal("100")))
                .isEmpty();
        assertThat(SetupStopRule.reached("BUY", new BigDecimal("100"), new BigDecimal("101.5"), new BigDecimal("101.5"), new BigDecimal("100")))
                .containsExactly(Step.BREAKEVEN);
    }

    @Test
    void a_short_mirrors_it() {
        // short entry 111, stop 132, T1 79.5
        assertThat(SetupStopRule.reached("SELL", ENTRY, new BigDecimal("79.5"), new BigDecimal("120"), new BigDecimal("107.68"))).isEmpty();
        assertThat(SetupStopRule.reached("SELL", ENTRY, new BigDecimal("79.5"), new BigDecimal("120"), new BigDecimal("107.67")))
                .containsExactly(Step.BREAKEVEN);
        assertThat(SetupStopRule.reached("SELL", ENTRY, new BigDecimal("79.5"), new BigDecimal("120"), new BigDecimal("104.34")))
                .containsExactly(Step.BREAKEVEN, Step.TRAIL3);
        assertThat(SetupStopRule.stopOf("SELL", ENTRY, Step.TRAIL3)).isEqualByComparingTo("107.67");
        assertThat(SetupStopRule.tighter("SELL", new BigDecimal("132"), new BigDecimal("111"))).isEqualByComparingTo("111");
        assertThat(SetupStopRule.tighter("BUY", new BigDecimal("114.33"), new BigDecimal("111"))).as("a stop never loosens")
                .isEqualByComparingTo("114.33");
        assertThat(SetupStopRule.tighter("BUY", null, new BigDecimal("90"))).isEqualByComparingTo("90");
    }
}
