package io.tradepilot.backtests.internal;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a piece of research (a sweep's chunks, a walk-forward's windows) as jobs on the backtests' clustered
 * Quartz scheduler ({@link BacktestQueue}'s: the same job store and threads as the runs). One job per part, keyed
 * {@code <name>-<id>-<part>} in group {@code group}, with job data {@code idKey} and {@code partKey}, stored with
 * {@code requestRecovery}: any instance with workers fires parts, and a dead worker's part fires again elsewhere with
 * {@code isRecovering()}. Registers the subclass in the scheduler's context under {@code contextKey} for its job class.
 */
abstract class PartJobs {

    private static final Logger log = LoggerFactory.getLogger(PartJobs.class);

    private final BacktestQueue queue;
    private final String group;
    private final String name;
    private final Class<? extends Job> job;
    private final String idKey;
    private final String partKey;
    private final String worker;

    PartJobs(BacktestQueue queue, String group, String name, Class<? extends Job> job, String contextKey, String idKey, String partKey) {
        this.queue = queue;
        this.group = group;
        this.name = name;
        this.job = job;
        this.idKey = idKey;
        this.partKey = partKey;
        this.worker = queue.instanceId();
        try {
            queue.scheduler().getContext().put(contextKey, this);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not register the " + name + " jobs with the backtest scheduler", e);
        }
    }

    /** Queues the jobs of {@code unfinished} parts ({id, part} pairs) whose job is missing (after a start). */
    void requeueMissing(List<long[]> unfinished) {
        Map<Long, List<Integer>> missing = new LinkedHashMap<>();
        try {
            for (long[] p : unfinished) {
                if (!scheduler().checkExists(jobKey(p[0], (int) p[1]))) missing.computeIfAbsent(p[0], k -> new ArrayList<>()).add((int) p[1]);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not look for the " + name + " jobs", e);
        }
        missing.forEach(this::enqueue);
    }

    /** Queues one job per part, firing now (or when a worker is free), in part order. */
    void enqueue(long id, List<Integer> parts) {
        Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
        for (int part : parts) {
            JobDetail detail = JobBuilder.newJob(job).withIdentity(jobKey(id, part)).usingJobData(idKey, id).usingJobData(partKey, part)
                    .withDescription(name + " " + id + " part " + part).requestRecovery(true).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name + "-" + id + "-" + part + "-0", group).forJob(detail).startNow().build();
            jobs.put(detail, Set.of(trigger));
        }
        try {
            scheduler().scheduleJobs(jobs, true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not queue the parts of " + name + " " + id, e);
        }
    }

    /** Removes the jobs of a cancelled piece's parts (a part running finishes; its result is not written). */
    void unschedule(long id, int parts) {
        List<JobKey> keys = new ArrayList<>();
        for (int k = 0; k < parts; k++) keys.add(jobKey(id, k));
        try {
            scheduler().deleteJobs(keys);
        } catch (SchedulerException e) {
            log.warn("Could not remove the jobs of cancelled {} {}: {}", name, id, e.toString());
        }
    }

    JobKey jobKey(long id, int part) {
        return JobKey.jobKey(name + "-" + id + "-" + part, group);
    }

    /** This instance's worker name (its Quartz instance id). */
    String worker() {
        return worker;
    }

    Scheduler scheduler() {
        return queue.scheduler();
    }
}
