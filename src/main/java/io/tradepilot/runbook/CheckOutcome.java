package io.tradepilot.runbook;

import java.time.Instant;

/** One automatic check as it ran: which check, what it found, when. */
public record CheckOutcome(String id, String title, CheckResult result, Instant at) {
}
