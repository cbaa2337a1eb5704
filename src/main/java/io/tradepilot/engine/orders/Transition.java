package io.tradepilot.engine.orders;

/** The outcome of asking an {@link Order} to change state: done, or refused with the reason (never an exception). */
public sealed interface Transition {
    Done DONE = new Done();

    record Done() implements Transition {}

    record Refused(OrderStatus from, String attempted, String reason) implements Transition {}

    default boolean done() {
        return this instanceof Done;
    }

    static Transition refused(OrderStatus from, String attempted) {
        return new Refused(from, attempted, "cannot " + attempted + " an order that is " + from);
    }
}
