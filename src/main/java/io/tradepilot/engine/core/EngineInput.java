package io.tradepilot.engine.core;

/**
 * The engine's single inbound interface. Implementations process commands one at a time in arrival
 * order; outcomes are reported only as events on the {@link EngineEvents} port.
 */
@FunctionalInterface
public interface EngineInput {
    void accept(EngineCommand command);
}
