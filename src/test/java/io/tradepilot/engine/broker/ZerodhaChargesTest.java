package io.tradepilot.engine.broker;

import io.tradepilot.engine.domain.Side;
import org.junit.jupiter.api.Test;

import static io.tradepilot.engine.testing.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

class ZerodhaChargesTest {

    @Test
    void a_delivery_buy_of_100_shares_at_1000_costs_118_62() {
        var b = ZerodhaCharges.delivery().breakdown(Side.BUY, bd("100"), bd("1000"));
        // turnover 1,00,000: STT 0.1 % = 100; NSE 0.00297 % = 2.97; SEBI 10/crore = 0.10;
        // GST 18 % of (0 + 2.97 + 0.10) = 0.5526 -> 0.55; stamp 0.015 % = 15
        assertThat(b.brokerage()).isEqualByComparingTo("0");
        assertThat(b.stt()).isEqualByComparingTo("100.00");
        assertThat(b.exchange()).isEqualByComparingTo("2.97");
        assertThat(b.sebi()).isEqualByComparingTo("0.10");
        assertThat(b.gst()).isEqualByComparingTo("0.55");
        assertThat(b.stamp()).isEqualByComparingTo("15.00");
        assertThat(b.total()).isEqualByComparingTo("118.62");
    }

    @Test
    void a_delivery_sell_pays_stt_but_no_stamp_duty() {
        var b = ZerodhaCharges.delivery().breakdown(Side.SELL, bd("100"), bd("1100"));
        // turnover 1,10,000: STT 110; NSE 3.267 -> 3.27; SEBI 0.11; GST 18 % of 3.38 = 0.6084 -> 0.61
        assertThat(b.stamp()).isEqualByComparingTo("0");
        assertThat(b.total()).isEqualByComparingTo("113.99");
    }

    @Test
    void intraday_brokerage_is_three_basis_points_capped_at_20_rupees() {
        var small = ZerodhaCharges.intraday().breakdown(Side.BUY, bd("10"), bd("1000")); // 10,000 x 0.03 % = 3
        assertThat(small.brokerage()).isEqualByComparingTo("3.00");
        assertThat(small.stt()).isEqualByComparingTo("0");
        var large = ZerodhaCharges.intraday().breakdown(Side.SELL, bd("1000"), bd("1000")); // 10,00,000
        assertThat(large.brokerage()).isEqualByComparingTo("20");
        assertThat(large.stt()).isEqualByComparingTo("250.00");
        // GST 18 % of (20 + 29.70 + 1.00) = 9.126 -> 9.13
        assertThat(large.gst()).isEqualByComparingTo("9.13");
        assertThat(large.total()).isEqualByComparingTo("309.83");
        assertThat(ZerodhaCharges.intraday().charges(Side.SELL, bd("1000"), bd("1000"), true)).isEqualByComparingTo("309.83");
    }
}
