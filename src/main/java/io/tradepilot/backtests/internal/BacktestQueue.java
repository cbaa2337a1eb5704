package io.tradepilot.backtests.internal;

import org.quartz.DateBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The runs' jobs on a Quartz scheduler of their own ({@value #SCHEDULER}) in the application's PostgreSQL job store
 * (the {@code QRTZ_} tables of V4, clustered), so every instance works on runs whatever its role (the trading
 * scheduler runs on the engine's leader only). A run is one job with {@code requestRecovery}; a firing whose run may
 * not start yet (its submitter's limit, an older run of theirs queued) adds a trigger {@code deferral} later, so
 * runs start in submission order across users, at most {@code max-running-per-user} per user, and {@code workers}
 * per instance.
 */
final class BacktestQueue implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BacktestQueue.class);
    static final String SCHEDULER = "tradepilot-backtests";
    static final String GROUP = "backtests";

    private final SchedulerFactoryBean factory;
    private final BacktestsProperties properties;
    private final Supplier<java.util.List<Long>> unfinished;
    private volatile BacktestWorker worker;
    private volatile boolean running;

    BacktestQueue(DataSource dataSource, PlatformTransactionManager transactions, BacktestsProperties properties,
                  Supplier<java.util.List<Long>> unfinished) throws Exception {
        this.properties = properties;
        this.unfinished = unfinished;
        factory = new SchedulerFactoryBean();
        factory.setSchedulerName(SCHEDULER);
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setAutoStartup(false);
        factory.setWaitForJobsToCompleteOnShutdown(true);
        factory.setSchedulerContextAsMap(Map.of(BacktestJob.QUEUE, this));
        Properties q = new Properties();
        q.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        q.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        q.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        q.setProperty("org.quartz.jobStore.isClustered", "true");
        q.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(properties.clusterCheckin().toMillis()));
        q.setProperty("org.quartz.threadPool.threadCount", String.valueOf(Math.max(1, properties.workers())));
        q.setProperty("org.quartz.threadPool.threadNamePrefix", "backtest-worker");
        q.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "1");
        // a context that fails to start must not leave these threads holding the JVM
        q.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        q.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        factory.setQuartzProperties(q);
        factory.afterPropertiesSet();
    }

    void setWorker(BacktestWorker worker) {
        this.worker = worker;
    }

    Scheduler scheduler() {
        return factory.getScheduler();
    }

    /** This instance's Quartz instance id (the worker name recorded with a run). */
    String instanceId() {
        try {
            return scheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queues run {@code id}: its job, firing now (or when a worker is free). */
    void enqueue(long id) {
        JobDetail job = JobBuilder.newJob(BacktestJob.class).withIdentity(key(id)).usingJobData(BacktestJob.RUN_ID, id)
                .withDescription("backtest run " + id).requestRecovery(true).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("run-" + id + "-0", GROUP).forJob(job).startNow().build();
        try {
            scheduler().scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not queue backtest run " + id, e);
        }
    }

    static JobKey key(long id) {
        return JobKey.jobKey("run-" + id, GROUP);
    }

    /** A firing of run {@code id}'s job. */
    void fired(long id, boolean recovering) {
        BacktestWorker w = worker;
        if (w == null) throw new IllegalStateException("the backtest worker is not wired");
        if (w.execute(id, recovering) == BacktestWorker.Fired.DEFERRED) {
            Trigger again = TriggerBuilder.newTrigger().withIdentity("run-" + id + "-" + UUID.randomUUID(), GROUP).forJob(key(id))
                    .startAt(DateBuilder.futureDate((int) properties.deferral().toMillis(), DateBuilder.IntervalUnit.MILLISECOND)).build();
            try {
                scheduler().scheduleJob(again);
            } catch (SchedulerException e) {
                throw new IllegalStateException("could not defer backtest run " + id, e);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) return;
        running = true;
        try {
            for (long id : unfinished.get()) {
                if (!scheduler().checkExists(key(id))) enqueue(id);
            }
            if (properties.workers() > 0) {
                scheduler().start();
                log.info("Backtest worker started: {} runs at once here, {} per user across the cluster", properties.workers(),
                        properties.maxRunningPerUser());
            } else {
                log.info("Backtest worker off on this instance (tradepilot.backtests.workers=0): runs queue for other instances");
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not start the backtest scheduler", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) return;
        running = false;
        close();
    }

    /** Shuts the scheduler down (waiting for the runs in progress here); also when the context never started. */
    @Override
    public synchronized void close() {
        try {
            factory.destroy();
        } catch (SchedulerException e) {
            log.warn("Could not stop the backtest scheduler: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
