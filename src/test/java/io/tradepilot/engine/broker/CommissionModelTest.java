package io.tradepilot.engine.broker;

import io.tradepilot.engine.domain.ChargeKind;
import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.venue.ExecutionReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.tradepilot.engine.testing.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void itemised_charges_add_up_to_the_same_amount_zerodha_and_alpaca_by_kind_other_models_not_itemised() {
        var zerodha = ZerodhaCharges.delivery().itemised(Side.BUY, bd("100"), bd("1000"), true);
        assertThat(zerodha.amounts().keySet()).containsExactly(ChargeKind.BROKERAGE, ChargeKind.STT, ChargeKind.EXCHANGE,
                ChargeKind.SEBI, ChargeKind.GST, ChargeKind.STAMP);
        assertThat(zerodha.amount(ChargeKind.STT)).isEqualTo(bd("100.00"));
        assertThat(zerodha.amount(ChargeKind.STAMP)).isEqualTo(bd("15.00"));
        assertThat(zerodha.total()).isEqualTo(ZerodhaCharges.delivery().charges(Side.BUY, bd("100"), bd("1000"), true)).isEqualTo(bd("118.62"));

        var alpaca = AlpacaCharges.DEFAULT.itemised(Side.SELL, bd("100"), bd("250"), true);
        assertThat(alpaca.amounts().keySet()).containsExactly(ChargeKind.SEC_FEE, ChargeKind.FINRA_TAF);
        assertThat(alpaca.total()).isEqualTo(AlpacaCharges.DEFAULT.charges(Side.SELL, bd("100"), bd("250"), true));

        assertThat(CommissionModel.percentOfNotional(bd("0.1")).itemised(Side.BUY, bd("100"), bd("250"), true))
                .as("a model without kinds reports one unitemised commission").isNull();
        assertThat(Charges.commission(bd("25")).amounts()).containsExactly(Map.entry(ChargeKind.COMMISSION, bd("25")));
    }

    @Test
    void an_execution_report_refuses_charges_that_do_not_add_up_to_its_commission() {
        var cid = new ClientOrderId("s:ABC:1");
        var charges = new Charges(Map.of(ChargeKind.BROKERAGE, bd("1.50"), ChargeKind.GST, bd("0.27")));
        assertThat(new ExecutionReport.VenueFilled(cid, Quantity.of(10), Price.of("100"), Money.of("1.77", Money.INR), Quantity.of(10),
                Instant.EPOCH, charges).charges()).isEqualTo(charges);
        assertThatThrownBy(() -> new ExecutionReport.VenuePartiallyFilled(cid, Quantity.of(5), Price.of("100"), Money.of("1.78", Money.INR),
                Quantity.of(5), Instant.EPOCH, charges)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.77");
        assertThatThrownBy(() -> new Charges(Map.of(ChargeKind.STT, bd("-0.01")))).isInstanceOf(IllegalArgumentException.class);
    }
}
