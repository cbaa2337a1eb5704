package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import org.junit.jupiter.api.Test;

import static io.tradepilot.engine.testing.Fixtures.bd;
import static org.assertj.core.api.Assertions.assertThat;

class MoneyFormatTest {
    @Test
    void amounts_get_the_currency_symbol_grouping_and_two_decimals() {
        assertThat(MoneyFormat.format(bd("115000"), Money.USD)).isEqualTo("$115,000.00");
        assertThat(MoneyFormat.format(bd("-1234.565"), Money.INR)).isEqualTo("-₹1,234.56");
        assertThat(MoneyFormat.percent(bd("0.2"))).isEqualTo("20%");
    }
}
