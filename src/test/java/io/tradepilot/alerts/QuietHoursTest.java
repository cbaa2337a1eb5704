package io.tradepilot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), KOLKATA);

    private static Instant ist(String local) {
        return java.time.LocalDateTime.parse(local).atZone(KOLKATA).toInstant();
    }

    @Test
    void a_span_across_midnight_is_quiet_from_its_start_to_its_end_in_the_zone() {
        assertThat(night.quietAt(ist("2026-03-02T21:59:59"))).isFalse();
        assertThat(night.quietAt(ist("2026-03-02T22:00:00"))).isTrue();
        assertThat(night.quietAt(ist("2026-03-03T03:00:00"))).isTrue();
        assertThat(night.quietAt(ist("2026-03-03T06:59:59"))).isTrue();
        assertThat(night.quietAt(ist("2026-03-03T07:00:00"))).isFalse();
    }

    @Test
    void a_span_within_one_day_is_quiet_only_inside_it() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), KOLKATA);
        assertThat(lunch.quietAt(ist("2026-03-02T12:30:00"))).isTrue();
        assertThat(lunch.quietAt(ist("2026-03-02T13:00:00"))).isFalse();
        assertThat(lunch.quietAt(ist("2026-03-02T23:00:00"))).isFalse();
    }

    @Test
    void a_warning_in_quiet_hours_waits_until_they_end_before_and_after_midnight() {
        assertThat(night.releaseAt(ist("2026-03-02T23:15:00"), Severity.WARNING)).isEqualTo(ist("2026-03-03T07:00:00"));
        assertThat(night.releaseAt(ist("2026-03-03T02:00:00"), Severity.INFO)).isEqualTo(ist("2026-03-03T07:00:00"));
    }

    @Test
    void a_critical_alert_ignores_quiet_hours_and_an_alert_outside_them_goes_at_once() {
        Instant midnight = ist("2026-03-03T00:00:00");
        assertThat(night.releaseAt(midnight, Severity.CRITICAL)).isEqualTo(midnight);
        Instant noon = ist("2026-03-03T12:00:00");
        assertThat(night.releaseAt(noon, Severity.INFO)).isEqualTo(noon);
    }

    @Test
    void equal_times_mean_no_quiet_hours() {
        QuietHours none = QuietHours.none(KOLKATA);
        assertThat(none.off()).isTrue();
        assertThat(none.quietAt(ist("2026-03-03T00:00:00"))).isFalse();
        assertThat(none.releaseAt(ist("2026-03-03T00:00:00"), Severity.INFO)).isEqualTo(ist("2026-03-03T00:00:00"));
    }
}
