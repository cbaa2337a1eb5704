package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.scheduler.internal.JobSpec.Misfire;
import io.tradepilot.scheduler.internal.TriggerPlanner.PlannedTrigger;
import io.tradepilot.trading.TradingQueries;
import org.quartz.Calendar;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Registers the jobs in Quartz's job store and runs the scheduler on the right instance.
 *
 * <p>Contracts:
 * <ul>
 *   <li>Registration is idempotent and keeps what the store knows: a trigger whose definition (cron,
 *       zone, calendar, misfire instruction) is unchanged is left as stored, so a run missed while no
 *       scheduler ran is still seen as a misfire at the next start; a changed one is rescheduled; triggers
 *       and jobs no longer planned are removed. A calendar is replaced only when its exchange data changed.</li>
 *   <li>Multi-instance: every instance registers, but the scheduler runs (Quartz {@code start}) only on
 *       the instance that runs the engine ({@code run-on: leader}, checked every {@code leader-check});
 *       elsewhere it stays in standby. A leader that loses the engine puts its scheduler in standby. The
 *       job store is clustered as well, so even two schedulers running at once (a failover overlap, or
 *       {@code run-on: always}) fire each trigger once.</li>
 *   <li>Triggers fire in the exchange's time zone on its trading days only ({@link TriggerPlanner},
 *       {@link TradingDaysCalendar}).</li>
 * </ul>
 */
public final class SchedulerHost implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerHost.class);
    /** The group of every job and trigger this application registers. */
    static final String GROUP = "tradepilot";

    private final Scheduler scheduler;
    private final List<JobSpec> jobs;
    private final SchedulerProperties properties;
    private final TradingQueries trading;
    private final Clock clock;
    private ScheduledExecutorService checker;
    private volatile boolean running;

    public SchedulerHost(Scheduler scheduler, List<JobSpec> jobs, SchedulerProperties properties, TradingQueries trading, Clock clock) {
        this.scheduler = scheduler;
        this.jobs = List.copyOf(jobs);
        this.properties = properties;
        this.trading = trading;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) return;
        running = true;
        if (!properties.enabled()) {
            log.info("The scheduler is disabled on this instance (tradepilot.scheduler.enabled=false): no job runs here");
            return;
        }
        try {
            register();
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not register the scheduled jobs", e);
        }
        checker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("scheduler-leader-check").daemon().factory());
        long every = properties.leaderCheck().toMillis();
        checker.scheduleWithFixedDelay(this::follow, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) return;
        running = false;
        if (checker != null) checker.shutdownNow();
        try {
            if (scheduler.isStarted() && !scheduler.isInStandbyMode()) scheduler.standby();
        } catch (SchedulerException e) {
            log.warn("Could not put the scheduler in standby: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the engine host (default phase) and stops after it; the leadership check follows the
     * host's role either way, and a job finding the engine stopping records itself as skipped.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    /** True when the scheduler fires triggers on this instance. */
    public boolean active() throws SchedulerException {
        return scheduler.isStarted() && !scheduler.isInStandbyMode();
    }

    /** Starts or pauses this instance's scheduler to follow the engine's leadership (or always runs it). */
    synchronized void follow() {
        if (!running) return;
        try {
            boolean shouldRun = properties.runOn() == SchedulerProperties.RunOn.ALWAYS || "LEADER".equals(trading.status().role());
            boolean isRunning = active();
            if (shouldRun && !isRunning) {
                scheduler.start();
                log.info("Scheduler started on this instance ({}): jobs fire here", properties.runOn() == SchedulerProperties.RunOn.ALWAYS
                        ? "run-on: always" : "it runs the engine");
            } else if (!shouldRun && isRunning) {
                scheduler.standby();
                log.info("Scheduler in standby: this instance no longer runs the engine");
            }
        } catch (SchedulerException | RuntimeException e) {
            log.warn("Scheduler leadership check failed: {}", e.toString());
        }
    }

    /** Brings the job store in line with {@link #jobs}; see the class contract. */
    void register() throws SchedulerException {
        Set<JobKey> wanted = new HashSet<>();
        for (JobSpec spec : jobs) {
            ExchangeCalendar calendar = ExchangeCalendar.of(spec.exchange());
            LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
            if (!calendar.covers(today)) {
                log.warn("The {} calendar file does not cover {}: holidays are unknown, every weekday counts as a trading day. "
                        + "Add this year's dates to calendars/{}.csv", calendar.exchange(), today.getYear(), calendar.exchange());
            }
            JobKey key = JobKey.jobKey(spec.name(), GROUP);
            wanted.add(key);
            JobDetail detail = JobBuilder.newJob(TaskJob.class).withIdentity(key).withDescription(spec.description())
                    .usingJobData(TaskJob.TASK, spec.task()).usingJobData(TaskJob.EXCHANGE, spec.exchange())
                    .storeDurably().requestRecovery(false).build();
            scheduler.addJob(detail, true);
            Set<TriggerKey> planned = new HashSet<>();
            for (PlannedTrigger p : TriggerPlanner.plan(spec, calendar, today)) {
                ensureCalendar(p.calendarName(), p.calendar());
                Trigger trigger = trigger(spec, key, p, calendar);
                planned.add(trigger.getKey());
                ensureTrigger(trigger);
            }
            for (Trigger existing : scheduler.getTriggersOfJob(key)) {
                if (!planned.contains(existing.getKey())) {
                    scheduler.unscheduleJob(existing.getKey());
                    log.info("Removed trigger {} of job {}: no longer planned", existing.getKey().getName(), spec.name());
                }
            }
        }
        for (JobKey existing : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(existing)) {
                scheduler.deleteJob(existing);
                log.info("Removed job {}: no longer configured", existing.getName());
            }
        }
    }

    /** The Quartz trigger of one planned trigger: cron in the exchange zone, its calendar, the job's misfire instruction. */
    static Trigger trigger(JobSpec spec, JobKey job, PlannedTrigger p, ExchangeCalendar calendar) {
        CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(p.cron()).inTimeZone(TimeZone.getTimeZone(calendar.zone()));
        schedule = spec.misfire() == Misfire.FIRE_ONCE_NOW ? schedule.withMisfireHandlingInstructionFireAndProceed()
                : schedule.withMisfireHandlingInstructionDoNothing();
        return TriggerBuilder.newTrigger().withIdentity(spec.name() + "." + p.id(), GROUP).forJob(job)
                .withDescription(spec.name() + " " + p.cron() + " " + calendar.zone().getId() + " on " + p.calendar().getDescription())
                .usingJobData(TaskJob.EXCHANGE, spec.exchange())
                .modifiedByCalendar(p.calendarName()).withSchedule(schedule).build();
    }

    private void ensureCalendar(String name, TradingDaysCalendar wanted) throws SchedulerException {
        Calendar stored = scheduler.getCalendar(name);
        if (wanted.equals(stored)) return;
        // updateTriggers: triggers using it get their next fire time recomputed against the new days
        scheduler.addCalendar(name, wanted, true, true);
        log.info("{} calendar {}: {}", stored == null ? "Registered" : "Updated", name, wanted.fingerprint());
    }

    private void ensureTrigger(Trigger wanted) throws SchedulerException {
        Trigger stored = scheduler.getTrigger(wanted.getKey());
        if (stored == null) {
            try {
                scheduler.scheduleJob(wanted);
                log.info("Scheduled {}: next {}", wanted.getDescription(), scheduler.getTrigger(wanted.getKey()).getNextFireTime());
            } catch (ObjectAlreadyExistsException raced) {
                log.debug("Trigger {} registered by another instance meanwhile", wanted.getKey());
            }
            return;
        }
        if (sameDefinition(stored, wanted)) return;
        scheduler.rescheduleJob(wanted.getKey(), wanted);
        log.info("Rescheduled {} (its definition changed)", wanted.getDescription());
    }

    static boolean sameDefinition(Trigger a, Trigger b) {
        return a instanceof CronTrigger ca && b instanceof CronTrigger cb
                && ca.getCronExpression().equals(cb.getCronExpression())
                && ca.getTimeZone().getID().equals(cb.getTimeZone().getID())
                && Objects.equals(ca.getCalendarName(), cb.getCalendarName())
                && ca.getMisfireInstruction() == cb.getMisfireInstruction()
                && ca.getJobKey().equals(cb.getJobKey());
    }

    /** A Quartz cron misfire instruction in words. */
    static String describeMisfire(int instruction) {
        return switch (instruction) {
            case CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW -> "FIRE_ONCE_NOW: " + Misfire.FIRE_ONCE_NOW.words();
            case CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING -> "DO_NOTHING: " + Misfire.SKIP.words();
            default -> "Quartz instruction " + instruction;
        };
    }
}
