package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class RiskChainsTest {
    @Test
    void the_seed_defaults_reproduce_the_behaviour_vectors_in_their_order() {
        Portfolio p = new Portfolio(Money.of("50000", Money.USD));
        RiskChain chain = RiskChains.seedDefaults(Set.of("GME"));
        assertThat(code(chain.check(limit(AAPL, Side.BUY, 100, "200"), ctx(p)))).isEqualTo(RejectionCode.MAX_PERCENT_OF_EQUITY);
        assertThat(code(chain.check(limit(AAPL, Side.BUY, 1_001, "1"), ctx(p)))).isEqualTo(RejectionCode.MAX_QUANTITY_PER_SYMBOL);
        assertThat(code(chain.check(limit(AAPL, Side.BUY, 20_000, "1"), ctx(p)))).isEqualTo(RejectionCode.FAT_FINGER);
        assertThat(code(chain.check(limit(io.tradepilot.engine.domain.Instrument.usEquity("GME", "NYSE"), Side.BUY, 1, "1"), ctx(p))))
                .isEqualTo(RejectionCode.BLACKLISTED);
        assertThat(chain.check(limit(AAPL, Side.BUY, 50, "200"), ctx(p)).approved()).isTrue();
    }

    private static RejectionCode code(RiskDecision d) {
        return d instanceof RiskDecision.Rejection r ? r.code() : null;
    }
}
