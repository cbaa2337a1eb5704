package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.SquareOffRule;
import io.tradepilot.scheduler.JobRun;
import io.tradepilot.scheduler.JobStatus;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.testing.IntegrationTestSupport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import static io.tradepilot.testing.Eventually.eventually;
import static io.tradepilot.db.Tables.JOB_RUN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler on real PostgreSQL: jobs registered in Quartz's JDBC store with their exchange-calendar
 * fire times, runs recorded, misfires handled per policy and logged, the REST read API. Trading is
 * disabled here, so this instance is not the engine leader and its scheduler stays in standby until a
 * test starts it (the host's leadership following is stopped first, so that it does not put the
 * scheduler back in standby): exactly "no scheduler was running" for the misfire test. Quartz reads the system
 * clock, so fire times are compared with the system clock here.
 */
@TestPropertySource(properties = {"tradepilot.scheduler.enabled=true",
        "tradepilot.scheduler.scans.folder=src/test/resources/marketdata/benchdir",
        "tradepilot.scheduler.leader-check=200ms"})
@DirtiesContext
class SchedulerIT extends IntegrationTestSupport {

    private static final String IT_GROUP = "scheduler-it";

    @Autowired Scheduler scheduler;
    @Autowired SchedulerQueries queries;
    @Autowired SchedulerHost host;
    @Autowired DSLContext db;

    @BeforeEach
    void standbyAndNoRuns() throws Exception {
        host.stop(); // no leadership following: the tests start and pause the scheduler themselves
        if (scheduler.isStarted() && !scheduler.isInStandbyMode()) scheduler.standby();
        db.execute("TRUNCATE job_run, eod_report, scan_result, position_check");
        for (JobKey k : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(IT_GROUP))) scheduler.deleteJob(k);
    }

    @AfterEach
    void backToStandby() throws Exception {
        if (scheduler.isStarted() && !scheduler.isInStandbyMode()) scheduler.standby();
        for (JobKey k : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(IT_GROUP))) scheduler.deleteJob(k);
    }

    @Test
    void the_jobs_are_in_the_jdbc_store_with_exchange_calendar_fire_times_and_served_to_any_role() throws Exception {
        // a fresh registration (on external servers the store may hold triggers registered on an earlier day)
        scheduler.deleteJobs(List.copyOf(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SchedulerHost.GROUP))));
        host.register();
        assertThat(host.active()).as("not the engine leader: standby").isFalse();
        List<String> names = queries.jobs().stream().map(JobStatus::name).toList();
        assertThat(names).containsExactly("eod-report-NSE", "near-breakout-3wi-NSE-1520", "position-tracker-NSE", "scan-3wi-NSE-0925",
                "scan-3wi-NSE-1510", "square-off-NSE");
        assertThat(db.fetchCount(db.selectFrom("qrtz_triggers").where("job_name = 'square-off-NSE'"))).as("rows in qrtz_triggers").isEqualTo(1);

        ExchangeCalendar nse = ExchangeCalendar.nse();
        Instant now = Instant.now();
        JobStatus squareOff = queries.jobs().stream().filter(j -> j.name().equals("square-off-NSE")).findFirst().orElseThrow();
        assertThat(squareOff.exchange()).isEqualTo("NSE");
        assertThat(squareOff.misfirePolicy()).startsWith("FIRE_ONCE_NOW");
        assertThat(squareOff.nextFireTime()).isEqualTo(nextCutOff(nse, SquareOffRule.nseDefault(), now));
        CronTrigger t = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("square-off-NSE.regular", SchedulerHost.GROUP));
        assertThat(t.getTimeZone().getID()).isEqualTo("Asia/Kolkata");
        assertThat(t.getCronExpression()).isEqualTo("0 25 15 ? * MON-FRI");
        assertThat(t.getCalendarName()).isEqualTo("NSE-regular-close-days");
        JobStatus tracker = queries.jobs().stream().filter(j -> j.name().equals("position-tracker-NSE")).findFirst().orElseThrow();
        assertThat(tracker.misfirePolicy()).startsWith("DO_NOTHING");
        assertThat(tracker.nextFireTime().atZone(nse.zone()).getMinute()).isEqualTo(15);
        assertThat(nse.isTradingDay(tracker.nextFireTime().atZone(nse.zone()).toLocalDate())).isTrue();
        JobStatus near = queries.jobs().stream().filter(j -> j.name().equals("near-breakout-3wi-NSE-1520")).findFirst().orElseThrow();
        assertThat(near.misfirePolicy()).startsWith("DO_NOTHING");
        assertThat(near.nextFireTime().atZone(nse.zone()).toLocalTime()).isEqualTo(java.time.LocalTime.of(15, 20));
        assertThat(nse.isTradingDay(near.nextFireTime().atZone(nse.zone()).toLocalDate())).isTrue();

        var response = api(users.apiToken(users.viewer())).get("/api/v1/jobs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"square-off-NSE\"", "\"exchange\":\"NSE\"", "\"nextFireTime\":\"" + squareOff.nextFireTime());
        assertThat(api().get("/api/v1/jobs").statusCode()).isEqualTo(401);
    }

    @Test
    void the_trackers_findings_are_read_back_newest_first_once_per_hour_symbol_and_rule(@Autowired SchedulerStore store) {
        Instant hour = Instant.parse("2026-12-04T04:45:00Z");
        assertThat(store.savePositionCheck(hour, "TCS", "caution", new java.math.BigDecimal("10"), new java.math.BigDecimal("4000"),
                new java.math.BigDecimal("3870"), new java.math.BigDecimal("-0.0325"), hour.plusSeconds(60))).isTrue();
        assertThat(store.savePositionCheck(hour, "TCS", "caution", java.math.BigDecimal.ONE, java.math.BigDecimal.ONE,
                java.math.BigDecimal.ONE, java.math.BigDecimal.ONE, hour.plusSeconds(70))).as("the same hour again").isFalse();
        store.savePositionCheck(hour.plusSeconds(3600), "INFY", "exit", new java.math.BigDecimal("-5"), new java.math.BigDecimal("1500"),
                new java.math.BigDecimal("1600"), new java.math.BigDecimal("-0.0667"), hour.plusSeconds(3660));

        List<io.tradepilot.scheduler.TrackerFinding> findings = queries.trackerFindings(10);
        assertThat(findings).extracting(io.tradepilot.scheduler.TrackerFinding::symbol).containsExactly("INFY", "TCS");
        assertThat(findings.get(1).move()).isEqualByComparingTo("-0.0325");
        assertThat(queries.trackerFindings(1)).hasSize(1);
    }

    @Test
    void registering_again_keeps_the_stored_triggers_so_a_missed_run_stays_visible() throws Exception {
        Trigger before = scheduler.getTrigger(TriggerKey.triggerKey("eod-report-NSE.regular", SchedulerHost.GROUP));
        host.register();
        Trigger after = scheduler.getTrigger(TriggerKey.triggerKey("eod-report-NSE.regular", SchedulerHost.GROUP));
        assertThat(after.getNextFireTime()).isEqualTo(before.getNextFireTime());
        assertThat(after.getStartTime()).as("not rescheduled").isEqualTo(before.getStartTime());
    }

    @Test
    void a_job_runs_records_its_run_and_the_report_and_scan_are_served() throws Exception {
        scheduler.start();
        scheduler.triggerJob(JobKey.jobKey("eod-report-NSE", SchedulerHost.GROUP));
        scheduler.triggerJob(JobKey.jobKey("scan-3wi-NSE-1510", SchedulerHost.GROUP));
        eventually(Duration.ofSeconds(20), () -> runs("eod-report-NSE").size() == 1 && runs("scan-3wi-NSE-1510").size() == 1, "both runs recorded");
        assertThat(runs("eod-report-NSE").getFirst().outcome()).isEqualTo("SUCCEEDED");
        assertThat(runs("scan-3wi-NSE-1510").getFirst().outcome()).as(runs("scan-3wi-NSE-1510").getFirst().detail()).isEqualTo("SUCCEEDED");
        long scans = db.fetchCount(db.selectFrom("scan_result"));
        // a second run of the same slot on the same day (a misfire's late run, a manual trigger) scans nothing again
        scheduler.triggerJob(JobKey.jobKey("scan-3wi-NSE-1510", SchedulerHost.GROUP));
        eventually(Duration.ofSeconds(20), () -> runs("scan-3wi-NSE-1510").size() == 2, "the second run recorded");
        assertThat(runs("scan-3wi-NSE-1510").getFirst().outcome()).isEqualTo("SKIPPED");
        assertThat(runs("scan-3wi-NSE-1510").getFirst().detail()).startsWith("already scanned: 15:10 slot of ");
        assertThat(db.fetchCount(db.selectFrom("scan_result"))).as("no second scan stored").isEqualTo(scans);

        String token = users.apiToken(users.viewer());
        var reports = api(token).get("/api/v1/reports/eod");
        assertThat(reports.statusCode()).isEqualTo(200);
        LocalDate day = queries.eodReports(1).getFirst().tradingDay();
        assertThat(ExchangeCalendar.nse().isTradingDay(day)).as("reports a trading day").isTrue();
        var one = api(token).get("/api/v1/reports/eod/" + day);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"tradingDay\":\"" + day + "\"", "\"exchange\":\"NSE\"");
        assertThat(api(token).get("/api/v1/reports/eod/2001-01-01").statusCode()).isEqualTo(404);
        assertThat(api(token).get("/api/v1/reports/eod/not-a-date").statusCode()).isEqualTo(400);
        var scan = api(token).get("/api/v1/scans/latest");
        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(scan.body()).contains("\"scanner\":\"3wi\"", "\"symbols\":1");
        var setups = api(token).get("/api/v1/scans/setups");
        assertThat(setups.statusCode()).as("the newest scan's day, for a viewer").isEqualTo(200);
        assertThat(setups.body()).startsWith("[");
        assertThat(api(token).get("/api/v1/scans/setups?date=not-a-date").statusCode()).isEqualTo(400);
        assertThat(api(token).get("/api/v1/scans/near-breakouts?date=2001-01-01").body()).isEqualTo("[]");
        assertThat(api().get("/api/v1/scans/setups").statusCode()).isEqualTo(401);
        var jobs = api(token).get("/api/v1/jobs");
        assertThat(jobs.body()).contains("\"lastOutcome\":\"SUCCEEDED\"");
    }

    @Test
    void a_trigger_missed_while_no_scheduler_ran_is_handled_per_its_misfire_policy_and_recorded() throws Exception {
        // two jobs whose daily fire time passed ten minutes ago, stored while the scheduler is in standby
        ZonedDateTime missed = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES).atZone(ZoneOffset.UTC);
        String cron = "0 " + missed.getMinute() + " " + missed.getHour() + " * * ?";
        Date start = Date.from(missed.toInstant().minus(Duration.ofMinutes(5)));
        for (String name : List.of("it-fire-now", "it-skip")) {
            scheduler.addJob(JobBuilder.newJob(TaskJob.class).withIdentity(name, IT_GROUP).storeDurably()
                    .usingJobData(TaskJob.TASK, EodReportTask.NAME).usingJobData(TaskJob.EXCHANGE, "NSE").build(), true);
            CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone("UTC"));
            schedule = name.equals("it-fire-now") ? schedule.withMisfireHandlingInstructionFireAndProceed()
                    : schedule.withMisfireHandlingInstructionDoNothing();
            scheduler.scheduleJob(TriggerBuilder.newTrigger().withIdentity(name, IT_GROUP).forJob(name, IT_GROUP).startAt(start)
                    .usingJobData(TaskJob.EXCHANGE, "NSE").withSchedule(schedule).build());
            assertThat(scheduler.getTrigger(TriggerKey.triggerKey(name, IT_GROUP)).getNextFireTime().toInstant()).isEqualTo(missed.toInstant());
        }

        scheduler.start();

        eventually(Duration.ofSeconds(30), () -> outcomes("it-fire-now").equals(List.of("MISFIRED", "SUCCEEDED"))
                && outcomes("it-skip").equals(List.of("MISFIRED")), "the misfires handled");
        JobRun misfire = runs("it-fire-now").getLast();
        assertThat(misfire.scheduledAt()).as("the missed time").isEqualTo(missed.toInstant());
        assertThat(misfire.detail()).contains("FIRE_ONCE_NOW");
        assertThat(runs("it-skip").getFirst().detail()).contains("DO_NOTHING");
        Trigger skipped = scheduler.getTrigger(TriggerKey.triggerKey("it-skip", IT_GROUP));
        assertThat(skipped.getNextFireTime().toInstant()).as("skipped to tomorrow's run").isEqualTo(missed.toInstant().plus(Duration.ofDays(1)));
        Trigger fired = scheduler.getTrigger(TriggerKey.triggerKey("it-fire-now", IT_GROUP));
        assertThat(fired.getNextFireTime().toInstant()).isEqualTo(missed.toInstant().plus(Duration.ofDays(1)));
        // and the run list shows them
        assertThat(api(users.apiToken(users.viewer())).get("/api/v1/jobs/runs?limit=10").body()).contains("\"outcome\":\"MISFIRED\"");
    }

    private List<JobRun> runs(String job) {
        return db.selectFrom(JOB_RUN).where(JOB_RUN.JOB.eq(job)).orderBy(JOB_RUN.ID.desc())
                .fetch(r -> new JobRun(r.getId(), r.getJob(), r.getExchange(), r.getScheduledAt(), r.getStartedAt(), r.getFinishedAt(),
                        r.getOutcome(), r.getDetail(), r.getInstance()));
    }

    /** The outcomes of a job's runs, oldest first. */
    private List<String> outcomes(String job) {
        return runs(job).reversed().stream().map(JobRun::outcome).toList();
    }

    private static Instant nextCutOff(ExchangeCalendar calendar, SquareOffRule rule, Instant after) {
        LocalDate d = after.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < 30; i++, d = d.plusDays(1)) {
            var t = rule.cutOff(calendar, d);
            if (t.isPresent() && t.get().toInstant().isAfter(after)) return t.get().toInstant();
        }
        throw new AssertionError("no cut-off within 30 days");
    }

}
