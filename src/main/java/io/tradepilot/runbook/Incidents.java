package io.tradepilot.runbook;

import java.util.List;
import java.util.Optional;

/**
 * Incidents: opened (by hand or from an alert), a timeline of entries, closed with a resolution. Every role reads;
 * operators and admins write (method security, denials audited). Every change is recorded in the audit log before
 * it is made ({@code INCIDENT_OPENED}, {@code INCIDENT_NOTE_ADDED}, {@code INCIDENT_CLOSED}). Texts are plain
 * ({@link io.tradepilot.security.PlainText}): a title one line of 3..200 characters, an entry or resolution
 * 3..4000 characters.
 */
public interface Incidents {

    /**
     * Opens an incident; {@code firstEntry} (may be blank) starts its timeline. From an alert ({@code alertId} not
     * null) an incident already open for that alert is returned instead of a second one.
     *
     * @throws RunbookRefusal {@code INVALID_TEXT}, {@code TEXT_TOO_SHORT} or {@code TEXT_TOO_LONG} naming the field,
     *         {@code AUDIT_UNAVAILABLE}
     */
    Incident open(String title, Long alertId, String firstEntry);

    /** Adds a timeline entry to an open incident. @throws RunbookRefusal {@code INCIDENT_NOT_FOUND}, {@code INCIDENT_CLOSED}, {@code INVALID_TEXT} */
    Incident addEntry(long id, String text);

    /** Closes an open incident with its resolution. @throws RunbookRefusal as {@link #addEntry} */
    Incident close(long id, String resolution);

    /** The newest incidents, open ones first ({@code limit} 1..500), without their timelines. */
    List<Incident> list(int limit);

    Optional<Incident> find(long id);

    /** The newest incident opened from {@code alertId}, if any. */
    Optional<Incident> forAlert(long alertId);
}
