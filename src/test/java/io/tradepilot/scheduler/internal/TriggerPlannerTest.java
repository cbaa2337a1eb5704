package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.SquareOffRule;
import io.tradepilot.scheduler.internal.JobSpec.Daily;
import io.tradepilot.scheduler.internal.JobSpec.Misfire;
import io.tradepilot.scheduler.internal.TriggerPlanner.PlannedTrigger;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerUtils;
import org.quartz.spi.OperableTrigger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** Next fire times of the planned triggers across real holidays, early closes and a DST change. */
class TriggerPlannerTest {

    private static final ExchangeCalendar NSE = ExchangeCalendar.nse();
    private static final ExchangeCalendar NYSE = ExchangeCalendar.nyse();

    private static JobSpec daily(String exchange, SessionTime time) {
        return new JobSpec("job", "task", exchange, "test", new Daily(time), Misfire.FIRE_ONCE_NOW);
    }

    /** The first {@code n} fire times of a planned trigger from {@code from}, in the exchange zone. */
    private static List<ZonedDateTime> fires(PlannedTrigger p, ExchangeCalendar calendar, String from, int n) {
        OperableTrigger t = (OperableTrigger) TriggerBuilder.newTrigger()
                .withSchedule(CronScheduleBuilder.cronSchedule(p.cron()).inTimeZone(TimeZone.getTimeZone(calendar.zone())))
                .startAt(Date.from(Instant.parse(from))).build();
        List<Date> dates = TriggerUtils.computeFireTimes(t, p.calendar(), n);
        return dates.stream().map(d -> d.toInstant().atZone(calendar.zone())).toList();
    }

    private static ZonedDateTime ist(String local) {
        return ZonedDateTime.parse(local + "+05:30[Asia/Kolkata]");
    }

    @Test
    void nse_square_off_fires_at_15_25_ist_and_skips_the_diwali_holidays() {
        List<PlannedTrigger> plan = TriggerPlanner.plan(daily("NSE", new SessionTime.SquareOff(SquareOffRule.nseDefault())), NSE,
                LocalDate.of(2025, 10, 1));
        assertThat(plan).extracting(PlannedTrigger::id).containsExactly("regular"); // NSE has no early closes
        assertThat(fires(plan.getFirst(), NSE, "2025-10-17T00:00:00Z", 4)).containsExactly(
                ist("2025-10-17T15:25"), ist("2025-10-20T15:25"), ist("2025-10-23T15:25"), ist("2025-10-24T15:25"));
    }

    @Test
    void nse_2026_diwali_and_guru_nanak_jayanti_are_skipped() {
        PlannedTrigger p = TriggerPlanner.plan(daily("NSE", new SessionTime.Fixed(LocalTime.of(15, 40))), NSE, LocalDate.of(2026, 11, 1)).getFirst();
        assertThat(fires(p, NSE, "2026-11-06T00:00:00Z", 4)).containsExactly(
                ist("2026-11-06T15:40"), ist("2026-11-09T15:40"), ist("2026-11-11T15:40"), ist("2026-11-12T15:40"));
        assertThat(fires(p, NSE, "2026-11-23T00:00:00Z", 2)).containsExactly(ist("2026-11-23T15:40"), ist("2026-11-25T15:40"));
    }

    @Test
    void nyse_square_off_skips_thanksgiving_and_moves_to_12_55_on_the_early_close_after_it() {
        List<PlannedTrigger> plan = TriggerPlanner.plan(
                daily("NYSE", new SessionTime.SquareOff(new SquareOffRule(LocalTime.of(15, 55), Duration.ofMinutes(5)))), NYSE,
                LocalDate.of(2025, 11, 1));
        assertThat(plan).extracting(PlannedTrigger::id).containsExactly("regular", "early-1300");
        assertThat(fires(plan.get(0), NYSE, "2025-11-25T00:00:00Z", 3)).containsExactly(
                ZonedDateTime.parse("2025-11-25T15:55-05:00[America/New_York]"),
                ZonedDateTime.parse("2025-11-26T15:55-05:00[America/New_York]"),
                ZonedDateTime.parse("2025-12-01T15:55-05:00[America/New_York]"));
        assertThat(fires(plan.get(1), NYSE, "2025-11-25T00:00:00Z", 2)).containsExactly(
                ZonedDateTime.parse("2025-11-28T12:55-05:00[America/New_York]"),
                ZonedDateTime.parse("2025-12-24T12:55-05:00[America/New_York]"));
    }

    @Test
    void the_nyse_report_after_the_close_keeps_new_york_time_across_the_dst_change() {
        PlannedTrigger regular = TriggerPlanner.plan(daily("NYSE", new SessionTime.AfterClose(Duration.ofMinutes(15))), NYSE,
                LocalDate.of(2026, 3, 1)).getFirst();
        List<ZonedDateTime> f = fires(regular, NYSE, "2026-03-06T00:00:00Z", 2);
        assertThat(f).containsExactly(ZonedDateTime.parse("2026-03-06T16:15-05:00[America/New_York]"),
                ZonedDateTime.parse("2026-03-09T16:15-04:00[America/New_York]"));
        assertThat(f.get(0).toInstant()).isEqualTo(Instant.parse("2026-03-06T21:15:00Z"));
        assertThat(f.get(1).toInstant()).isEqualTo(Instant.parse("2026-03-09T20:15:00Z"));
    }

    @Test
    void the_hourly_tracker_runs_during_the_session_and_not_on_a_holiday() {
        PlannedTrigger p = TriggerPlanner.plan(new JobSpec("t", "t", "NSE", "", new JobSpec.Hourly(), Misfire.SKIP), NSE,
                LocalDate.of(2025, 10, 1)).getFirst();
        assertThat(p.cron()).isEqualTo("0 15 10-15 ? * MON-FRI");
        assertThat(fires(p, NSE, "2025-10-20T00:00:00Z", 7)).containsExactly(
                ist("2025-10-20T10:15"), ist("2025-10-20T11:15"), ist("2025-10-20T12:15"), ist("2025-10-20T13:15"),
                ist("2025-10-20T14:15"), ist("2025-10-20T15:15"), ist("2025-10-23T10:15"));
        PlannedTrigger ny = TriggerPlanner.plan(new JobSpec("t", "t", "NYSE", "", new JobSpec.Hourly(), Misfire.SKIP), NYSE,
                LocalDate.of(2025, 10, 1)).getFirst();
        assertThat(ny.cron()).isEqualTo("0 30 10-15 ? * MON-FRI");
    }
}
