package io.tradepilot.runbook.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.InMemoryControlStore;
import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TripReason;
import io.tradepilot.controls.internal.ControlAuthorization;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** LIVE trading in a session whose pre-flight nobody completed trips the breaker; nothing else does. */
class LiveWithoutPreflightWatchTest {

    // Monday 2026-12-07: NSE is open 09:15-15:30 IST = 03:45-10:00 UTC
    private static final Instant IN_SESSION = Instant.parse("2026-12-07T05:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-12-07T14:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private final List<AuditEntry> audit = new ArrayList<>();
    private final Set<LocalDate> completed = new HashSet<>();
    private TradingMode mode = TradingMode.LIVE;
    private ControlService controls;

    private LiveWithoutPreflightWatch watchAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        controls = new ControlService(new InMemoryControlStore(clock), new ControlAuthorization(audit::add), audit::add,
                ControlRules.defaults(), clock);
        return new LiveWithoutPreflightWatch(() -> mode, completed::contains, controls, ExchangeCalendar.of("NSE"), clock,
                Duration.ofSeconds(30));
    }

    private ControlsReading.Known controlsNow() {
        return (ControlsReading.Known) controls.read();
    }

    @Test
    void live_in_a_session_without_its_preflight_trips_the_breaker_once_as_the_system() {
        LiveWithoutPreflightWatch watch = watchAt(IN_SESSION);

        assertThat(watch.check()).hasValueSatisfying(d -> assertThat(d).contains("2026-12-07 session without its pre-flight"));
        assertThat(controlsNow().circuitBreaker().tripReason()).contains(TripReason.PREFLIGHT_NOT_COMPLETE);
        assertThat(audit).singleElement().satisfies(a -> assertThat(a.username()).isEqualTo(ControlService.SYSTEM_USER));

        assertThat(watch.check()).as("already tripped: no second attempt, no FAILED audit record").isEmpty();
        assertThat(audit).hasSize(1);
    }

    @Test
    void a_completed_preflight_paper_mode_or_a_closed_market_leave_the_breaker_alone() {
        completed.add(DAY);
        assertThat(watchAt(IN_SESSION).check()).isEmpty();
        completed.clear();
        mode = TradingMode.PAPER;
        assertThat(watchAt(IN_SESSION).check()).isEmpty();
        mode = TradingMode.LIVE;
        assertThat(watchAt(EVENING).check()).as("after the close the next day's pre-flight is not due yet").isEmpty();
        assertThat(controlsNow().circuitBreaker().tripped()).isFalse();
        assertThat(audit).isEmpty();
    }

    @Test
    void an_unreadable_preflight_counts_as_not_complete() {
        Clock clock = Clock.fixed(IN_SESSION, ZoneOffset.UTC);
        controls = new ControlService(new InMemoryControlStore(clock), new ControlAuthorization(audit::add), audit::add,
                ControlRules.defaults(), clock);
        var watch = new LiveWithoutPreflightWatch(() -> TradingMode.LIVE, day -> { throw new IllegalStateException("db down"); },
                controls, ExchangeCalendar.of("NSE"), clock, Duration.ofSeconds(30));

        assertThat(watch.check()).isPresent();
        assertThat(controlsNow().circuitBreaker().tripReason()).contains(TripReason.PREFLIGHT_NOT_COMPLETE);
    }
}
