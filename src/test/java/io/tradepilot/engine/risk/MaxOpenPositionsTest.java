package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;


import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class MaxOpenPositionsTest {

    private static RejectionCode code(RiskDecision d) {
        return d instanceof RiskDecision.Rejection r ? r.code() : null;
    }

    @Test
    void a_new_symbol_beyond_the_maximum_open_positions_is_refused_but_adding_to_one_is_not() {
        Portfolio p = new Portfolio(Money.of("1000000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 1, "1"));
        p.apply(fill(MSFT, Side.BUY, 1, "1"));
        var check = new MaxOpenPositions(2);
        assertThat(code(check.check(market(TSLA, Side.BUY, 1), ctx(p)))).isEqualTo(RejectionCode.MAX_OPEN_POSITIONS);
        assertThat(check.check(market(AAPL, Side.BUY, 1), ctx(p)).approved()).isTrue();
    }
}
