package io.tradepilot.trading.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.SquareOffRule;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.TimeStamping;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MarketTimeSquareOffTest {

    private static final long FIVE_MINUTES = Duration.ofMinutes(5).toMillis();

    private static long ist(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ZoneId.of("Asia/Kolkata")).toInstant().toEpochMilli();
    }

    private final MarketTimeSquareOff nse = new MarketTimeSquareOff(ExchangeCalendar.nse(), SquareOffRule.nseDefault(), Set.of("INTRA"), FIVE_MINUTES);

    @Test
    void squares_off_after_the_step_whose_bars_end_at_the_cut_off_once_a_day() {
        assertThat(nse.afterStep(ist("2025-10-20T15:15"))).isEmpty();
        Optional<EngineCommand.SquareOff> at = nse.afterStep(ist("2025-10-20T15:20")); // ends 15:25
        assertThat(at).get().satisfies(c -> assertThat(c.symbols()).containsExactly("INTRA"));
        assertThat(nse.afterStep(ist("2025-10-20T15:25"))).isEmpty();
        assertThat(nse.afterStep(ist("2025-10-23T15:20"))).isPresent(); // the next trading day again
    }

    @Test
    void does_nothing_on_a_holiday_and_without_intraday_symbols() {
        assertThat(nse.afterStep(ist("2025-10-21T15:25"))).isEmpty(); // Diwali Laxmi Pujan: no session
        var none = new MarketTimeSquareOff(ExchangeCalendar.nse(), SquareOffRule.nseDefault(), Set.of(), FIVE_MINUTES);
        assertThat(none.afterStep(ist("2025-10-20T15:25"))).isEmpty();
    }

    @Test
    void an_nyse_early_close_squares_off_five_minutes_before_it() {
        var nyse = new MarketTimeSquareOff(ExchangeCalendar.nyse(), new SquareOffRule(LocalTime.of(15, 55), Duration.ofMinutes(5)),
                Set.of("X"), FIVE_MINUTES);
        long t = ZonedDateTime.parse("2025-11-28T12:50-05:00[America/New_York]").toInstant().toEpochMilli();
        assertThat(nyse.afterStep(t - FIVE_MINUTES)).isEmpty();
        assertThat(nyse.afterStep(t)).isPresent();
    }

    @Test
    void the_bar_length_is_the_shortest_gap_within_a_day() {
        List<Bar> bars = new ArrayList<>();
        Instant start = Instant.parse("2025-01-06T03:45:00Z");
        for (int day = 0; day < 2; day++) {
            for (int i = 0; i < 3; i++) {
                bars.add(new Bar(start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(15L * i)), Price.of("1"), Price.of("1"), Price.of("1"), Price.of("1"), 1));
            }
        }
        BarSeries s = BarSeries.fromBars("X", ZoneId.of("Asia/Kolkata"), TimeStamping.DATE_TIME, bars);
        assertThat(MarketTimeSquareOff.barLength(List.of(s), 1)).isEqualTo(Duration.ofMinutes(15).toMillis());
        assertThat(MarketTimeSquareOff.barLength(List.of(), 7)).isEqualTo(7);
    }
}
