package io.tradepilot.engine.risk;

import org.junit.jupiter.api.Test;


import static io.tradepilot.engine.testing.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KellyTest {

    @Test
    void kelly_of_55_percent_wins_paying_1_5_against_1_is_a_quarter() {
        assertThat(Kelly.fraction(bd("0.55"), bd("1.5"), bd("1"))).isEqualByComparingTo("0.25");
    }

    @Test
    void kelly_is_clamped_to_zero_and_one_and_refuses_impossible_inputs() {
        assertThat(Kelly.fraction(bd("0.2"), bd("1"), bd("1"))).isEqualByComparingTo("0");
        assertThat(Kelly.fraction(bd("1"), bd("1"), bd("0"))).isEqualByComparingTo("1");
        assertThatThrownBy(() -> Kelly.fraction(bd("1.1"), bd("1"), bd("1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kelly.fraction(bd("0.5"), bd("0"), bd("1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
