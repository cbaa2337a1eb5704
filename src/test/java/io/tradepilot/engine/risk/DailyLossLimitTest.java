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

class DailyLossLimitTest {

    @Test
    void entries_stop_once_the_daily_loss_reaches_the_limit_while_exits_continue() {
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 100, "100"));
        p.startDay();
        var check = new DailyLossLimit(new BigDecimal("0.02"));
        p.mark(AAPL, Price.of("81")); // loss 1,900 < 2,000
        assertThat(check.check(market(MSFT, Side.BUY, 1), ctx(p)).approved()).isTrue();
        p.mark(AAPL, Price.of("80")); // loss 2,000
        RiskDecision d = check.check(market(MSFT, Side.BUY, 1), ctx(p));
        assertThat(d).isInstanceOfSatisfying(RiskDecision.Rejection.class, r -> assertThat(r.message()).contains("$2,000.00"));
        assertThat(check.check(market(AAPL, Side.SELL, 100), ctx(p)).approved()).isTrue();
    }

    @Test
    void the_soft_limit_refuses_with_its_own_code_and_only_daily_loss_codes_are_accepted() {
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 100, "100"));
        p.startDay();
        p.mark(AAPL, Price.of("99")); // loss 100 = 0.1 %
        var soft = new DailyLossLimit(new BigDecimal("0.001"), RejectionCode.DAILY_LOSS_ENTRIES_PAUSED);
        assertThat(soft.check(market(MSFT, Side.BUY, 1), ctx(p))).isInstanceOfSatisfying(RiskDecision.Rejection.class,
                r -> assertThat(r.code()).isEqualTo(RejectionCode.DAILY_LOSS_ENTRIES_PAUSED));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DailyLossLimit(new BigDecimal("0.01"), RejectionCode.FAT_FINGER))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DailyLossLimit(BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
