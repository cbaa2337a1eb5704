package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class BlacklistTest {
    @Test
    void entries_in_a_blacklisted_symbol_are_refused_but_exits_are_not() {
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        p.apply(fill(TSLA, Side.BUY, 10, "100"));
        var check = new Blacklist(Set.of("TSLA"));
        assertThat(check.check(market(TSLA, Side.BUY, 1), ctx(p))).isInstanceOfSatisfying(RiskDecision.Rejection.class,
                r -> assertThat(r.code()).isEqualTo(RejectionCode.BLACKLISTED));
        assertThat(check.check(market(TSLA, Side.SELL, 10), ctx(p)).approved()).isTrue();
        assertThat(check.check(market(AAPL, Side.BUY, 1), ctx(p)).approved()).isTrue();
    }
}
