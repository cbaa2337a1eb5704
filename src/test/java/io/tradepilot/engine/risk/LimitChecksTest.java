package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** MaxOpenPositions, DailyLossLimit, MaxDrawdown, PortfolioHeat, TradingWindow and RiskChain. */
class LimitChecksTest {

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
    void entries_stop_at_the_drawdown_limit() {
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 1000, "100"));
        p.mark(AAPL, Price.of("96"));
        var check = new MaxDrawdown(new BigDecimal("0.04"));
        assertThat(code(check.check(market(MSFT, Side.BUY, 1), ctx(p)))).isEqualTo(RejectionCode.MAX_DRAWDOWN);
        p.mark(AAPL, Price.of("97"));
        assertThat(check.check(market(MSFT, Side.BUY, 1), ctx(p)).approved()).isTrue();
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
    void the_trading_window_allows_entries_inside_hours_and_exits_a_little_longer() {
        ZoneId ist = ZoneId.of("Asia/Kolkata");
        var window = new TradingWindow(ist, LocalTime.of(9, 15), LocalTime.of(15, 20), LocalTime.of(15, 25),
                List.of(new TradingWindow.Blackout(LocalTime.of(12, 0), LocalTime.of(13, 0))));
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 10, "1"));
        var entry = market(MSFT, Side.BUY, 1);
        var exit = market(AAPL, Side.SELL, 10);
        assertThat(window.check(entry, at(p, "2024-01-02T09:15:00+05:30")).approved()).isTrue();
        assertThat(window.check(entry, at(p, "2024-01-02T09:14:59+05:30")).approved()).isFalse();
        assertThat(window.check(entry, at(p, "2024-01-02T12:30:00+05:30")).approved()).isFalse();
        assertThat(window.check(entry, at(p, "2024-01-02T15:22:00+05:30")).approved()).isFalse();
        assertThat(window.check(exit, at(p, "2024-01-02T15:22:00+05:30")).approved()).isTrue();
        assertThat(window.check(exit, at(p, "2024-01-02T15:25:00+05:30")).approved()).isFalse();
    }

    private static RiskContext at(Portfolio p, String time) {
        return new RiskContext(p, java.time.OffsetDateTime.parse(time).toInstant());
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
