package io.tradepilot.runbook;

import java.util.Objects;

/**
 * What one automatic check found.
 *
 * @param status   whether it passed
 * @param evidence what was seen, for a person ("PostgreSQL 15.19 answered in 3 ms"); never a secret
 */
public record CheckResult(Status status, String evidence) {

    /** The outcome of a check. */
    public enum Status {
        /** Checked and fine. */
        PASS,
        /** Fine for today, but worth a look (does not block completing the pre-flight). */
        WARN,
        /** Not fine, or could not be checked: the pre-flight cannot be completed. */
        FAIL,
        /** Does not apply to this installation (no broker account): does not block. */
        NOT_APPLICABLE;

        /** Whether a check with this status lets the pre-flight be completed. */
        public boolean passes() {
            return this != FAIL;
        }
    }

    public CheckResult {
        Objects.requireNonNull(status, "status");
        evidence = evidence == null ? "" : evidence;
    }

    public static CheckResult pass(String evidence) {
        return new CheckResult(Status.PASS, evidence);
    }

    public static CheckResult warn(String evidence) {
        return new CheckResult(Status.WARN, evidence);
    }

    public static CheckResult fail(String evidence) {
        return new CheckResult(Status.FAIL, evidence);
    }

    public static CheckResult notApplicable(String evidence) {
        return new CheckResult(Status.NOT_APPLICABLE, evidence);
    }
}
