package io.tradepilot.engine.strategy.params;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Validated parameter values, every parameter of the schema present (defaults filled in). Immutable. */
public final class Parameters {
    private final Map<String, Object> values;

    Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter '" + name + "'");
        return v;
    }

    public int integer(String name) { return (Integer) get(name); }
    public BigDecimal decimal(String name) { return (BigDecimal) get(name); }
    public boolean bool(String name) { return (Boolean) get(name); }
    public LocalTime time(String name) { return (LocalTime) get(name); }
    public String choice(String name) { return (String) get(name); }

    /** Name to value (Integer, BigDecimal, Boolean, LocalTime or String), sorted by name. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
