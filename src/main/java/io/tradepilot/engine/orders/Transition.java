package io.tradepilot.engine.orders;

/**
 * The outcome of asking an {@link Order} to change state: done; unchanged (the order already is where the
 * request would take it: a repeated venue report); or refused with the reason (never an exception).
 */
public sealed interface Transition {
    Done DONE = new Done();
    Unchanged UNCHANGED = new Unchanged();

    record Done() implements Transition {}

    /** Nothing to do: the order already reflects this (a duplicate report). */
    record Unchanged() implements Transition {}

    record Refused(OrderStatus from, String attempted, String reason) implements Transition {}

    default boolean done() {
        return this instanceof Done;
    }

    static Transition refused(OrderStatus from, String attempted) {
        return new Refused(from, attempted, "cannot " + attempted + " an order that is " + from);
    }
}
