package io.tradepilot.base.format;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest {

    @Test
    void money_keeps_every_decimal_it_has_and_at_least_two() {
        assertThat(Amounts.money(new BigDecimal("1250.5"), "INR")).isEqualTo("INR 1,250.50");
        assertThat(Amounts.money(new BigDecimal("-0.005"), "INR")).isEqualTo("INR -0.005");
        assertThat(Amounts.money(new BigDecimal("1000000"), "USD")).isEqualTo("USD 1,000,000.00");
        assertThat(Amounts.money(new BigDecimal("123456789012345.123456789"), "INR"))
                .isEqualTo("INR 123,456,789,012,345.123456789");
        assertThat(Amounts.money(null, "INR")).isEqualTo(Amounts.NONE);
    }

    @Test
    void signed_money_marks_gains_with_a_plus() {
        assertThat(Amounts.signedMoney(new BigDecimal("75"), "INR")).isEqualTo("INR +75.00");
        assertThat(Amounts.signedMoney(new BigDecimal("-2000.10"), "INR")).isEqualTo("INR -2,000.10");
        assertThat(Amounts.signedMoney(BigDecimal.ZERO, "INR")).isEqualTo("INR 0.00");
    }

    @Test
    void quantities_show_no_trailing_zeros() {
        assertThat(Amounts.quantity(new BigDecimal("100.000"))).isEqualTo("100");
        assertThat(Amounts.quantity(new BigDecimal("-12.50"))).isEqualTo("-12.5");
        assertThat(Amounts.quantity(new BigDecimal("1E+3"))).isEqualTo("1,000");
    }

    @Test
    void percentages_are_rounded_half_even_to_two_decimals() {
        assertThat(Amounts.percent(new BigDecimal("0.01834"))).isEqualTo("1.83 %");
        assertThat(Amounts.percent(new BigDecimal("0.018"))).isEqualTo("1.80 %");
        assertThat(Amounts.percent(new BigDecimal("-0.000125"))).isEqualTo("-0.01 %");
    }

    @Test
    void a_ratio_of_nothing_is_unknown() {
        assertThat(Amounts.ratio(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(Amounts.ratio(null, BigDecimal.ONE)).isNull();
        assertThat(Amounts.ratio(new BigDecimal("5000"), new BigDecimal("1000000"))).isEqualByComparingTo("0.005");
    }
}
