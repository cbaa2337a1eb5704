package io.tradepilot.engine.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradepilot.engine.testing.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

class AtrSizerTest {

    @Test
    void atr_sizing_uses_a_multiple_of_atr_as_the_stop_distance() {
        var s = new AtrSizer(bd("0.01"), bd("2"), BigDecimal.ONE, null);
        assertThat(s.size(bd("100000"), bd("2.5"))).isEqualByComparingTo("200");
        assertThat(s.size(bd("100000"), BigDecimal.ZERO)).isEqualByComparingTo("0");
    }
}
