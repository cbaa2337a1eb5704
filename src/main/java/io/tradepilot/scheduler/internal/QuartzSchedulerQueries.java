package io.tradepilot.scheduler.internal;

import io.tradepilot.scheduler.EodReport;
import io.tradepilot.scheduler.JobRun;
import io.tradepilot.scheduler.JobStatus;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.TrackerFinding;
import io.tradepilot.scheduler.SchedulerQueries;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link SchedulerQueries} from Quartz's job store (jobs, next fire times) and the scheduler's tables. */
final class QuartzSchedulerQueries implements SchedulerQueries {

    private final Scheduler scheduler;
    private final SchedulerStore store;

    QuartzSchedulerQueries(Scheduler scheduler, SchedulerStore store) {
        this.scheduler = scheduler;
        this.store = store;
    }

    @Override
    public List<JobStatus> jobs() {
        try {
            Map<String, JobRun> latest = store.latestRuns();
            List<JobStatus> out = new ArrayList<>();
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SchedulerHost.GROUP))) {
                JobDetail detail = scheduler.getJobDetail(key);
                if (detail == null) continue;
                List<? extends Trigger> triggers = scheduler.getTriggersOfJob(key);
                Instant next = triggers.stream().map(Trigger::getNextFireTime).filter(Objects::nonNull).min(Date::compareTo)
                        .map(Date::toInstant).orElse(null);
                String misfire = triggers.isEmpty() ? "" : SchedulerHost.describeMisfire(triggers.getFirst().getMisfireInstruction());
                JobRun last = latest.get(key.getName());
                out.add(new JobStatus(key.getName(), detail.getJobDataMap().getString(TaskJob.EXCHANGE), detail.getDescription(), misfire,
                        next, last == null ? null : last.startedAt(), last == null ? null : last.outcome(), last == null ? null : last.detail()));
            }
            out.sort(Comparator.comparing(JobStatus::name));
            return out;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the job store", e);
        }
    }

    @Override
    public List<JobRun> runs(int limit) {
        return store.runs(clamp(limit));
    }

    @Override
    public List<EodReport> eodReports(int limit) {
        return store.eodReports(clamp(limit));
    }

    @Override
    public List<EodReport> eodReports(LocalDate day) {
        return store.eodReports(Objects.requireNonNull(day, "day"));
    }

    @Override
    public Optional<ScanReport> latestScan() {
        return store.latestScan();
    }

    @Override
    public List<TrackerFinding> trackerFindings(int limit) {
        return store.trackerFindings(clamp(limit));
    }

    @Override
    public List<io.tradepilot.scheduler.SetupLine> setups(LocalDate day) {
        Objects.requireNonNull(day, "day");
        List<ScanReport.Row> rows = store.scanAsOf(day).map(ScanReport::rows).orElse(List.of());
        var ids = rows.stream().map(ScanReport.Row::setupId).filter(Objects::nonNull).toList();
        return SetupLines.of(rows, store.setupRows(ids), store.nearBreakouts(day), id -> java.util.stream.Stream.concat(
                store.stopMoves(id).stream().map(m -> "STOP " + m.step() + " " + m.stop().toPlainString() + " after bar " + m.reachedBar()),
                store.exits(id).stream().map(e -> e.kind() + " " + e.trigger() + " " + e.side() + " " + e.quantity().toPlainString() + " "
                        + e.state() + (e.orderId() == null ? "" : " order " + e.orderId()))).toList());
    }

    @Override
    public List<io.tradepilot.scheduler.NearBreakout> nearBreakouts(LocalDate day) {
        return store.nearBreakouts(Objects.requireNonNull(day, "day"));
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(1000, limit));
    }
}
