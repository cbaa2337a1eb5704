/**
 * The scheduler's implementation: Quartz (clustered JDBC job store in PostgreSQL, started only on the
 * instance that runs the engine), exchange-calendar triggers ({@link io.tradepilot.scheduler.internal.TriggerPlanner},
 * {@link io.tradepilot.scheduler.internal.TradingDaysCalendar}), the jobs' tasks, the misfire and failure
 * listener, and the jOOQ store of job runs, reports, scans and position checks.
 */
package io.tradepilot.scheduler.internal;
