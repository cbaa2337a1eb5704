package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TradingStateCheckTest {

    private static RejectionCode code(RiskDecision d) {
        return d instanceof RiskDecision.Rejection r ? r.code() : null;
    }

    private final Portfolio longAapl = new Portfolio(Money.of("100000", Money.USD));
    {
        longAapl.apply(fill(AAPL, Side.BUY, 10, "100"));
    }

    @Test
    void allowed_state_approves() {
        assertThat(new TradingStateCheck(TradingStatePort.alwaysAllowed()).check(market(AAPL, Side.BUY, 1), ctx(longAapl)).approved()).isTrue();
    }

    @Test
    void an_unknown_or_unreadable_state_fails_closed() {
        var unknown = new TradingStateCheck(() -> TradingState.blocked(TradingState.Kind.UNKNOWN, "redis down"));
        assertThat(code(unknown.check(market(AAPL, Side.SELL, 10), ctx(longAapl)))).isEqualTo(RejectionCode.TRADING_STATE_UNKNOWN);
        var throwing = new TradingStateCheck(() -> { throw new IllegalStateException("timeout"); });
        assertThat(code(throwing.check(market(AAPL, Side.BUY, 1), ctx(longAapl)))).isEqualTo(RejectionCode.TRADING_STATE_UNKNOWN);
        var nullAnswer = new TradingStateCheck(() -> null);
        assertThat(code(nullAnswer.check(market(AAPL, Side.BUY, 1), ctx(longAapl)))).isEqualTo(RejectionCode.TRADING_STATE_UNKNOWN);
    }

    @Test
    void an_engaged_kill_switch_refuses_even_exits() {
        var killed = new TradingStateCheck(() -> TradingState.blocked(TradingState.Kind.KILL_SWITCH_ENGAGED, "operator"));
        assertThat(code(killed.check(market(AAPL, Side.SELL, 10), ctx(longAapl)))).isEqualTo(RejectionCode.KILL_SWITCH_ENGAGED);
    }

    @Test
    void paused_reduce_only_and_tripped_states_refuse_entries_but_allow_exits() {
        for (var kind : new TradingState.Kind[]{TradingState.Kind.PAUSED, TradingState.Kind.REDUCE_ONLY, TradingState.Kind.CIRCUIT_BREAKER_TRIPPED}) {
            var check = new TradingStateCheck(() -> TradingState.blocked(kind, "x"));
            assertThat(check.check(market(AAPL, Side.BUY, 1), ctx(longAapl)).approved()).as(kind + " entry").isFalse();
            assertThat(check.check(market(AAPL, Side.SELL, 10), ctx(longAapl)).approved()).as(kind + " exit").isTrue();
            assertThat(check.check(market(AAPL, Side.SELL, 20), ctx(longAapl)).approved()).as(kind + " flip").isFalse();
        }
    }
}
