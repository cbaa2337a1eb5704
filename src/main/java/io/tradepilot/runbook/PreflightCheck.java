package io.tradepilot.runbook;

/**
 * One automatic pre-flight check. Any module contributes one by declaring a Spring bean of this type (a broker
 * module: "broker connected and its token valid"); the pre-flight runs every bean, ordered by {@link #order()}.
 * A contributed check with the id {@link #BROKER} replaces the runbook's own "no broker account configured".
 */
public interface PreflightCheck {

    /** The id of the broker check, which a broker module contributes. */
    String BROKER = "broker";

    /** A stable id (lower case, dashes; unique among checks), used in the evidence and the page's element ids. */
    String id();

    /** What is checked, as the page shows it ("PostgreSQL answers"). */
    String title();

    /** Where the check stands in the list (smaller first). */
    default int order() {
        return 100;
    }

    /**
     * Checks now. Must answer within a few seconds and never throw: a check that cannot tell answers
     * {@link CheckResult.Status#FAIL} with why (fail closed).
     */
    CheckResult run();
}
