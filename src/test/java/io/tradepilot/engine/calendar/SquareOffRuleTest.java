package io.tradepilot.engine.calendar;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SquareOffRuleTest {

    private final ExchangeCalendar nse = ExchangeCalendar.nse();
    private final ExchangeCalendar nyse = ExchangeCalendar.nyse();

    @Test
    void nse_squares_off_at_15_25_ist_on_a_trading_day_and_not_on_a_holiday() {
        assertThat(SquareOffRule.nseDefault().cutOff(nse, LocalDate.of(2025, 10, 20)))
                .contains(ZonedDateTime.parse("2025-10-20T15:25+05:30[Asia/Kolkata]"));
        assertThat(SquareOffRule.nseDefault().cutOff(nse, LocalDate.of(2025, 10, 21))).isEmpty(); // Diwali Laxmi Pujan
        assertThat(SquareOffRule.nseDefault().cutOff(nse, LocalDate.of(2025, 10, 25))).isEmpty(); // Saturday
    }

    @Test
    void an_early_close_moves_the_square_off_to_five_minutes_before_it() {
        SquareOffRule rule = new SquareOffRule(LocalTime.of(15, 55), Duration.ofMinutes(5));
        assertThat(rule.cutOff(nyse, LocalDate.of(2025, 11, 28)))
                .contains(ZonedDateTime.parse("2025-11-28T12:55-05:00[America/New_York]"));
        assertThat(rule.cutOff(nyse, LocalDate.of(2025, 11, 26)))
                .contains(ZonedDateTime.parse("2025-11-26T15:55-05:00[America/New_York]"));
        assertThat(rule.cutOff(nyse, LocalDate.of(2025, 11, 27))).isEmpty(); // Thanksgiving
    }

    @Test
    void a_configured_time_after_the_close_is_pulled_back_and_one_before_the_open_is_pushed_to_it() {
        assertThat(new SquareOffRule(LocalTime.of(16, 0), Duration.ofMinutes(5)).cutOff(nse, LocalDate.of(2025, 10, 20)))
                .contains(ZonedDateTime.parse("2025-10-20T15:25+05:30[Asia/Kolkata]"));
        assertThat(new SquareOffRule(LocalTime.of(8, 0), Duration.ZERO).cutOff(nse, LocalDate.of(2025, 10, 20)))
                .contains(ZonedDateTime.parse("2025-10-20T09:15+05:30[Asia/Kolkata]"));
    }

    @Test
    void refuses_a_negative_distance_to_the_close() {
        assertThatThrownBy(() -> new SquareOffRule(LocalTime.NOON, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
