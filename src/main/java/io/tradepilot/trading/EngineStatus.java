package io.tradepilot.trading;

import java.time.Instant;

/**
 * Whether this instance runs the engine, and how far it got.
 *
 * @param role          {@code LEADER} (runs the engine), {@code STANDBY} (another instance holds the
 *                      leader lock: this one serves the UI only) or {@code STOPPED}
 * @param engineState   {@code TRIPPED} (the engine's own automatic trip, until the controls release it), {@code KILLED}
 *                      (the controls' kill switch engaged, e.g. by a flatten), else {@code RUNNING}; null unless leader
 * @param marketTime    the time of the last bar the engine processed, null before the first
 * @param barsProcessed bars processed since this instance started the engine
 */
public record EngineStatus(String role, String engineState, Instant marketTime, long barsProcessed) {
}
