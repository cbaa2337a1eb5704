package io.tradepilot.scheduler;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The read side of the scheduler, answered from PostgreSQL (every instance gives the same answers). Any signed-in role. */
public interface SchedulerQueries {

    /** Every scheduled job with its next fire time and latest run, by name. */
    List<JobStatus> jobs();

    /** The newest {@code limit} recorded runs and misfires of all jobs, newest first ({@code limit} 1..1000). */
    List<JobRun> runs(int limit);

    /** The newest {@code limit} end-of-day reports, newest day first ({@code limit} 1..1000). */
    List<EodReport> eodReports(int limit);

    /** The end-of-day reports of {@code day} (one per exchange). */
    List<EodReport> eodReports(LocalDate day);

    /** The newest scan result, empty before the first scan. */
    Optional<ScanReport> latestScan();

    /** The position tracker's newest {@code limit} findings, newest first ({@code limit} 1..1000). */
    List<TrackerFinding> trackerFindings(int limit);

    /**
     * The 3WI setups of {@code day} (the newest scan with that as-of date, the decisions recorded for them and the
     * near-breakout watch's findings of the day), entered and near-breakout first; empty when nothing ran that day.
     */
    List<SetupLine> setups(LocalDate day);

    /** The near-breakout watch's findings of {@code day}, nearest first. */
    List<NearBreakout> nearBreakouts(LocalDate day);
}
