package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MaxDailyLossAmountTest {
    @Test
    void entries_stop_once_today_has_lost_the_amount() {
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 100, "100"));
        p.startDay();
        var check = new MaxDailyLossAmount(new BigDecimal("5000"));
        p.mark(AAPL, Price.of("51")); // -4,900
        assertThat(check.check(market(MSFT, Side.BUY, 1), ctx(p)).approved()).isTrue();
        p.mark(AAPL, Price.of("50")); // -5,000
        assertThat(check.check(market(MSFT, Side.BUY, 1), ctx(p))).isInstanceOfSatisfying(RiskDecision.Rejection.class,
                r -> assertThat(r.message()).contains("$5,000.00 >= limit $5,000.00"));
        assertThat(check.check(market(AAPL, Side.SELL, 100), ctx(p)).approved()).isTrue();
    }
}
