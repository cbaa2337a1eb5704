package io.tradepilot.strategies.internal;

import io.tradepilot.strategies.ConfigChange;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The differences between two YAML documents, path by path: mappings are walked ({@code parameters.fast}), lists and
 * scalars compared whole. Values are compared as written (a decimal {@code 2.0} equals {@code 2.0}, not {@code 2}).
 */
final class ConfigDiff {
    private ConfigDiff() {
    }

    static List<ConfigChange> between(String before, String after) {
        Map<String, String> a = flatten(before), b = flatten(after);
        List<ConfigChange> out = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String path : paths) {
            String x = a.get(path), y = b.get(path);
            if (!Objects.equals(x, y)) out.add(new ConfigChange(path, x, y));
        }
        return List.copyOf(out);
    }

    /** Path to the value's text, sorted by path; an unreadable document is one entry at {@code (document)}. */
    static Map<String, String> flatten(String yaml) {
        Map<String, String> out = new TreeMap<>();
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            out.put("(document)", yaml);
            return out;
        }
        walk("", doc, out);
        return out;
    }

    private static void walk(String path, Object v, Map<String, String> out) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty() && !path.isEmpty()) out.put(path, "{}");
            m.forEach((k, x) -> walk(path.isEmpty() ? String.valueOf(k) : path + "." + k, x, out));
        } else {
            out.put(path.isEmpty() ? "(document)" : path, String.valueOf(v));
        }
    }
}
