package io.tradepilot.engine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategies the command line knows and the parameters each accepts, validated before anything
 * runs. {@code sma-cross}: integers {@code fast} (default 10, >= 1) and {@code slow} (default 30,
 * >= 2) with {@code slow > fast}.
 *
 * <p>To add a strategy: add a case to {@link #validate} returning its typed parameters and list its name
 * in {@link #NAMES}.
 */
public final class StrategyParameters {

    /** Known strategy names. */
    public static final List<String> NAMES = List.of("sma-cross");

    private StrategyParameters() {
    }

    /** Validated parameters of one strategy: name to integer value, all defaults filled in. */
    public record Resolved(String strategy, Map<String, Integer> values) {
        public Resolved {
            values = Map.copyOf(values);
        }

        public int get(String name) {
            Integer v = values.get(name);
            if (v == null) throw new IllegalArgumentException("no parameter " + name + " for " + strategy);
            return v;
        }
    }

    /**
     * Parses {@code k=v} pairs for {@code strategy}.
     *
     * @throws UsageException for an unknown strategy or parameter, a malformed pair, a repeated key, a bad
     *                        value, or {@code slow <= fast}
     */
    public static Resolved validate(String strategy, List<String> pairs) throws UsageException {
        if (!NAMES.contains(strategy)) {
            throw new UsageException("unknown strategy '" + strategy + "' (known: " + String.join(", ", NAMES) + ")");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) throw new UsageException("--param expects key=value: '" + pair + "'");
            String key = pair.substring(0, eq).strip();
            if (given.put(key, pair.substring(eq + 1).strip()) != null) throw new UsageException("--param " + key + " given twice");
        }
        // sma-cross
        for (String key : given.keySet()) {
            if (!key.equals("fast") && !key.equals("slow")) {
                throw new UsageException("unknown parameter '" + key + "' for sma-cross (known: fast, slow)");
            }
        }
        int fast = intParam(given, "fast", 10, 1);
        int slow = intParam(given, "slow", 30, 2);
        if (slow <= fast) throw new UsageException("sma-cross: slow (" + slow + ") must be greater than fast (" + fast + ")");
        return new Resolved(strategy, Map.of("fast", fast, "slow", slow));
    }

    private static int intParam(Map<String, String> given, String key, int dflt, int min) throws UsageException {
        String v = given.get(key);
        if (v == null) return dflt;
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > 100_000) throw new UsageException("parameter " + key + " must be " + min + "..100000: " + i);
            return i;
        } catch (NumberFormatException e) {
            throw new UsageException("parameter " + key + " is not an integer: '" + v + "'");
        }
    }
}
