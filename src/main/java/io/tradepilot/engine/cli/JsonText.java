package io.tradepilot.engine.cli;

import io.tradepilot.engine.strategy.threeweek.ScanReportWriter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Small JSON documents of the research commands, written by hand (the engine uses no JSON library): maps
 * (insertion order), lists, arrays of doubles, strings (escaped), booleans, exact decimals in plain notation,
 * numbers; NaN and infinities are {@code null}, as in {@code metrics.json}.
 */
final class JsonText {
    private JsonText() {}

    static String of(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        switch (v) {
            case null -> sb.append("null");
            case BigDecimal b -> sb.append(b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString());
            case Double d -> sb.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            case String s -> string(sb, s);
            case double[] a -> {
                sb.append('[');
                for (int i = 0; i < a.length; i++) {
                    if (i > 0) sb.append(", ");
                    write(sb, a[i], indent);
                }
                sb.append(']');
            }
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append("{\n");
                int i = 0;
                for (var e : m.entrySet()) {
                    sb.append("  ".repeat(indent + 1));
                    string(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), indent + 1);
                    sb.append(++i < m.size() ? ",\n" : "\n");
                }
                sb.append("  ".repeat(indent)).append('}');
            }
            case List<?> l -> {
                if (l.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append("[\n");
                for (int i = 0; i < l.size(); i++) {
                    sb.append("  ".repeat(indent + 1));
                    write(sb, l.get(i), indent + 1);
                    sb.append(i + 1 < l.size() ? ",\n" : "\n");
                }
                sb.append("  ".repeat(indent)).append(']');
            }
            default -> string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append(ScanReportWriter.quote(s));
    }
}
