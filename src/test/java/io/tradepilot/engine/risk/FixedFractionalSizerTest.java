package io.tradepilot.engine.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradepilot.engine.testing.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

class FixedFractionalSizerTest {

    @Test
    void ten_lakh_at_half_a_percent_with_a_100_point_stop_buys_one_lot_of_50() {
        var s = new FixedFractionalSizer(bd("0.005"), bd("50"), bd("150"), BigDecimal.ONE);
        assertThat(s.size(bd("1000000"), bd("22000"), bd("21900"))).isEqualByComparingTo("50");
    }

    @Test
    void fifty_lakh_is_capped_at_three_lots() {
        var s = new FixedFractionalSizer(bd("0.005"), bd("50"), bd("150"), BigDecimal.ONE);
        assertThat(s.size(bd("5000000"), bd("22000"), bd("21900"))).isEqualByComparingTo("150");
    }

    @Test
    void one_percent_of_100k_with_a_5_dollar_stop_is_200_shares_long_or_short() {
        var s = new FixedFractionalSizer(bd("0.01"), BigDecimal.ONE);
        assertThat(s.size(bd("100000"), bd("50"), bd("45"))).isEqualByComparingTo("200");
        assertThat(s.size(bd("100000"), bd("50"), bd("55"))).isEqualByComparingTo("200");
    }

    @Test
    void three_week_inside_sizing_buys_285_shares() {
        var s = new FixedFractionalSizer(bd("0.015"), BigDecimal.ONE);
        assertThat(s.size(bd("400000"), bd("111"), bd("90"))).isEqualByComparingTo("285");
    }

    @Test
    void a_zero_stop_distance_sizes_to_zero_instead_of_exploding_and_the_multiplier_scales() {
        var s = new FixedFractionalSizer(bd("0.01"), BigDecimal.ONE);
        assertThat(s.size(bd("100000"), bd("50"), bd("50"))).isEqualByComparingTo("0");
        var half = new FixedFractionalSizer(bd("0.01"), BigDecimal.ONE, null, bd("0.5"));
        assertThat(half.size(bd("100000"), bd("50"), bd("45"))).isEqualByComparingTo("100");
    }
}
