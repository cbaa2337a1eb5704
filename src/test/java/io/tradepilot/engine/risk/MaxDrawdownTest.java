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

class MaxDrawdownTest {

    private static RejectionCode code(RiskDecision d) {
        return d instanceof RiskDecision.Rejection r ? r.code() : null;
    }

    @Test
    void entries_stop_at_the_drawdown_limit() {
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 1000, "100"));
        p.mark(AAPL, Price.of("96"));
        var check = new MaxDrawdown(new BigDecimal("0.04"));
        assertThat(code(check.check(market(MSFT, Side.BUY, 1), ctx(p)))).isEqualTo(RejectionCode.MAX_DRAWDOWN);
        p.mark(AAPL, Price.of("97"));
        assertThat(check.check(market(MSFT, Side.BUY, 1), ctx(p)).approved()).isTrue();
    }
}
