package io.tradepilot.backtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A portfolio run's correlation groups as text, the form the run page takes and the run row stores:
 * {@code banks: HDFCBANK, ICICIBANK; it: INFY, TCS} (groups separated by {@code ;}, a name, {@code :}, its symbols
 * separated by {@code ,}). {@link #parse} and {@link #format} are inverse on what {@code parse} accepts.
 */
public final class CorrelationGroups {

    /** The request field the groups are refused under. */
    public static final String FIELD = "correlationGroups";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.&-]{1,40}");

    private CorrelationGroups() {
    }

    /**
     * The groups in {@code text} in their order (null or blank: none). Refuses (400 {@code INVALID_PARAMETER} on
     * {@link #FIELD}) a group without {@code name:}, a bad name, a name given twice or a group without symbols; the
     * symbols themselves are checked by {@link Backtests#submit}.
     */
    public static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return groups;
        for (String part : text.split(";")) {
            if (part.isBlank()) continue;
            int colon = part.indexOf(':');
            if (colon < 0) throw BacktestRefusal.badParameter(FIELD, "Write each group as name: SYMBOL, SYMBOL (groups separated by ;): '" + clip(part.strip()) + "'.");
            String name = checkName(part.substring(0, colon));
            if (groups.containsKey(name)) throw BacktestRefusal.badParameter(FIELD, "The group " + name + " is given twice.");
            List<String> symbols = new ArrayList<>();
            for (String s : part.substring(colon + 1).split(",")) if (!s.isBlank()) symbols.add(s.strip());
            if (symbols.isEmpty()) throw BacktestRefusal.badParameter(FIELD, "The group " + name + " has no symbols.");
            groups.put(name, List.copyOf(symbols));
        }
        return groups;
    }

    /** {@code name} stripped; refuses (on {@link #FIELD}) one that is not 1-40 of A-Z, a-z, 0-9, {@code . _ & -}. */
    public static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) throw BacktestRefusal.badParameter(FIELD, "A group name is 1-40 of A-Z, a-z, 0-9, . _ & -: '" + clip(n) + "'.");
        return n;
    }

    /** The text of {@code groups} (null or empty: null). */
    public static String format(Map<String, List<String>> groups) {
        if (groups == null || groups.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        groups.forEach((name, symbols) -> parts.add(name + ": " + String.join(", ", symbols)));
        return String.join("; ", parts);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
