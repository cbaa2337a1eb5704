/** The scheduler over HTTP: {@code GET /api/v1/jobs}, {@code /api/v1/reports/eod[/{date}]}, {@code /api/v1/scans/latest}. */
package io.tradepilot.scheduler.web;
