package io.tradepilot.brokers.kite;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Price;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MinuteBarsTest {

    private static final Instant M0 = Instant.parse("2026-12-07T03:45:00Z"); // 09:15:00 IST, the open
    private final List<Bar> bars = new ArrayList<>();
    private final MinuteBars aggregator = new MinuteBars(Duration.ofSeconds(2), (token, bar) -> bars.add(bar));

    private void tick(String price, long qty, long volume, Instant at) {
        aggregator.tick(new KiteTick(1L, new BigDecimal(price), qty, volume, at, at), at);
    }

    @Test
    void a_bar_is_finished_by_a_tick_of_the_next_minute_or_by_the_flush_after_its_grace() {
        tick("100.00", 10, 500, M0.plusSeconds(3));
        tick("100.50", 5, 505, M0.plusSeconds(30));
        tick("101.00", 5, 520, M0.plusSeconds(61));
        assertThat(bars).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(M0);
            assertThat(b.close().value()).isEqualByComparingTo("100.50");
            assertThat(b.volume()).isEqualTo(15); // 505 - (500 - 10)
        });

        aggregator.flush(M0.plusSeconds(121)); // the 09:16 bar ended at 09:17:00; grace 2 s not over
        assertThat(bars).hasSize(1);
        aggregator.flush(M0.plusSeconds(122));
        assertThat(bars).hasSize(2);
        assertThat(bars.get(1).start()).isEqualTo(M0.plusSeconds(60));
        assertThat(bars.get(1).volume()).isEqualTo(15); // 520 - 505
    }

    @Test
    void a_late_tick_for_a_finished_minute_is_dropped_and_counted() {
        tick("100.00", 1, 1, M0.plusSeconds(3));
        tick("100.00", 1, 2, M0.plusSeconds(63));
        tick("99.00", 1, 3, M0.plusSeconds(50));
        assertThat(aggregator.late()).isEqualTo(1);
        assertThat(bars.getFirst().low().value()).isEqualByComparingTo("100.00");
    }

    @Test
    void bars_are_aligned_to_whole_minutes_of_india_time() {
        assertThat(MinuteBars.minuteOf(Instant.parse("2026-12-07T03:45:59.900Z"))).isEqualTo(M0);
    }

    @Test
    void back_filled_bars_fill_only_the_gap_between_the_last_finished_bar_and_the_one_being_built() {
        tick("100.00", 1, 1, M0.plusSeconds(3));
        tick("100.00", 1, 2, M0.plusSeconds(183)); // finishes 09:15, builds 09:18
        Bar missed = new Bar(M0.plusSeconds(60), Price.of("100"), Price.of("101"), Price.of("99"), Price.of("100"), 7);
        Bar again = new Bar(M0, Price.of("100"), Price.of("100"), Price.of("100"), Price.of("100"), 1);
        Bar building = new Bar(M0.plusSeconds(180), Price.of("100"), Price.of("100"), Price.of("100"), Price.of("100"), 1);
        aggregator.backfilled(1L, missed);
        aggregator.backfilled(1L, again);
        aggregator.backfilled(1L, building);
        assertThat(bars).extracting(Bar::start).containsExactly(M0, M0.plusSeconds(60));
    }
}
