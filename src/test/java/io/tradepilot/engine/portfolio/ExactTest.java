package io.tradepilot.engine.portfolio;

import org.junit.jupiter.api.Test;

import static io.tradepilot.engine.testing.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

class ExactTest {
    @Test
    void terminating_quotients_are_exact_and_others_keep_34_significant_digits() {
        assertThat(Exact.divide(bd("10"), bd("4"))).isEqualByComparingTo("2.5");
        assertThat(Exact.divide(bd("1"), bd("3")).precision()).isEqualTo(34);
        assertThat(Exact.divide(bd("1"), bd("3")).toPlainString()).startsWith("0.3333333333");
        assertThat(Exact.divide(bd("21"), bd("7"))).isEqualByComparingTo("3");
        assertThat(Exact.divide(bd("1"), bd("-0.008"))).isEqualByComparingTo("-125");
    }

    @Test
    void only_divisors_made_of_twos_and_fives_terminate() {
        assertThat(Exact.terminates(bd("40"))).isTrue();
        assertThat(Exact.terminates(bd("0.25"))).isTrue();
        assertThat(Exact.terminates(bd("1"))).isTrue();
        assertThat(Exact.terminates(bd("3"))).isFalse();
        assertThat(Exact.terminates(bd("70"))).isFalse();
    }
}
