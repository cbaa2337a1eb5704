package io.tradepilot.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.trading.FeedFreshness;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stale-data warning before the breaker's trip: once per silence, resolved when a bar comes. */
class FeedAlertsTest {

    private final RecordingAlerts alerts = new RecordingAlerts();
    private final List<String> raised = alerts.raised;

    private Duration age;
    private boolean leader = true;
    private final FeedFreshness freshness = new FeedFreshness() {
        public Optional<Duration> sinceLastBar() {
            return leader ? Optional.ofNullable(age) : Optional.empty();
        }

        public Duration staleAfter() {
            return Duration.ofSeconds(60);
        }
    };

    private FeedAlerts feed(String fraction) {
        return new FeedAlerts(() -> Optional.of(freshness), alerts, new BigDecimal(fraction), Duration.ofSeconds(1));
    }

    private void at(FeedAlerts f, long seconds) {
        age = Duration.ofSeconds(seconds);
        f.check();
    }

    @Test
    void half_way_to_the_trip_one_warning_per_silence_and_one_resolution_when_a_bar_comes() {
        FeedAlerts f = feed("0.5");
        at(f, 5);
        at(f, 29);
        assertThat(raised).isEmpty();
        at(f, 30);
        at(f, 45);
        at(f, 75); // the breaker trips here: its own alert (STALE_DATA) comes from the controls
        assertThat(raised).hasSize(1);
        assertThat(raised.getFirst()).startsWith("STALE_DATA_WARNING|feed|null|Market data late: no bar for 30 s|")
                .contains("trips for DATA_STALE at 60 s (warning at 0.5 of it)");
        at(f, 1);
        at(f, 2);
        assertThat(raised).hasSize(2);
        assertThat(raised.get(1)).startsWith("STALE_DATA_RESOLVED|feed|null|Market data flowing again|A bar came after 75 s or more");
        // a new silence is warned again
        at(f, 31);
        assertThat(raised).hasSize(3);
        assertThat(raised.get(2)).startsWith("STALE_DATA_WARNING|feed|null|Market data late: no bar for 31 s");
    }

    @Test
    void a_raise_that_failed_is_tried_again_and_nothing_is_raised_off_the_leader_or_when_switched_off() {
        FeedAlerts f = feed("0.5");
        alerts.failing = true;
        at(f, 40);
        alerts.failing = false;
        at(f, 41);
        assertThat(raised).hasSize(1);
        alerts.failing = true;
        at(f, 0);
        alerts.failing = false;
        at(f, 1);
        assertThat(raised).hasSize(2);
        assertThat(raised.get(1)).startsWith("STALE_DATA_RESOLVED");

        leader = false;
        at(f, 50);
        FeedAlerts off = feed("0");
        leader = true;
        at(off, 59);
        assertThat(raised).hasSize(2);
    }

    @Test
    void losing_the_leadership_while_warned_forgets_the_warning() {
        FeedAlerts f = feed("0.75");
        at(f, 44);
        assertThat(raised).isEmpty();
        at(f, 45);
        assertThat(raised).hasSize(1);
        leader = false;
        at(f, 0);
        leader = true;
        at(f, 1);
        assertThat(raised).hasSize(1); // no resolution for a warning this instance no longer stands behind
    }
}
