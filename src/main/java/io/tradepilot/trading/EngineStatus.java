package io.tradepilot.trading;

import java.time.Instant;

/**
 * Whether this instance runs the engine, and how far it got.
 *
 * @param role          {@code LEADER} (runs the engine), {@code STANDBY} (another instance holds the
 *                      leader lock: this one serves the UI only) or {@code STOPPED}
 * @param engineState   the engine's own state ({@code RUNNING}, {@code PAUSED}, {@code TRIPPED},
 *                      {@code KILLED}), null unless leader
 * @param marketTime    the time of the last bar the engine processed, null before the first
 * @param barsProcessed bars processed since this instance started the engine
 */
public record EngineStatus(String role, String engineState, Instant marketTime, long barsProcessed) {
}
