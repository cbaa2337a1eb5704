package io.tradepilot.strategies.internal;

import io.tradepilot.engine.strategy.params.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record (and the records, enums and lists inside it) as a YAML document and back, by reflection over its
 * components, so that a component added to the record is read, written and compared without a change here. Keys
 * are the components' names in kebab-case ({@code max-total-exposure}), as in {@code application.yaml}.
 *
 * <p>Supported component types: {@code BigDecimal}, {@code int}/{@code long}/{@code boolean} and their boxes,
 * {@code String}, enums, {@code LocalTime}, {@code Duration}, {@code ZoneId}, records, and {@code List}/{@code Set}
 * of those. Reading reports every problem with its path (unknown key, wrong type), and the record's own
 * refusal (its constructor's IllegalArgumentException) as a problem at {@code (document)}. A missing key reads as
 * null (0 or false for a primitive), which the record decides about.
 */
final class RecordYaml {
    private RecordYaml() {
    }

    /** A read record, or the problems (never both). */
    record Read<R>(R value, List<Problem> problems) {
    }

    static String write(Record r) {
        StringBuilder y = new StringBuilder();
        writeRecord(r, "", y);
        return y.toString();
    }

    private static void writeRecord(Record r, String indent, StringBuilder y) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = get(c, r);
            y.append(indent).append(kebab(c.getName())).append(':');
            if (v instanceof Record inner) {
                y.append('\n');
                writeRecord(inner, indent + "  ", y);
            } else {
                y.append(' ').append(scalar(v)).append('\n');
            }
        }
    }

    private static String scalar(Object v) {
        if (v == null) return "null";
        if (v instanceof java.util.Collection<?> list) {
            List<String> items = new ArrayList<>();
            for (Object o : list) items.add(scalar(o));
            return "[" + String.join(", ", items) + "]";
        }
        return switch (v) {
            case BigDecimal d -> d.toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Enum<?> e -> quote(e.name());
            default -> quote(v.toString());
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static <R extends Record> Read<R> read(Class<R> type, String yaml) {
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            doc = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            return new Read<>(null, List.of(new Problem("(document)", "not valid YAML: " + e.getMessage())));
        }
        if (!(doc instanceof Map<?, ?> m)) return new Read<>(null, List.of(new Problem("(document)", "must be a mapping of limits")));
        List<Problem> problems = new ArrayList<>();
        Object r = record(type, m, "", problems);
        if (!problems.isEmpty()) return new Read<>(null, List.copyOf(problems));
        return new Read<>(type.cast(r), List.of());
    }

    private static Object record(Class<?> type, Map<?, ?> m, String prefix, List<Problem> problems) {
        RecordComponent[] cs = type.getRecordComponents();
        Set<String> known = new LinkedHashSet<>();
        for (RecordComponent c : cs) known.add(kebab(c.getName()));
        for (Object k : m.keySet()) {
            if (!known.contains(String.valueOf(k))) problems.add(new Problem(prefix + k, "unknown key (known: " + String.join(", ", known) + ")"));
        }
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        int before = problems.size();
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            String key = kebab(cs[i].getName());
            args[i] = value(cs[i].getType(), cs[i].getGenericType(), m.get(key), prefix + key, problems);
        }
        if (problems.size() > before) return null;
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            problems.add(new Problem(prefix.isEmpty() ? "(document)" : prefix.substring(0, prefix.length() - 1),
                    cause instanceof IllegalArgumentException ? cause.getMessage() : "refused: " + cause));
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    private static Object value(Class<?> type, Type generic, Object v, String path, List<Problem> problems) {
        if (v == null) {
            if (type == int.class || type == long.class) return type == int.class ? (Object) 0 : (Object) 0L;
            if (type == boolean.class) return false;
            if (List.class.isAssignableFrom(type)) return List.of();
            if (Set.class.isAssignableFrom(type)) return Set.of();
            return null;
        }
        try {
            if (type == BigDecimal.class) {
                BigDecimal d = number(v);
                if (d == null) problems.add(new Problem(path, "must be a number, got " + show(v)));
                return d;
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                BigDecimal d = number(v);
                if (d == null || d.stripTrailingZeros().scale() > 0) {
                    problems.add(new Problem(path, "must be an integer, got " + show(v)));
                    return null;
                }
                return type == int.class || type == Integer.class ? (Object) d.intValueExact() : (Object) d.longValueExact();
            }
            if (type == boolean.class || type == Boolean.class) {
                if (v instanceof Boolean b) return b;
                problems.add(new Problem(path, "must be true or false, got " + show(v)));
                return null;
            }
            if (type == String.class) return String.valueOf(v);
            if (type.isEnum()) {
                for (Object c : type.getEnumConstants()) if (((Enum<?>) c).name().equalsIgnoreCase(String.valueOf(v).replace('-', '_'))) return c;
                List<String> names = new ArrayList<>();
                for (Object c : type.getEnumConstants()) names.add(((Enum<?>) c).name());
                problems.add(new Problem(path, "must be one of " + names + ", got " + show(v)));
                return null;
            }
            if (type == LocalTime.class) return LocalTime.parse(String.valueOf(v).strip());
            if (type == Duration.class) return Duration.parse(String.valueOf(v).strip());
            if (type == ZoneId.class) return ZoneId.of(String.valueOf(v).strip());
            if (type.isRecord()) {
                if (v instanceof Map<?, ?> m) return record(type, m, path + ".", problems);
                problems.add(new Problem(path, "must be a mapping"));
                return null;
            }
            if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
                if (!(v instanceof List<?> l)) {
                    problems.add(new Problem(path, "must be a list, got " + show(v)));
                    return null;
                }
                Type item = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
                Class<?> itemClass = item instanceof Class<?> c ? c : item instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) out.add(value(itemClass, item, l.get(i), path + "[" + i + "]", problems));
                return Set.class.isAssignableFrom(type) ? new LinkedHashSet<>(out) : out;
            }
        } catch (RuntimeException e) {
            problems.add(new Problem(path, "is not a valid " + type.getSimpleName() + ": " + show(v)));
            return null;
        }
        problems.add(new Problem(path, "has a type this page cannot edit (" + type.getSimpleName() + ")"));
        return null;
    }

    private static BigDecimal number(Object v) {
        if (v instanceof Integer || v instanceof Long) return BigDecimal.valueOf(((Number) v).longValue());
        if (v instanceof java.math.BigInteger b) return new BigDecimal(b);
        if (v instanceof Double d && Double.isFinite(d)) return new BigDecimal(Double.toString(d));
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    /** {@code maxTotalExposure} → {@code max-total-exposure}. */
    static String kebab(String name) {
        StringBuilder out = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if (Character.isUpperCase(ch)) out.append('-').append(Character.toLowerCase(ch));
            else out.append(ch);
        }
        return out.toString();
    }

    private static String show(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }

    /** Path to value text of {@code r} (nested records walked), for comparisons; lists whole. */
    static Map<String, Object> leaves(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        leaves(r, "", out);
        return out;
    }

    private static void leaves(Record r, String prefix, Map<String, Object> out) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v = get(c, r);
            if (v instanceof Record inner) leaves(inner, prefix + kebab(c.getName()) + ".", out);
            else out.put(prefix + kebab(c.getName()), v);
        }
    }
}
