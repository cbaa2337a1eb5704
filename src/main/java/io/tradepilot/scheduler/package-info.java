/**
 * The scheduler: jobs in their exchange's time zone on trading days only (Quartz, JDBC job store in
 * PostgreSQL, triggers excluding the exchange calendar's holidays and following its early closes) — the
 * end-of-day square-off of intraday strategies, the end-of-day report, strategy scans and the hourly
 * position tracker. {@link io.tradepilot.scheduler.SchedulerQueries} is the read API (jobs, reports,
 * scans); implementations live in {@code internal}, the REST endpoints in {@code web}. See docs/scheduler.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduler")
package io.tradepilot.scheduler;
