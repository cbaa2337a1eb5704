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

class PortfolioHeatTest {

    private static RejectionCode code(RiskDecision d) {
        return d instanceof RiskDecision.Rejection r ? r.code() : null;
    }

    @Test
    void heat_compares_money_at_risk_with_a_fraction_of_equity() {
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 100, "100"));
        p.setStop("AAPL", Price.of("90")); // 1,000 at risk
        var check = new PortfolioHeat(new BigDecimal("0.02"), false); // 2,000 allowed
        var ok = limit(MSFT, Side.BUY, 100, "50").withProtectiveStop(Price.of("40")); // +1,000 = 2,000
        assertThat(check.check(ok, ctx(p)).approved()).isTrue();
        var tooMuch = limit(MSFT, Side.BUY, 101, "50").withProtectiveStop(Price.of("40"));
        assertThat(check.check(tooMuch, ctx(p))).isInstanceOfSatisfying(RiskDecision.Rejection.class,
                r -> assertThat(r.message()).contains("$2,010.00 > $2,000.00"));
        var shortEntry = limit(TSLA, Side.SELL, 101, "50").withProtectiveStop(Price.of("60"));
        assertThat(check.check(shortEntry, ctx(p)).approved()).isFalse();
        assertThat(code(new PortfolioHeat(new BigDecimal("0.02"), true).check(limit(MSFT, Side.BUY, 1, "50"), ctx(p))))
                .isEqualTo(RejectionCode.PORTFOLIO_HEAT);
    }

    @Test
    void an_entry_or_a_position_without_a_stop_counts_its_whole_exposure_never_zero() {
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        var check = new PortfolioHeat(new BigDecimal("0.02"), false); // 2,000 allowed
        assertThat(check.check(limit(MSFT, Side.BUY, 40, "50"), ctx(p)).approved()).as("2,000 notional").isTrue();
        assertThat(check.check(limit(MSFT, Side.BUY, 41, "50"), ctx(p))).isInstanceOfSatisfying(RiskDecision.Rejection.class,
                r -> assertThat(r.message()).contains("$2,050.00 > $2,000.00"));
        p.apply(fill(AAPL, Side.BUY, 10, "100")); // no stop: 1,000 at risk
        assertThat(check.check(limit(MSFT, Side.BUY, 20, "50"), ctx(p)).approved()).isTrue();
        assertThat(check.check(limit(MSFT, Side.BUY, 21, "50"), ctx(p)).approved()).isFalse();
    }
}
