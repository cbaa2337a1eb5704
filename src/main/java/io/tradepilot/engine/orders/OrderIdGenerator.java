package io.tradepilot.engine.orders;

/** Supplies order ids; injected so that runs are reproducible. Called only by the engine's writer thread. */
@FunctionalInterface
public interface OrderIdGenerator {
    OrderId next();

    /** {@code prefix1, prefix2, ...}: deterministic. */
    static OrderIdGenerator sequential(String prefix) {
        long[] n = {0};
        return () -> new OrderId(prefix + (++n[0]));
    }
}
