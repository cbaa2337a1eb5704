package io.tradepilot.runbook;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily pre-flight checklist: automatic checks ({@link PreflightCheck} beans of every module) and manual items
 * each user ticks, per trading day and per user, persisted and audited (recorded before each change; a change
 * whose record cannot be written is refused with {@code AUDIT_UNAVAILABLE}). Reading is for every signed-in role;
 * ticking, completing and reviewing the risk limits for operators and admins (method security; a denial is
 * audited as DENIED).
 */
public interface Preflight {

    /** The trading day the checklist is for now: today's session if it has not closed yet, else the next one. */
    LocalDate tradingDay();

    /** Runs every automatic check now, in order. */
    List<CheckOutcome> runChecks();

    /** The signed-in user's sheet for {@code day}: manual items with this user's ticks, and the day's completions. */
    PreflightSheet sheet(LocalDate day);

    /**
     * Ticks ({@code ticked}) or unticks a manual item for the current trading day, for the signed-in user.
     *
     * @throws RunbookRefusal {@code UNKNOWN_ITEM}, {@code WRONG_DAY} (not the current trading day), {@code AUDIT_UNAVAILABLE}
     */
    PreflightSheet tick(LocalDate day, String item, boolean ticked);

    /**
     * Completes the signed-in user's pre-flight for the current trading day: runs the automatic checks again and
     * records them as evidence when every one passes (or does not apply) and every manual item is ticked.
     * Completing again is allowed and moves the completion's time.
     *
     * @throws RunbookRefusal {@code NOT_READY} naming what is missing, {@code WRONG_DAY}, {@code AUDIT_UNAVAILABLE}
     */
    PreflightSheet complete(LocalDate day);

    /** Whether someone completed the pre-flight for {@code day} (what LIVE mode requires before it trades). */
    boolean preflightComplete(LocalDate day);

    /** The configured risk limits and their latest review. */
    RiskLimitsReview riskLimits();

    /** Records that the signed-in user reviewed the risk limits as configured now. */
    RiskLimitsReview reviewRiskLimits();
}
