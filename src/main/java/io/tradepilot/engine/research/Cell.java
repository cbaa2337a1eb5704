package io.tradepilot.engine.research;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a {@link ParameterSpace}: its index in the space (0-based, dense) and the swept
 * parameters' values as text, in axis order. Parameters not swept take the strategy's defaults.
 */
public record Cell(int index, Map<String, String> params) {
    public Cell {
        if (index < 0) throw new IllegalArgumentException("negative cell index");
        Objects.requireNonNull(params, "params");
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The integer value of {@code name}; refuses a missing or non-integer one. */
    public int integer(String name) {
        String v = params.get(name);
        if (v == null) throw new IllegalArgumentException("cell " + index + " has no parameter " + name);
        return Integer.parseInt(v);
    }

    /** {@code fast=10 slow=30}. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
