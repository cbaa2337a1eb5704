package io.tradepilot.engine.portfolio;

import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Side;
import org.junit.jupiter.api.Test;

import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PortfolioTest {

    @Test
    void fills_move_cash_by_notional_and_fees_and_equity_marks_positions() {
        Portfolio p = new Portfolio(Money.of("10000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 10, "100", "1.50", T0));
        assertThat(p.cash()).isEqualByComparingTo("8998.50");
        assertThat(p.equity()).isEqualByComparingTo("9998.50");
        p.mark(AAPL, Price.of("110"));
        assertThat(p.equity()).isEqualByComparingTo("10098.50");
        assertThat(p.unrealizedPnl()).isEqualByComparingTo("100");
        assertThat(p.fees()).isEqualByComparingTo("1.50");
    }

    @Test
    void drawdown_is_measured_from_the_peak_equity() {
        Portfolio p = new Portfolio(Money.of("10000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 100, "100"));
        p.mark(AAPL, Price.of("120"));
        assertThat(p.peakEquity()).isEqualByComparingTo("12000");
        p.mark(AAPL, Price.of("90"));
        assertThat(p.equity()).isEqualByComparingTo("9000");
        assertThat(p.drawdown()).isEqualByComparingTo("0.25");
    }

    @Test
    void scaled_marks_track_the_peak_exactly_without_the_slow_path() {
        Portfolio p = new Portfolio(Money.of("10000", Money.USD));
        int slot = p.slotOf(AAPL);
        p.markScaled(slot, 10000, 2);
        p.apply(fill(AAPL, Side.BUY, 100, "100"));
        p.markScaled(slot, 10001, 2); // +1.00
        assertThat(p.peakEquity()).isEqualByComparingTo("10001");
        p.markScaled(slot, 9900, 2);
        p.markScaled(slot, 10001, 2); // back to the same peak, not above
        assertThat(p.peakEquity()).isEqualByComparingTo("10001");
        p.markScaled(slot, 10050, 2);
        assertThat(p.peakEquity()).isEqualByComparingTo("10050");
        assertThat(p.equity()).isEqualByComparingTo("10050");
    }

    @Test
    void gross_exposure_adds_long_and_short_values_and_open_risk_uses_stops_or_the_whole_exposure() {
        Portfolio p = new Portfolio(Money.of("100000", Money.USD));
        p.apply(fill(AAPL, Side.BUY, 100, "200"));
        p.apply(fill(TSLA, Side.SELL, 50, "300"));
        assertThat(p.grossExposure()).isEqualByComparingTo("35000");
        assertThat(p.openRisk()).as("no stops: unbounded, counted as the whole exposure").isEqualByComparingTo("35000");
        assertThat(p.unprotectedPositionCount()).isEqualTo(2);
        p.setStop("AAPL", Price.of("190"));
        assertThat(p.openRisk()).isEqualByComparingTo("16000"); // 100 x 10 + |-50 x 300|
        assertThat(p.unprotectedPositionCount()).isEqualTo(1);
        p.setStop("TSLA", Price.of("310"));
        assertThat(p.openRisk()).isEqualByComparingTo("1500"); // 100 x 10 + 50 x 10
        assertThat(p.unprotectedPositionCount()).isZero();
        assertThat(p.openPositionCount()).isEqualTo(2);
    }

    @Test
    void the_day_start_equity_is_taken_when_a_day_starts() {
        Portfolio p = new Portfolio(Money.of("10000", Money.USD));
        int slot = p.slotOf(AAPL);
        p.markScaled(slot, 10000, 2);
        p.apply(fill(AAPL, Side.BUY, 10, "100"));
        p.markScaled(slot, 9000, 2);
        p.startDay();
        p.markScaled(slot, 8000, 2);
        assertThat(p.dayStartEquity()).isEqualByComparingTo("9900");
        assertThat(p.dayPnl()).isEqualByComparingTo("-100");
    }

    @Test
    void a_fill_in_another_currency_is_refused() {
        Portfolio p = new Portfolio(Money.of("10000", Money.USD));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.apply(fill(RELIANCE, Side.BUY, 1, "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
