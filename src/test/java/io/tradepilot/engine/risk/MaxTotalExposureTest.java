package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MaxTotalExposureTest {
    private final MaxTotalExposure check = new MaxTotalExposure(new BigDecimal("100000"));

    @Test
    void shorting_tsla_on_top_of_aapl_and_msft_is_rejected_at_115000_over_100000() {
        Portfolio p = new Portfolio(Money.of("1000000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 100, "200"));
        p.apply(fill(MSFT, Side.BUY, 200, "400"));
        RiskDecision d = check.check(limit(TSLA, Side.SELL, 50, "300"), ctx(p));
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(RejectionCode.MAX_TOTAL_EXPOSURE);
            assertThat(r.message()).contains("total exposure $115,000.00 > $100,000.00");
        });
    }

    @Test
    void exposure_within_the_limit_is_allowed_and_reducing_a_position_always_is() {
        Portfolio p = new Portfolio(Money.of("1000000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 100, "200"));
        p.apply(fill(MSFT, Side.BUY, 100, "400"));
        assertThat(check.check(limit(TSLA, Side.SELL, 50, "300"), ctx(p)).approved()).isTrue();
        p.apply(fill(MSFT, Side.BUY, 100, "400"));
        p.apply(fill(TSLA, Side.SELL, 50, "300"));
        assertThat(check.check(limit(MSFT, Side.SELL, 10, "400"), ctx(p)).approved()).isTrue();
    }
}
