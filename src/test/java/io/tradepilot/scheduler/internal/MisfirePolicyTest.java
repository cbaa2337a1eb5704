package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.SquareOffRule;
import io.tradepilot.scheduler.internal.JobSpec.Misfire;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.spi.OperableTrigger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each job's misfire instruction does to a trigger that missed its fire time, as Quartz's job
 * store applies it at the next start ({@code updateAfterMisfire}). Quartz reads the system clock here.
 */
class MisfirePolicyTest {

    private static final ExchangeCalendar NSE = ExchangeCalendar.nse();

    /** The job's first planned trigger, started 30 days ago so that its first fire time has passed. */
    private static OperableTrigger missed(JobSpec spec) {
        var planned = TriggerPlanner.plan(spec, NSE, LocalDate.now(NSE.zone())).getFirst();
        OperableTrigger t = (OperableTrigger) SchedulerHost.trigger(spec, JobKey.jobKey(spec.name()), planned, NSE);
        t.setStartTime(Date.from(Instant.now().minus(Duration.ofDays(30))));
        t.computeFirstFireTime(planned.calendar());
        assertThat(t.getNextFireTime().toInstant()).isBefore(Instant.now().minus(Duration.ofDays(20)));
        return t;
    }

    @Test
    void fire_once_now_runs_at_once_then_keeps_the_schedule() {
        JobSpec spec = new JobSpec("square-off-NSE", "square-off", "NSE", "", new JobSpec.Daily(new SessionTime.SquareOff(SquareOffRule.nseDefault())),
                Misfire.FIRE_ONCE_NOW);
        OperableTrigger t = missed(spec);
        assertThat(t.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        Instant before = Instant.now();
        t.updateAfterMisfire(new TradingDaysCalendar(NSE, TradingDaysCalendar.Days.REGULAR_CLOSE, null));
        assertThat(t.getNextFireTime().toInstant()).isBetween(before.minusMillis(1), Instant.now().plusMillis(1));
    }

    @Test
    void skip_drops_the_missed_runs_and_waits_for_the_next_trading_hour() {
        JobSpec spec = new JobSpec("position-tracker-NSE", "position-tracker", "NSE", "", new JobSpec.Hourly(), Misfire.SKIP);
        OperableTrigger t = missed(spec);
        assertThat(t.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        Instant before = Instant.now();
        t.updateAfterMisfire(new TradingDaysCalendar(NSE, TradingDaysCalendar.Days.ALL, null));
        Instant next = t.getNextFireTime().toInstant();
        assertThat(next).isAfter(before);
        assertThat(NSE.isOpen(next)).as("inside a session: " + next).isTrue();
        assertThat(next.atZone(NSE.zone()).getMinute()).isEqualTo(15);
    }

    @Test
    void misfire_instructions_are_described_for_the_log_and_the_job_list() {
        assertThat(SchedulerHost.describeMisfire(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW)).startsWith("FIRE_ONCE_NOW");
        assertThat(SchedulerHost.describeMisfire(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING)).startsWith("DO_NOTHING");
    }
}
