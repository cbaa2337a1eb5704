package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MaxQuantityPerSymbolTest {
    private final MaxQuantityPerSymbol check = new MaxQuantityPerSymbol(new BigDecimal("500"));

    private Portfolio holding400() {
        Portfolio p = new Portfolio(Money.of("1000000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 400, "100"));
        return p;
    }

    @Test
    void buying_200_more_while_holding_400_is_rejected_naming_600_and_500() {
        RiskDecision d = check.check(market(AAPL, Side.BUY, 200), ctx(holding400()));
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(RejectionCode.MAX_QUANTITY_PER_SYMBOL);
            assertThat(r.message()).contains("600").contains("500");
        });
    }

    @Test
    void buying_100_more_while_holding_400_is_allowed() {
        assertThat(check.check(market(AAPL, Side.BUY, 100), ctx(holding400())).approved()).isTrue();
    }

    @Test
    void selling_down_an_oversized_position_is_allowed() {
        Portfolio p = new Portfolio(Money.of("1000000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 900, "100"));
        assertThat(check.check(market(AAPL, Side.SELL, 100), ctx(p)).approved()).isTrue();
        assertThat(check.check(market(AAPL, Side.SELL, 1500), ctx(p)).approved()).isFalse(); // flips to short 600
    }
}
