package io.tradepilot.engine.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDaysTest {

    private static void agreesWithJavaTime(String zone, Instant from, long stepMillis, int steps) {
        LocalDays days = new LocalDays(ZoneId.of(zone));
        for (int i = 0; i < steps; i++) {
            long t = from.toEpochMilli() + i * stepMillis;
            assertThat(days.epochDay(t)).as("%s at %s", zone, Instant.ofEpochMilli(t))
                    .isEqualTo(Instant.ofEpochMilli(t).atZone(ZoneId.of(zone)).toLocalDate().toEpochDay());
        }
    }

    @Test
    void days_match_java_time_across_dst_changes_and_midnights() {
        agreesWithJavaTime("America/New_York", Instant.parse("2024-03-08T00:00:00Z"), 17 * 60_000L, 2_000);
        agreesWithJavaTime("America/New_York", Instant.parse("2024-11-01T00:00:00Z"), 17 * 60_000L, 2_000);
        agreesWithJavaTime("Asia/Kolkata", Instant.parse("1999-12-30T00:00:00Z"), 3_600_000L, 500);
        agreesWithJavaTime("UTC", Instant.parse("1970-01-01T00:00:00Z"), -3_600_000L, 100);
    }

    @Test
    void going_back_in_time_recomputes_the_offset() {
        LocalDays days = new LocalDays(ZoneId.of("Europe/London"));
        long summer = Instant.parse("2024-07-01T23:30:00Z").toEpochMilli(); // 00:30 on 2 July locally
        long winter = Instant.parse("2024-01-01T23:30:00Z").toEpochMilli(); // 23:30 on 1 January locally
        assertThat(days.epochDay(summer)).isEqualTo(java.time.LocalDate.of(2024, 7, 2).toEpochDay());
        assertThat(days.epochDay(winter)).isEqualTo(java.time.LocalDate.of(2024, 1, 1).toEpochDay());
    }
}
