package io.tradepilot.scheduler.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.tradepilot.scheduler.EodReport;
import io.tradepilot.scheduler.JobRun;
import io.tradepilot.scheduler.JobStatus;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SchedulerQueries;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The scheduler's jobs, end-of-day reports and scan results, read-only, for any signed-in role (bearer token). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Scheduler", description = "Scheduled jobs, end-of-day reports and scans")
class SchedulerApiController {

    private final SchedulerQueries queries;

    SchedulerApiController(SchedulerQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/jobs")
    @Operation(summary = "Every scheduled job: exchange, misfire policy, next fire time, last run and its outcome")
    List<JobStatus> jobs() {
        return queries.jobs();
    }

    @GetMapping("/jobs/runs")
    @Operation(summary = "The newest job runs and misfires, newest first (limit 1..1000)")
    List<JobRun> runs(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return queries.runs(limit);
    }

    @GetMapping("/reports/eod")
    @Operation(summary = "The newest end-of-day reports, newest day first (limit 1..1000)")
    List<EodReport> eodReports(@RequestParam(defaultValue = "30") @Min(1) @Max(1000) int limit) {
        return queries.eodReports(limit);
    }

    @GetMapping("/reports/eod/{date}")
    @Operation(summary = "The end-of-day reports of one trading day (YYYY-MM-DD), one per exchange; 404 when none was made")
    List<EodReport> eodReport(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        List<EodReport> reports = queries.eodReports(date);
        if (reports.isEmpty()) throw notFound("no end-of-day report for " + date);
        return reports;
    }

    @GetMapping("/scans/latest")
    @Operation(summary = "The newest scan result; 404 before the first scan")
    ScanReport latestScan() {
        return queries.latestScan().orElseThrow(() -> notFound("no scan has run yet"));
    }

    @GetMapping("/scans/setups")
    @Operation(summary = "The 3WI setups of one day (date YYYY-MM-DD, default: the newest scan's date): state (FOUND, NEAR_BREAKOUT, "
            + "QUALIFIED, ENTERED, EXITED, NOT_TAKEN), plan, entry order, exits and why a setup was not taken")
    List<io.tradepilot.scheduler.SetupLine> setups(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate day = date != null ? date : queries.latestScan().map(ScanReport::asOf).orElse(null);
        return day == null ? List.of() : queries.setups(day);
    }

    @GetMapping("/scans/near-breakouts")
    @Operation(summary = "The near-breakout watch's findings of one day (date YYYY-MM-DD), nearest first")
    List<io.tradepilot.scheduler.NearBreakout> nearBreakouts(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return queries.nearBreakouts(date);
    }

    private static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
