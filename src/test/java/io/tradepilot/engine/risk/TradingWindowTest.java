package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static io.tradepilot.engine.risk.RiskFixtures.*;
import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class TradingWindowTest {

    private static RiskContext at(Portfolio p, String time) {
        return new RiskContext(p, java.time.OffsetDateTime.parse(time).toInstant());
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
}
