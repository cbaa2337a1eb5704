package io.tradepilot.runbook.internal;

import static io.tradepilot.db.Tables.INCIDENT;
import static io.tradepilot.db.Tables.INCIDENT_ENTRY;
import static io.tradepilot.db.Tables.PREFLIGHT_COMPLETION;
import static io.tradepilot.db.Tables.PREFLIGHT_TICK;
import static io.tradepilot.db.Tables.RISK_LIMITS_REVIEW;

import io.tradepilot.runbook.Incident;
import io.tradepilot.runbook.PreflightSheet;
import io.tradepilot.runbook.RiskLimitsReview;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runbook's tables (db/migration/V110__runbook.sql). */
class JooqRunbookStore {

    private final DSLContext db;

    JooqRunbookStore(DSLContext db) {
        this.db = db;
    }

    /** This user's ticks for the day: item id to when it was ticked. */
    Map<String, Instant> ticks(LocalDate day, String username) {
        return db.select(PREFLIGHT_TICK.ITEM, PREFLIGHT_TICK.TICKED_AT).from(PREFLIGHT_TICK)
                .where(PREFLIGHT_TICK.DAY.eq(day), PREFLIGHT_TICK.USERNAME.eq(username))
                .fetchMap(PREFLIGHT_TICK.ITEM, PREFLIGHT_TICK.TICKED_AT);
    }

    void tick(LocalDate day, String username, String item, Instant at) {
        db.insertInto(PREFLIGHT_TICK).set(PREFLIGHT_TICK.DAY, day).set(PREFLIGHT_TICK.USERNAME, username)
                .set(PREFLIGHT_TICK.ITEM, item).set(PREFLIGHT_TICK.TICKED_AT, at)
                .onConflictDoNothing().execute();
    }

    void untick(LocalDate day, String username, String item) {
        db.deleteFrom(PREFLIGHT_TICK).where(PREFLIGHT_TICK.DAY.eq(day), PREFLIGHT_TICK.USERNAME.eq(username),
                PREFLIGHT_TICK.ITEM.eq(item)).execute();
    }

    List<PreflightSheet.Completion> completions(LocalDate day) {
        return db.select(PREFLIGHT_COMPLETION.USERNAME, PREFLIGHT_COMPLETION.COMPLETED_AT).from(PREFLIGHT_COMPLETION)
                .where(PREFLIGHT_COMPLETION.DAY.eq(day)).orderBy(PREFLIGHT_COMPLETION.COMPLETED_AT)
                .fetch(r -> new PreflightSheet.Completion(r.value1(), r.value2()));
    }

    void complete(LocalDate day, String username, Instant at, String evidence) {
        db.insertInto(PREFLIGHT_COMPLETION).set(PREFLIGHT_COMPLETION.DAY, day)
                .set(PREFLIGHT_COMPLETION.USERNAME, username).set(PREFLIGHT_COMPLETION.COMPLETED_AT, at)
                .set(PREFLIGHT_COMPLETION.EVIDENCE, evidence)
                .onConflict(PREFLIGHT_COMPLETION.DAY, PREFLIGHT_COMPLETION.USERNAME).doUpdate()
                .set(PREFLIGHT_COMPLETION.COMPLETED_AT, at).set(PREFLIGHT_COMPLETION.EVIDENCE, evidence)
                .execute();
    }

    boolean anyCompletion(LocalDate day) {
        return db.fetchExists(PREFLIGHT_COMPLETION, PREFLIGHT_COMPLETION.DAY.eq(day));
    }

    Optional<RiskLimitsReview.Reviewed> latestReview(String fingerprint) {
        return db.select(RISK_LIMITS_REVIEW.USERNAME, RISK_LIMITS_REVIEW.REVIEWED_AT).from(RISK_LIMITS_REVIEW)
                .where(RISK_LIMITS_REVIEW.FINGERPRINT.eq(fingerprint))
                .orderBy(RISK_LIMITS_REVIEW.REVIEWED_AT.desc(), RISK_LIMITS_REVIEW.ID.desc()).limit(1)
                .fetchOptional(r -> new RiskLimitsReview.Reviewed(r.value1(), r.value2()));
    }

    void review(String fingerprint, String username, Instant at) {
        db.insertInto(RISK_LIMITS_REVIEW).set(RISK_LIMITS_REVIEW.FINGERPRINT, fingerprint)
                .set(RISK_LIMITS_REVIEW.USERNAME, username).set(RISK_LIMITS_REVIEW.REVIEWED_AT, at).execute();
    }

    long openIncident(String title, Long alertId, String username, Instant at) {
        return db.insertInto(INCIDENT).set(INCIDENT.TITLE, title).set(INCIDENT.STATUS, Incident.Status.OPEN.name())
                .set(INCIDENT.ALERT_ID, alertId).set(INCIDENT.OPENED_BY, username).set(INCIDENT.OPENED_AT, at)
                .returning(INCIDENT.ID).fetchOne(INCIDENT.ID);
    }

    void addEntry(long incidentId, String username, Instant at, String text) {
        db.insertInto(INCIDENT_ENTRY).set(INCIDENT_ENTRY.INCIDENT_ID, incidentId).set(INCIDENT_ENTRY.USERNAME, username)
                .set(INCIDENT_ENTRY.AT, at).set(INCIDENT_ENTRY.BODY, text).execute();
    }

    /** Closes the incident if it is open; false when it was not (already closed, or gone). */
    boolean close(long id, String username, Instant at, String resolution) {
        return db.update(INCIDENT).set(INCIDENT.STATUS, Incident.Status.CLOSED.name()).set(INCIDENT.CLOSED_BY, username)
                .set(INCIDENT.CLOSED_AT, at).set(INCIDENT.RESOLUTION, resolution)
                .where(INCIDENT.ID.eq(id), INCIDENT.STATUS.eq(Incident.Status.OPEN.name())).execute() == 1;
    }

    /** The incident locked for an update in the current transaction, with its timeline. */
    Optional<Incident> findForUpdate(long id) {
        return db.selectFrom(INCIDENT).where(INCIDENT.ID.eq(id)).forUpdate().fetchOptional()
                .map(r -> incident(r, timeline(id)));
    }

    Optional<Incident> find(long id) {
        return db.selectFrom(INCIDENT).where(INCIDENT.ID.eq(id)).fetchOptional().map(r -> incident(r, timeline(id)));
    }

    Optional<Incident> openForAlert(long alertId) {
        return db.selectFrom(INCIDENT).where(INCIDENT.ALERT_ID.eq(alertId), INCIDENT.STATUS.eq(Incident.Status.OPEN.name()))
                .orderBy(INCIDENT.ID.desc()).limit(1).fetchOptional().map(r -> incident(r, List.of()));
    }

    Optional<Incident> newestForAlert(long alertId) {
        return db.selectFrom(INCIDENT).where(INCIDENT.ALERT_ID.eq(alertId))
                .orderBy(INCIDENT.ID.desc()).limit(1).fetchOptional().map(r -> incident(r, List.of()));
    }

    List<Incident> list(int limit) {
        return db.selectFrom(INCIDENT)
                .orderBy(INCIDENT.STATUS.eq(Incident.Status.OPEN.name()).desc(), INCIDENT.OPENED_AT.desc(), INCIDENT.ID.desc())
                .limit(limit).fetch(r -> incident(r, List.of()));
    }

    private List<Incident.Entry> timeline(long id) {
        return db.select(INCIDENT_ENTRY.AT, INCIDENT_ENTRY.USERNAME, INCIDENT_ENTRY.BODY).from(INCIDENT_ENTRY)
                .where(INCIDENT_ENTRY.INCIDENT_ID.eq(id)).orderBy(INCIDENT_ENTRY.AT, INCIDENT_ENTRY.ID)
                .fetch(r -> new Incident.Entry(r.value1(), r.value2(), r.value3()));
    }

    private static Incident incident(Record r, List<Incident.Entry> timeline) {
        return new Incident(r.get(INCIDENT.ID), r.get(INCIDENT.TITLE), Incident.Status.valueOf(r.get(INCIDENT.STATUS)),
                r.get(INCIDENT.ALERT_ID), r.get(INCIDENT.OPENED_BY), r.get(INCIDENT.OPENED_AT), r.get(INCIDENT.CLOSED_BY),
                r.get(INCIDENT.CLOSED_AT), r.get(INCIDENT.RESOLUTION), timeline);
    }
}
