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
    }
}
