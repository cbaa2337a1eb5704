package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class FatFingerTest {
    private final FatFinger check = new FatFinger(new BigDecimal("10000"), new BigDecimal("100000"));
    private final Portfolio p = new Portfolio(Money.of("10000000", Money.USD));

    @Test
    void an_order_above_the_share_limit_is_refused() {
        assertThat(check.check(limit(AAPL, Side.BUY, 10_001, "1"), ctx(p))).isInstanceOfSatisfying(RiskDecision.Rejection.class,
                r -> assertThat(r.message()).contains("10001").contains("10000"));
    }

    @Test
    void an_order_above_the_notional_limit_is_refused_and_one_at_the_limit_is_not() {
        assertThat(check.check(limit(AAPL, Side.BUY, 501, "200"), ctx(p))).isInstanceOfSatisfying(RiskDecision.Rejection.class,
                r -> assertThat(r.message()).contains("$100,200.00 > $100,000.00"));
        assertThat(check.check(limit(AAPL, Side.BUY, 500, "200"), ctx(p)).approved()).isTrue();
    }
}
