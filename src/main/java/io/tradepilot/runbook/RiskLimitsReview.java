package io.tradepilot.runbook;

import java.time.Instant;
import java.util.Optional;

/**
 * The risk limits as configured now ({@code fingerprint}: SHA-256 of their settings, first 16 hex digits) and the
 * latest review of exactly these limits, if any. A change of any limit changes the fingerprint, so an earlier
 * review no longer counts.
 */
public record RiskLimitsReview(String fingerprint, String limits, Optional<Reviewed> latest) {

    /** Who reviewed these limits, and when. */
    public record Reviewed(String username, Instant at) {
    }
}
