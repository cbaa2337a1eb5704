package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MaxPercentOfEquityPerSymbolTest {
    private final MaxPercentOfEquityPerSymbol check = new MaxPercentOfEquityPerSymbol(new BigDecimal("0.20"));

    @Test
    void buying_100_at_200_in_a_50k_portfolio_is_rejected_20000_over_10000() {
        Portfolio p = new Portfolio(Money.of("50000", Money.USD));
        RiskDecision d = check.check(limit(AAPL, Side.BUY, 100, "200"), ctx(p));
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(RejectionCode.MAX_PERCENT_OF_EQUITY);
            assertThat(r.message()).contains("$20,000.00 > $10,000.00");
        });
    }

    @Test
    void a_position_within_the_percentage_is_allowed() {
        Portfolio p = new Portfolio(Money.of("50000", Money.USD));
        assertThat(check.check(limit(AAPL, Side.BUY, 50, "200"), ctx(p)).approved()).isTrue();
    }

    @Test
    void a_market_order_without_any_known_price_is_refused() {
        Portfolio p = new Portfolio(Money.of("50000", Money.USD));
        RiskDecision d = check.check(market(AAPL, Side.BUY, 1), ctx(p));
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Rejection.class, r -> assertThat(r.code()).isEqualTo(RejectionCode.NO_PRICE));
    }
}
