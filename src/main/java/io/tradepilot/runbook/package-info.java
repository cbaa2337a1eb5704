/**
 * The runbook: pages rendered from the Markdown in {@code docs/runbook/} (pre-flight, emergency procedures, daily
 * routines, troubleshooting) with live checks and the real controls in them, the daily pre-flight checklist
 * ({@link io.tradepilot.runbook.Preflight}, contributed checks: {@link io.tradepilot.runbook.PreflightCheck}) and
 * incidents ({@link io.tradepilot.runbook.Incidents}). Viewers read; operators and admins tick, complete and write.
 */
package io.tradepilot.runbook;
