package io.tradepilot.engine.core;

/**
 * The engine's single outbound port. Called on the writer thread, synchronously, in the order things
 * happened; an implementation must be quick (hand off to a queue for slow consumers) and must not call
 * back into the engine.
 */
@FunctionalInterface
public interface EngineEvents {
    void publish(EngineEvent event);

    /**
     * Called after each command handed to {@link TradingEngine#accept} has been applied (also when it
     * threw). The events published since the previous call are the consequences of one command and belong
     * together (a fill, its position change and the trades it closed): a sink that stores them should make
     * them durable together, never a part of them. Default: nothing.
     */
    default void commandApplied() {
    }

    /**
     * True when this sink ignores every event, for the whole life of the engine it is given to. The
     * engine then need not build the events of its order/fill path (it counts them instead, see
     * {@link TradingEngine#eventsNotBuilt()}). Default false: every event is built and published.
     */
    default boolean discardsEvents() {
        return false;
    }

    /** Ignores every event (and says so, so the engine skips building them). */
    EngineEvents NONE = new EngineEvents() {
        @Override
        public void publish(EngineEvent event) {
        }

        @Override
        public boolean discardsEvents() {
            return true;
        }

        @Override
        public String toString() {
            return "EngineEvents.NONE";
        }
    };
}
