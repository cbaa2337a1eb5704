package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.SquareOffRule;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.StrategyDay;
import io.tradepilot.trading.TradingQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration and leader-only running, on Quartz's in-memory store (the JDBC store is covered by SchedulerIT). */
class SchedulerHostTest {

    private final Scheduler scheduler = memoryScheduler();
    private String role = "STANDBY";
    private final Clock clock = Clock.fixed(Instant.parse("2025-10-20T04:00:00Z"), ZoneOffset.UTC);

    private static Scheduler memoryScheduler() {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "host-test-" + System.nanoTime());
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        try {
            return new StdSchedulerFactory(p).getScheduler();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void shutdown() throws Exception {
        scheduler.shutdown(false);
    }

    private SchedulerProperties properties(SchedulerProperties.RunOn runOn, Path scans) {
        return new SchedulerProperties(true, runOn, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(10),
                new SchedulerProperties.EodReport(Duration.ofMinutes(15)),
                new SchedulerProperties.Scans(scans, "NSE", List.of(java.time.LocalTime.of(9, 25), java.time.LocalTime.of(15, 10)), new BigDecimal("400000"), new BigDecimal("1.5"),
                        new BigDecimal("6"), false, false, List.of(java.time.LocalTime.of(15, 20)), Duration.ofSeconds(2), true),
                new SchedulerProperties.Tracker(SchedulerProperties.TrackerAction.ACT, SchedulerProperties.TrackerAction.ALERT));
    }

    private SchedulerHost host(SchedulerProperties properties, List<JobSpec> jobs) {
        return new SchedulerHost(scheduler, jobs, properties, trading(), clock);
    }

    private static List<JobSpec> jobs(SchedulerProperties properties, SquareOffRule rule) {
        return SchedulerConfiguration.jobs(properties, new FixedSquareOff("NSE", rule));
    }

    @Test
    void the_scheduler_runs_only_while_this_instance_runs_the_engine() throws Exception {
        SchedulerProperties props = properties(SchedulerProperties.RunOn.LEADER, null);
        SchedulerHost host = host(props, jobs(props, SquareOffRule.nseDefault()));
        host.start();
        host.follow();
        assertThat(host.active()).as("standby instance").isFalse();
        role = "LEADER";
        host.follow();
        assertThat(host.active()).as("leader").isTrue();
        role = "STANDBY";
        host.follow();
        assertThat(host.active()).as("lost the engine").isFalse();
        host.stop();
    }

    @Test
    void run_on_always_runs_the_scheduler_without_the_engine() throws Exception {
        SchedulerProperties props = properties(SchedulerProperties.RunOn.ALWAYS, null);
        SchedulerHost host = host(props, jobs(props, SquareOffRule.nseDefault()));
        host.start();
        host.follow();
        assertThat(host.active()).isTrue();
        host.stop();
        assertThat(host.active()).as("stopped: standby").isFalse();
    }

    @Test
    void registers_the_configured_jobs_and_the_scan_only_with_a_folder() throws Exception {
        SchedulerProperties props = properties(SchedulerProperties.RunOn.LEADER, null);
        host(props, jobs(props, SquareOffRule.nseDefault())).register();
        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SchedulerHost.GROUP))).extracting(JobKey::getName)
                .containsExactlyInAnyOrder("square-off-NSE", "eod-report-NSE", "position-tracker-NSE");
        SchedulerProperties withScans = properties(SchedulerProperties.RunOn.LEADER, Path.of("data"));
        host(withScans, jobs(withScans, SquareOffRule.nseDefault())).register();
        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SchedulerHost.GROUP))).extracting(JobKey::getName)
                .contains("scan-3wi-NSE-0925", "scan-3wi-NSE-1510");
        host(props, jobs(props, SquareOffRule.nseDefault())).register();
        assertThat(scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SchedulerHost.GROUP))).extracting(JobKey::getName)
                .as("a job no longer configured is removed").doesNotContain("scan-3wi-NSE-0925", "scan-3wi-NSE-1510");
    }

    @Test
    void an_unchanged_trigger_is_kept_and_a_changed_one_is_rescheduled() throws Exception {
        SchedulerProperties props = properties(SchedulerProperties.RunOn.LEADER, null);
        host(props, jobs(props, SquareOffRule.nseDefault())).register();
        TriggerKey key = TriggerKey.triggerKey("square-off-NSE.regular", SchedulerHost.GROUP);
        Trigger first = scheduler.getTrigger(key);
        host(props, jobs(props, SquareOffRule.nseDefault())).register();
        assertThat(scheduler.getTrigger(key).getStartTime()).as("kept").isEqualTo(first.getStartTime());

        host(props, jobs(props, new SquareOffRule(LocalTime.of(15, 10), Duration.ofMinutes(5)))).register();
        assertThat(((CronTrigger) scheduler.getTrigger(key)).getCronExpression()).isEqualTo("0 10 15 ? * MON-FRI");
    }

    /** The engine's exchange and square-off rule, as the trading module reports them. */
    private record FixedSquareOff(String exchange, SquareOffRule rule) implements io.tradepilot.trading.IntradaySquareOff {
        public java.util.Set<String> intradaySymbols() { return java.util.Set.of(); }
        public io.tradepilot.trading.SquareOffResult squareOffNow(String reason) { throw new AssertionError("not in this test"); }
    }

    private TradingQueries trading() {
        return new TradingQueries() {
            public List<LedgerPosition> openPositions() { return List.of(); }
            public List<LedgerOrder> orders(boolean workingOnly, int limit) { return List.of(); }
            public List<EquityPoint> equity(int limit) { return List.of(); }
            public List<io.tradepilot.trading.OrderFill> fills(String orderId) { return List.of(); }
            public Optional<EquityPoint> equityAt(Instant at) { return Optional.empty(); }
            public List<StrategyDay> strategyDays(LocalDate from, LocalDate to) { return List.of(); }
            public Optional<LivePortfolio> livePortfolio() { return Optional.empty(); }
            public EngineStatus status() { return new EngineStatus(role, null, null, 0); }
        };
    }
}
