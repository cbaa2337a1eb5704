package io.tradepilot.scheduler.internal;

import io.tradepilot.base.format.Json;
import io.tradepilot.engine.calendar.SquareOffRule;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.trading.IntradaySquareOff;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.StrategyOrders;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Wires the scheduler: Quartz on the application's DataSource with a clustered JDBC job store
 * (PostgreSQL delegate, tables from V4), the jobs, their tasks and the run listener.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
class SchedulerConfiguration {

    @Bean
    SchedulerStore schedulerStore(DSLContext db) {
        return new SchedulerStore(db, Json.mapper());
    }

    @Bean
    SchedulerFactoryBean quartzScheduler(DataSource dataSource, PlatformTransactionManager transactions, SchedulerProperties properties) {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName("tradepilot");
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setAutoStartup(false); // SchedulerHost starts it on the engine's instance only
        factory.setWaitForJobsToCompleteOnShutdown(true);
        Properties q = new Properties();
        q.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        q.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        q.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        q.setProperty("org.quartz.jobStore.isClustered", "true");
        q.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(properties.clusterCheckin().toMillis()));
        q.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(properties.misfireThreshold().toMillis()));
        q.setProperty("org.quartz.threadPool.threadCount", "2");
        factory.setQuartzProperties(q);
        return factory;
    }

    @Bean
    TaskRunner taskRunner(List<ScheduledTask> tasks, SchedulerStore store, Clock clock, Scheduler scheduler) throws SchedulerException {
        return new TaskRunner(tasks, store, clock, scheduler.getSchedulerInstanceId());
    }

    @Bean
    RunListener runListener(SchedulerStore store, Clock clock, Scheduler scheduler) throws SchedulerException {
        return new RunListener(store, clock, scheduler.getSchedulerInstanceId());
    }

    @Bean
    ScheduledTask squareOffTask(IntradaySquareOff squareOff) {
        return new SquareOffTask(squareOff);
    }

    @Bean
    ScheduledTask eodReportTask(TradingQueries trading, SchedulerStore store, Clock clock, SchedulerProperties properties) {
        return new EodReportTask(trading, store, clock, new SessionTime.AfterClose(properties.eodReport().afterClose()));
    }

    @Bean
    SetupTrades setupTrades(SchedulerStore store, StrategyOrders orders, TradingQueries trading, Clock clock) {
        return new SetupTrades(store, orders, trading, clock);
    }

    @Bean
    ScheduledTask positionTrackerTask(TradingQueries trading, SchedulerStore store, Clock clock, SchedulerProperties properties,
                                      SetupTrades trades) {
        return new PositionTrackerTask(trading, store, clock, properties.tracker(), trades);
    }

    @Bean
    ScheduledTask nearBreakoutTask(SchedulerProperties properties, SchedulerStore store, MarketDataQueries marketData, Clock clock) {
        return new NearBreakoutTask(properties.scans(), store, marketData, clock);
    }

    /** The stop and target watch of the entered setups (runs on every instance; acts only where the engine runs). */
    @Bean
    SetupExitWatch setupExitWatch(SchedulerStore store, SetupTrades trades, TradingQueries trading, MarketDataQueries marketData,
                                  SchedulerProperties properties, Clock clock) {
        return new SetupExitWatch(store, trades, trading, marketData, properties.scans().exitWatch(), clock,
                properties.scans().moveStops());
    }

    @Bean
    ScheduledTask scanTask(SchedulerProperties properties, TradingQueries trading, SchedulerStore store, StrategyOrders orders, Clock clock) {
        return new ScanTask(properties.scans(), trading, store, orders, clock);
    }

    /** The jobs: per the engine's exchange the square-off, the report and the tracker; the scan when a folder is configured. */
    static List<JobSpec> jobs(SchedulerProperties properties, IntradaySquareOff squareOff) {
        String ex = squareOff.exchange();
        SquareOffRule rule = squareOff.rule();
        List<JobSpec> jobs = new ArrayList<>();
        jobs.add(new JobSpec("square-off-" + ex, SquareOffTask.NAME, ex,
                "End-of-day square-off of the intraday strategies' positions at " + rule.at() + " (at the latest "
                        + rule.beforeClose().toMinutes() + " min before the close); real-time feed only",
                new JobSpec.Daily(new SessionTime.SquareOff(rule)), JobSpec.Misfire.FIRE_ONCE_NOW));
        jobs.add(new JobSpec("eod-report-" + ex, EodReportTask.NAME, ex,
                "End-of-day report " + properties.eodReport().afterClose().toMinutes() + " min after the close",
                new JobSpec.Daily(new SessionTime.AfterClose(properties.eodReport().afterClose())), JobSpec.Misfire.FIRE_ONCE_NOW));
        jobs.add(new JobSpec("position-tracker-" + ex, PositionTrackerTask.NAME, ex,
                "Hourly check of the live positions against the 3WI tracker's thresholds during the session",
                new JobSpec.Hourly(), JobSpec.Misfire.SKIP));
        var scans = properties.scans();
        if (scans.folder() != null) {
            String sx = io.tradepilot.engine.calendar.ExchangeCalendar.of(scans.exchange()).exchange();
            for (java.time.LocalTime at : scans.at()) {
                jobs.add(new JobSpec(ScanTask.jobName(sx, at), ScanTask.NAME, sx, "3WI scan of " + scans.folder() + " at " + at,
                        new JobSpec.Daily(new SessionTime.Fixed(at)), JobSpec.Misfire.FIRE_ONCE_NOW));
            }
            for (java.time.LocalTime at : scans.nearBreakoutAt()) {
                jobs.add(new JobSpec("near-breakout-3wi-" + sx + "-" + at.toString().replace(":", ""), NearBreakoutTask.NAME, sx,
                        "3WI near-breakout watch of " + scans.folder() + " at " + at, new JobSpec.Daily(new SessionTime.Fixed(at)),
                        JobSpec.Misfire.SKIP));
            }
        }
        return jobs;
    }

    @Bean
    SchedulerHost schedulerHost(Scheduler scheduler, SchedulerProperties properties, IntradaySquareOff squareOff, TradingQueries trading,
                                Clock clock, TaskRunner runner, RunListener listener) throws SchedulerException {
        scheduler.getContext().put(TaskJob.RUNNER, runner);
        scheduler.getListenerManager().addTriggerListener(listener);
        scheduler.getListenerManager().addJobListener(listener);
        return new SchedulerHost(scheduler, jobs(properties, squareOff), properties, trading, clock);
    }

    @Bean
    SchedulerQueries schedulerQueries(Scheduler scheduler, SchedulerStore store) {
        return new QuartzSchedulerQueries(scheduler, store);
    }
}
