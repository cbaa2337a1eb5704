package io.tradepilot.controls.internal;

import io.tradepilot.controls.CircuitBreaker;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.KillSwitch;
import io.tradepilot.controls.KillSwitchState;
import io.tradepilot.controls.TradingSwitch;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ControlStateCacheTest {

    private Instant now = Instant.parse("2026-01-05T10:00:00Z");
    private final Clock clock = new Clock() {
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    private KillSwitch killSwitch = KillSwitch.initial();
    private boolean down;

    private final ControlStore store = new ControlStore() {
        public Stored read() {
            if (down) {
                throw new ControlStoreUnavailable("Redis cannot be read: Connection refused", null);
            }
            return new Stored(new ControlsReading.Known(TradingSwitch.initial(), killSwitch, CircuitBreaker.initial(),
                    clock.instant()), Map.of());
        }

        public boolean compareAndSet(io.tradepilot.controls.Control c, String e, Object n,
                                     io.tradepilot.controls.ControlChanged ch) {
            throw new UnsupportedOperationException();
        }

        public List<io.tradepilot.controls.ControlChanged> history(io.tradepilot.controls.Control c, int l) {
            return List.of();
        }
    };

    private final ControlStateCache cache = new ControlStateCache(store, clock, Duration.ofSeconds(3));

    @Test
    void before_the_first_read_the_state_is_unknown() {
        assertThat(cache.get()).isInstanceOf(ControlsReading.Unknown.class);
    }

    @Test
    void a_refresh_picks_up_the_stored_state() {
        cache.refresh();
        killSwitch = new KillSwitch(KillSwitchState.ENGAGED, Optional.empty());
        assertThat(((ControlsReading.Known) cache.get()).killSwitch().engaged()).isFalse();

        cache.refresh();

        assertThat(((ControlsReading.Known) cache.get()).killSwitch().engaged()).isTrue();
    }

    @Test
    void a_failed_refresh_makes_the_state_unknown_at_once() {
        cache.refresh();
        down = true;

        cache.refresh();

        assertThat(cache.get()).isInstanceOfSatisfying(ControlsReading.Unknown.class,
                u -> assertThat(u.cause()).contains("Connection refused"));
    }

    @Test
    void a_state_not_refreshed_for_longer_than_the_maximum_age_is_unknown() {
        cache.refresh();
        now = now.plusSeconds(3);
        assertThat(cache.get()).isInstanceOf(ControlsReading.Known.class);

        now = now.plusMillis(1);

        assertThat(cache.get()).isInstanceOfSatisfying(ControlsReading.Unknown.class,
                u -> assertThat(u.cause()).contains("has not been read"));
    }
}
