package io.tradepilot.brokers;

/**
 * A {@link VenueSession} that can say how it is doing; the Connections page shows it for the account whose session
 * is open. Optional for adapters: a session without it shows as "state unknown".
 */
public interface MonitoredSession {

    /** The session's health now; cheap (no network call), never throws. */
    VenueHealth health();
}
