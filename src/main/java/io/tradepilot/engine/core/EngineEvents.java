package io.tradepilot.engine.core;

/**
 * The engine's single outbound port. Called on the writer thread, synchronously, in the order things
 * happened; an implementation must be quick (hand off to a queue for slow consumers) and must not call
 * back into the engine.
 */
@FunctionalInterface
public interface EngineEvents {
    void publish(EngineEvent event);

    EngineEvents NONE = e -> {};
}
