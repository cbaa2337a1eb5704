package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.Quantity;

import java.util.Map;
import java.util.Set;

/** Creates strategies by name, for the command line and the host. */
public final class Strategies {
    private Strategies() {}

    public static Set<String> names() {
        return Set.of(SmaCross.NAME);
    }

    /**
     * Builds {@code name} with {@code params}. Refuses with an {@link IllegalArgumentException} whose
     * message names the problem: unknown strategy, unknown or missing parameter, non-integer value,
     * {@code slow <= fast}.
     */
    public static Strategy create(String name, Map<String, String> params, Quantity quantity) {
        if (!SmaCross.NAME.equals(name)) throw new IllegalArgumentException("unknown strategy '" + name + "' (known: " + names() + ")");
        for (String k : params.keySet()) {
            if (!k.equals("fast") && !k.equals("slow")) throw new IllegalArgumentException("unknown parameter '" + k + "' for " + name + " (known: fast, slow)");
        }
        int fast = intParam(params, "fast", 10);
        int slow = intParam(params, "slow", 30);
        return new SmaCross(fast, slow, quantity);
    }

    private static int intParam(Map<String, String> params, String key, int dflt) {
        String v = params.get(key);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + key + " must be an integer, got '" + v + "'");
        }
    }
}
