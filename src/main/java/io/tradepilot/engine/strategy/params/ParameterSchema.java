package io.tradepilot.engine.strategy.params;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parameters of one strategy and the rules between them.
 *
 * <p>{@link #validate} accepts raw values as text (command line) or as the typed values a YAML/JSON
 * document yields (Integer/Long/Double/BigDecimal/Boolean/String). It reports every problem, each with
 * its path ({@code prefix + name}): unknown parameter, wrong type (a fraction for an integer, text for
 * a number, anything but true/false for a boolean, a bad time or choice), out of range, and then —
 * only when each parameter is fine by itself — every failed cross-field rule. Missing parameters take
 * their defaults.
 */
public final class ParameterSchema {
    private final List<ParamSpec> specs;
    private final List<Rule> rules;

    /** A cross-field rule: a problem for the given values (all valid individually), or empty. */
    public interface Rule {
        Optional<String> check(Parameters values, Function<String, String> path);
    }

    public ParameterSchema(List<ParamSpec> specs, List<Rule> rules) {
        this.specs = List.copyOf(specs);
        this.rules = List.copyOf(rules);
    }

    public List<ParamSpec> specs() {
        return specs;
    }

    /** Rule: {@code greater > smaller}, reported on {@code greater}'s path. */
    public static Rule greaterThan(String greater, String smaller) {
        return (v, path) -> {
            BigDecimal g = number(v, greater), s = number(v, smaller);
            return g.compareTo(s) > 0 ? Optional.empty()
                    : Optional.of(path.apply(greater) + ": must be greater than " + path.apply(smaller) + " (" + s.toPlainString() + ")");
        };
    }

    /** Rule: {@code later} is a later time than {@code earlier}, reported on {@code later}'s path. */
    public static Rule laterThan(String later, String earlier) {
        return (v, path) -> v.time(later).isAfter(v.time(earlier)) ? Optional.empty()
                : Optional.of(path.apply(later) + ": must be later than " + path.apply(earlier) + " (" + v.time(earlier) + ")");
    }

    private static BigDecimal number(Parameters v, String name) {
        Object o = v.asMap().get(name);
        return o instanceof Integer i ? BigDecimal.valueOf(i) : (BigDecimal) o;
    }

    /** The result of a validation: values when there is no problem, else the problems (never both). */
    public record Result(Parameters values, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Validates {@code raw}; paths are {@code prefix + name} (e.g. prefix {@code "parameters."}). */
    public Result validate(Map<String, ?> raw, String prefix) {
        List<Problem> problems = new ArrayList<>();
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        for (ParamSpec s : specs) byName.put(s.name(), s);
        for (String k : raw.keySet()) {
            if (!byName.containsKey(k)) problems.add(new Problem(prefix + k, "unknown parameter (known: " + String.join(", ", byName.keySet()) + ")"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            Object given = raw.containsKey(s.name()) ? raw.get(s.name()) : s.defaultValue();
            String path = prefix + s.name();
            if (given == null) {
                problems.add(new Problem(path, "must have a value"));
                continue;
            }
            Object v = convert(s, given, path, problems);
            if (v != null) values.put(s.name(), v);
        }
        if (problems.isEmpty()) {
            Parameters p = new Parameters(values);
            for (Rule r : rules) {
                r.check(p, n -> prefix + n).ifPresent(msg -> {
                    int colon = msg.indexOf(": ");
                    problems.add(new Problem(msg.substring(0, colon), msg.substring(colon + 2)));
                });
            }
            if (problems.isEmpty()) return new Result(p, List.of());
        }
        return new Result(null, List.copyOf(problems));
    }

    private static Object convert(ParamSpec s, Object given, String path, List<Problem> problems) {
        switch (s.type()) {
            case INTEGER -> {
                BigDecimal d = asNumber(given);
                if (d == null || d.stripTrailingZeros().scale() > 0) {
                    problems.add(new Problem(path, "must be an integer, got " + show(given)));
                    return null;
                }
                if (!inRange(s, d, path, problems)) return null;
                return d.intValueExact();
            }
            case DECIMAL -> {
                BigDecimal d = asNumber(given);
                if (d == null) {
                    problems.add(new Problem(path, "must be a number, got " + show(given)));
                    return null;
                }
                return inRange(s, d, path, problems) ? d : null;
            }
            case BOOLEAN -> {
                if (given instanceof Boolean b) return b;
                if (given instanceof String t && (t.equals("true") || t.equals("false"))) return Boolean.parseBoolean(t);
                problems.add(new Problem(path, "must be true or false, got " + show(given)));
                return null;
            }
            case TIME -> {
                if (given instanceof LocalTime t) return t;
                if (given instanceof String t) {
                    try {
                        return LocalTime.parse(t.strip());
                    } catch (DateTimeParseException e) {
                        // fall through
                    }
                }
                problems.add(new Problem(path, "must be a time HH:mm, got " + show(given)));
                return null;
            }
            case CHOICE -> {
                if (given instanceof String t && s.choices().contains(t)) return t;
                problems.add(new Problem(path, "must be one of " + s.choices() + ", got " + show(given)));
                return null;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean inRange(ParamSpec s, BigDecimal d, String path, List<Problem> problems) {
        if ((s.min() != null && d.compareTo(s.min()) < 0) || (s.max() != null && d.compareTo(s.max()) > 0)) {
            String range = s.min() == null ? "at most " + s.max().toPlainString()
                    : s.max() == null ? "at least " + s.min().toPlainString()
                    : "between " + s.min().toPlainString() + " and " + s.max().toPlainString();
            problems.add(new Problem(path, "must be " + range + ", got " + d.toPlainString()));
            return false;
        }
        return true;
    }

    private static BigDecimal asNumber(Object o) {
        if (o instanceof Integer || o instanceof Long) return BigDecimal.valueOf(((Number) o).longValue());
        if (o instanceof BigDecimal b) return b;
        if (o instanceof java.math.BigInteger b) return new BigDecimal(b);
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        if (o instanceof String t) {
            try {
                return new BigDecimal(t.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String show(Object o) {
        return o instanceof String ? "'" + o + "'" : String.valueOf(o);
    }
}
