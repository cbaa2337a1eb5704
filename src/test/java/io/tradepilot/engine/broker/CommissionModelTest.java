package io.tradepilot.engine.broker;

import io.tradepilot.engine.domain.Side;
import org.junit.jupiter.api.Test;

import static io.tradepilot.engine.testing.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

class CommissionModelTest {

    @Test
    void percent_of_notional_reads_its_argument_as_a_percentage() {
        assertThat(CommissionModel.percentOfNotional(bd("0.1")).charges(Side.BUY, bd("100"), bd("250"), true)).isEqualByComparingTo("25");
    }

    @Test
    void per_share_applies_its_minimum_once_per_order() {
        var m = CommissionModel.perShare(bd("0.005"), bd("1"));
        assertThat(m.charges(Side.BUY, bd("100"), bd("10"), true)).isEqualByComparingTo("1");
        assertThat(m.charges(Side.BUY, bd("100"), bd("10"), false)).isEqualByComparingTo("0.5");
        assertThat(m.charges(Side.BUY, bd("1000"), bd("10"), true)).isEqualByComparingTo("5");
    }

    @Test
    void a_flat_fee_is_charged_on_the_first_fill_of_an_order_only() {
        var m = CommissionModel.flatPerOrder(bd("20"));
        assertThat(m.charges(Side.SELL, bd("1"), bd("1"), true)).isEqualByComparingTo("20");
        assertThat(m.charges(Side.SELL, bd("1"), bd("1"), false)).isEqualByComparingTo("0");
    }

    @Test
    void slippage_is_adverse_for_both_sides() {
        assertThat(new Slippage.Bps(bd("5")).apply(Side.BUY, bd("100"), bd("0.05"))).isEqualByComparingTo("100.05");
        assertThat(new Slippage.Bps(bd("5")).apply(Side.SELL, bd("100"), bd("0.05"))).isEqualByComparingTo("99.95");
        assertThat(new Slippage.Ticks(2).apply(Side.BUY, bd("100"), bd("0.05"))).isEqualByComparingTo("100.10");
        assertThat(Slippage.NONE.apply(Side.SELL, bd("100"), bd("0.05"))).isEqualByComparingTo("100");
    }
}
