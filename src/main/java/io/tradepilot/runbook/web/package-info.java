/** The runbook's REST API: the day's pre-flight and incidents under {@code /api/v1/runbook}. */
package io.tradepilot.runbook.web;
