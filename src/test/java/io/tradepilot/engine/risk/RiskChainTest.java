package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class RiskChainTest {

    private static RejectionCode code(RiskDecision d) {
        return d instanceof RiskDecision.Rejection r ? r.code() : null;
    }

    @Test
    void the_chain_returns_the_first_rejection_in_order() {
        Portfolio p = new Portfolio(Money.of("50000", Money.USD));
        RiskCheck first = (o, c) -> RiskDecision.reject(RejectionCode.MAX_OPEN_POSITIONS, "first");
        RiskCheck second = (o, c) -> RiskDecision.reject(RejectionCode.MAX_DRAWDOWN, "second");
        assertThat(code(RiskChain.of((o, c) -> RiskDecision.APPROVED, first, second).check(market(AAPL, Side.BUY, 1), ctx(p))))
                .isEqualTo(RejectionCode.MAX_OPEN_POSITIONS);
        assertThat(RiskChain.of().check(market(AAPL, Side.BUY, 1), new RiskContext(p, Instant.EPOCH)).approved()).isTrue();
    }
}
