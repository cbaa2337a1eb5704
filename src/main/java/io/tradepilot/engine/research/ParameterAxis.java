package io.tradepilot.engine.research;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One swept parameter: its name and the values it takes, as canonical text (what
 * {@link io.tradepilot.engine.strategy.params.ParameterSchema#validate} accepts), in the order given,
 * without repeats.
 */
public record ParameterAxis(String name, List<String> values) {

    /** Most values one axis may have (a grid is the product of its axes: keep it finite). */
    public static final int MAX_VALUES = 10_000;

    public ParameterAxis {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) throw new IllegalArgumentException("axis name is blank");
        values = List.copyOf(new LinkedHashSet<>(values));
        if (values.isEmpty()) throw new IllegalArgumentException(name + ": no values");
        if (values.size() > MAX_VALUES) throw new IllegalArgumentException(name + ": more than " + MAX_VALUES + " values");
    }

    /**
     * Parses {@code name=from:to:step} (inclusive range, step positive; decimals allowed, e.g.
     * {@code 0.5:2:0.25}) or {@code name=v1,v2,...} (values as given).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static ParameterAxis parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) throw new IllegalArgumentException("expects name=from:to:step or name=v1,v2,...: '" + spec + "'");
        String name = spec.substring(0, eq).strip();
        String body = spec.substring(eq + 1).strip();
        if (body.contains(":")) {
            String[] p = body.split(":", -1);
            if (p.length != 3) throw new IllegalArgumentException(name + ": a range is from:to:step: '" + body + "'");
            BigDecimal from = number(name, p[0]), to = number(name, p[1]), step = number(name, p[2]);
            if (step.signum() <= 0) throw new IllegalArgumentException(name + ": step must be positive: " + p[2]);
            if (to.compareTo(from) < 0) throw new IllegalArgumentException(name + ": range end " + p[1] + " is below its start " + p[0]);
            BigDecimal count = to.subtract(from).divideToIntegralValue(step);
            if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0) throw new IllegalArgumentException(name + ": more than " + MAX_VALUES + " values");
            List<String> values = new ArrayList<>();
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) values.add(v.stripTrailingZeros().toPlainString());
            return new ParameterAxis(name, values);
        }
        List<String> values = new ArrayList<>();
        for (String v : body.split(",", -1)) {
            if (v.isBlank()) throw new IllegalArgumentException(name + ": empty value in '" + body + "'");
            values.add(v.strip());
        }
        return new ParameterAxis(name, values);
    }

    private static BigDecimal number(String name, String text) {
        try {
            BigDecimal d = new BigDecimal(text.strip());
            if (d.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) throw new IllegalArgumentException(name + ": too large: " + text);
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: '" + text + "'");
        }
    }
}
