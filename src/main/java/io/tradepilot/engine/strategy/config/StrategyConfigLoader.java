package io.tradepilot.engine.strategy.config;

import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.params.ParameterSchema;
import io.tradepilot.engine.strategy.params.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates a strategy configuration document.
 *
 * <p>Shape (YAML shown; the same keys in JSON), optionally wrapped in a top-level {@code strategy:} key as
 * in the seed platform's files:
 * <pre>
 * type: mean-reversion          # required, a Strategies name
 * name: MeanReversion_NIFTY50   # required, non-blank
 * enabled: true                 # default true
 * symbols: [RELIANCE, TCS]      # required unless universe is given, non-empty, distinct
 * universe: "NIFTY 50"          # in place of symbols: a universe's name, resolved by the application (the
 *                               # configuration's symbols stay empty here)
 * parameters: {lookback: 20}    # checked against the type's schema; missing ones take defaults
 * risk_per_trade: 0.25          # percent of equity, (0, 10]; absent: fixed quantity
 * max_positions: 2              # 1..1000; absent: no limit of its own
 * trading_hours: {start: "09:30", end: "15:15"}   # end after start
 * entry_conditions: {min_volume_ratio: 1.2, max_spread_bps: 10}
 * sizing: fixed                 # fixed (default without risk_per_trade), fixed-fractional or atr (both need
 *                               # risk_per_trade), half-kelly (needs kelly)
 * atr: {period: 14, multiple: 2}               # sizing atr only; these defaults when absent
 * kelly: {win_rate: 0.55, average_win: 1.5, average_loss: 1, cap: 0.02}   # sizing half-kelly only; cap default 0.02
 * max_quantity: 500             # cap of a risk-based entry, > 0; absent: no cap; not with sizing fixed
 * twap: {above: 1000, slices: 5}   # entries above 1000 units go as 5 market orders on consecutive bars
 * quantity: 100                 # fixed quantity per entry, > 0; absent: the caller's (e.g. --quantity)
 * intraday: false               # true: squared off every trading day; default false (swing)
 * blackouts: [{start: "12:00", end: "13:00"}, {date: "2026-12-24"}, {date: "2026-12-31", start: "14:00", end: "15:30"}]
 *                               # no entries inside: a window every day, a whole day, or a window on one day
 * </pre>
 * Every problem is reported with its path relative to the strategy mapping ({@code parameters.slow:
 * must be greater than parameters.fast (10)}); unknown keys are problems too.
 */
public final class StrategyConfigLoader {
    private StrategyConfigLoader() {
    }

    static final Set<String> KEYS = Set.of("type", "name", "enabled", "symbols", "parameters", "risk_per_trade", "max_positions",
            "trading_hours", "entry_conditions", "sizing", "quantity", "intraday", "blackouts", "atr", "kelly", "max_quantity", "twap", "universe");

    /** A loaded configuration or the problems, never both. */
    public record Result(StrategyConfig config, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The problems, one per line. */
        public String report() {
            return String.join("\n", problems.stream().map(Problem::toString).toList());
        }
    }

    public static Result load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses YAML or JSON text. */
    public static Result parse(String text) {
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            doc = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            var m = e.getProblemMark();
            String where = m == null ? "" : " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
            return fail(new Problem("(document)", "not valid YAML/JSON" + where + ": " + e.getProblem()));
        } catch (YAMLException e) {
            return fail(new Problem("(document)", "not valid YAML/JSON: " + e.getMessage()));
        }
        if (doc instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("strategy") && m.get("strategy") instanceof Map<?, ?> inner) doc = inner;
        if (!(doc instanceof Map<?, ?> root)) return fail(new Problem("(document)", "must be a mapping of strategy settings"));
        List<Problem> problems = new ArrayList<>();
        for (Object k : root.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) problems.add(new Problem(String.valueOf(k), "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")"));
        }
        String type = text(root, "type", problems, true);
        ParameterSchema schema = null;
        if (type != null) {
            if (Strategies.names().contains(type)) schema = Strategies.definition(type).schema();
            else problems.add(new Problem("type", "unknown strategy type '" + type + "' (known: " + String.join(", ", Strategies.names()) + ")"));
        }
        String name = text(root, "name", problems, true);
        boolean enabled = true;
        if (root.containsKey("enabled")) {
            if (root.get("enabled") instanceof Boolean b) enabled = b;
            else problems.add(new Problem("enabled", "must be true or false, got " + show(root.get("enabled"))));
        }
        String universe = null;
        List<String> symbols = List.of();
        if (root.containsKey("universe")) {
            universe = text(root, "universe", problems, true);
            if (universe != null && universe.length() > 64) problems.add(new Problem("universe", "must be at most 64 characters"));
            if (root.containsKey("symbols")) problems.add(new Problem("universe", "give symbols or a universe, not both"));
        } else {
            symbols = symbols(root.get("symbols"), root.containsKey("symbols"), problems);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (root.containsKey("parameters")) {
            Object p = root.get("parameters");
            if (p instanceof Map<?, ?> pm) pm.forEach((k, v) -> params.put(String.valueOf(k), v));
            else if (p != null) problems.add(new Problem("parameters", "must be a mapping of parameter names to values"));
        }
        ParameterSchema.Result pr = schema == null ? null : schema.validate(params, "parameters.");
        if (pr != null) problems.addAll(pr.problems());
        BigDecimal risk = number(root, "risk_per_trade", new BigDecimal("0"), new BigDecimal("10"), true, problems);
        BigDecimal maxPositions = number(root, "max_positions", BigDecimal.ONE, new BigDecimal("1000"), false, problems);
        if (maxPositions != null && maxPositions.stripTrailingZeros().scale() > 0) {
            problems.add(new Problem("max_positions", "must be an integer, got " + maxPositions.toPlainString()));
            maxPositions = null;
        }
        LocalTime start = null, end = null;
        if (root.containsKey("trading_hours")) {
            if (root.get("trading_hours") instanceof Map<?, ?> th) {
                unknown(th, Set.of("start", "end"), "trading_hours.", problems);
                start = time(th, "start", "trading_hours.start", problems);
                end = time(th, "end", "trading_hours.end", problems);
                if (start != null && end != null && !end.isAfter(start)) {
                    problems.add(new Problem("trading_hours.end", "must be later than trading_hours.start (" + start + ")"));
                }
            } else {
                problems.add(new Problem("trading_hours", "must be a mapping with start and end"));
            }
        }
        BigDecimal minVol = null, maxSpread = null;
        if (root.containsKey("entry_conditions")) {
            if (root.get("entry_conditions") instanceof Map<?, ?> ec) {
                unknown(ec, Set.of("min_volume_ratio", "max_spread_bps"), "entry_conditions.", problems);
                minVol = number(ec, "min_volume_ratio", BigDecimal.ZERO, new BigDecimal("100"), false, "entry_conditions.", problems);
                maxSpread = number(ec, "max_spread_bps", BigDecimal.ZERO, new BigDecimal("10000"), false, "entry_conditions.", problems);
            } else {
                problems.add(new Problem("entry_conditions", "must be a mapping"));
            }
        }
        BigDecimal quantity = number(root, "quantity", BigDecimal.ZERO, new BigDecimal("1000000000"), true, problems);
        boolean intraday = false;
        if (root.containsKey("intraday")) {
            if (root.get("intraday") instanceof Boolean b) intraday = b;
            else problems.add(new Problem("intraday", "must be true or false, got " + show(root.get("intraday"))));
        }
        StrategyConfig.Sizing sizing = root.containsKey("risk_per_trade") ? StrategyConfig.Sizing.FIXED_FRACTIONAL : StrategyConfig.Sizing.FIXED;
        boolean sizingKnown = true;
        if (root.containsKey("sizing")) {
            Object v = root.get("sizing");
            StrategyConfig.Sizing found = null;
            for (StrategyConfig.Sizing z : StrategyConfig.Sizing.values()) if (z.word().equals(v)) found = z;
            if (found == null) {
                sizingKnown = false;
                problems.add(new Problem("sizing", "must be one of [fixed, fixed-fractional, atr, half-kelly], got " + show(v)));
            } else {
                sizing = found;
                if ((found == StrategyConfig.Sizing.FIXED_FRACTIONAL || found == StrategyConfig.Sizing.ATR) && !root.containsKey("risk_per_trade")) {
                    problems.add(new Problem("risk_per_trade", "is required with sizing " + found.word()));
                }
                if (found == StrategyConfig.Sizing.FIXED && root.containsKey("risk_per_trade")) {
                    problems.add(new Problem("sizing", "fixed sizing ignores risk_per_trade: remove one of them"));
                }
                if (found == StrategyConfig.Sizing.HALF_KELLY && root.containsKey("risk_per_trade")) {
                    problems.add(new Problem("risk_per_trade", "half-kelly sizing takes its risk from kelly: remove risk_per_trade"));
                }
            }
        }
        StrategyConfig.Atr atr = sizingKnown ? atr(root, sizing, problems) : null;
        StrategyConfig.Kelly kelly = sizingKnown ? kelly(root, sizing, problems) : null;
        BigDecimal maxQuantity = number(root, "max_quantity", BigDecimal.ZERO, new BigDecimal("1000000000"), true, problems);
        if (maxQuantity != null && sizing == StrategyConfig.Sizing.FIXED) {
            problems.add(new Problem("max_quantity", "caps risk-based sizing only: fixed sizing trades quantity"));
        }
        StrategyConfig.Twap twap = twap(root, problems);
        List<StrategyConfig.Window> blackouts = new ArrayList<>();
        if (root.containsKey("blackouts")) {
            if (root.get("blackouts") instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    String at = "blackouts[" + i + "]";
                    if (!(l.get(i) instanceof Map<?, ?> w)) {
                        problems.add(new Problem(at, "must be a mapping with start and end"));
                        continue;
                    }
                    unknown(w, Set.of("date", "start", "end"), at + ".", problems);
                    java.time.LocalDate wd = w.containsKey("date") ? date(w.get("date"), at + ".date", problems) : null;
                    if (w.containsKey("date") && wd == null) continue;
                    if (wd != null && !w.containsKey("start") && !w.containsKey("end")) {
                        blackouts.add(new StrategyConfig.Window(wd, null, null));
                        continue;
                    }
                    LocalTime ws = time(w, "start", at + ".start", problems), we = time(w, "end", at + ".end", problems);
                    if (ws != null && we != null) {
                        if (!we.isAfter(ws)) problems.add(new Problem(at + ".end", "must be later than " + at + ".start (" + ws + ")"));
                        else blackouts.add(new StrategyConfig.Window(wd, ws, we));
                    }
                }
            } else {
                problems.add(new Problem("blackouts", "must be a list of {start, end}, {date} or {date, start, end} windows"));
            }
        }
        if (!problems.isEmpty()) return new Result(null, List.copyOf(problems));
        return new Result(new StrategyConfig(type, name, enabled, symbols, pr.values(), risk,
                maxPositions == null ? 0 : maxPositions.intValue(), start, end, minVol, maxSpread, quantity, intraday, sizing,
                blackouts, atr, kelly, maxQuantity, twap, universe), List.of());
    }

    /** The ATR mode's inputs (defaults: period 14, multiple 2); a problem when given to another mode. */
    private static StrategyConfig.Atr atr(Map<?, ?> root, StrategyConfig.Sizing sizing, List<Problem> problems) {
        Map<?, ?> m = section(root, "atr", sizing == StrategyConfig.Sizing.ATR, problems);
        if (m == null) return sizing == StrategyConfig.Sizing.ATR && !root.containsKey("atr") ? new StrategyConfig.Atr(14, new BigDecimal("2")) : null;
        unknown(m, Set.of("period", "multiple"), "atr.", problems);
        BigDecimal period = number(m, "period", BigDecimal.ONE, new BigDecimal("1000"), false, "atr.", problems);
        if (period != null && period.stripTrailingZeros().scale() > 0) {
            problems.add(new Problem("atr.period", "must be an integer, got " + period.toPlainString()));
            period = null;
        }
        BigDecimal multiple = number(m, "multiple", BigDecimal.ZERO, new BigDecimal("100"), true, "atr.", problems);
        return new StrategyConfig.Atr(period == null ? 14 : period.intValue(), multiple == null ? new BigDecimal("2") : multiple);
    }

    /** The half-Kelly mode's inputs: win_rate, average_win, average_loss required, cap default 0.02. */
    private static StrategyConfig.Kelly kelly(Map<?, ?> root, StrategyConfig.Sizing sizing, List<Problem> problems) {
        boolean wanted = sizing == StrategyConfig.Sizing.HALF_KELLY;
        Map<?, ?> m = section(root, "kelly", wanted, problems);
        if (m == null) {
            if (wanted && !root.containsKey("kelly")) problems.add(new Problem("kelly", "is required with sizing half-kelly: {win_rate, average_win, average_loss}"));
            return null;
        }
        unknown(m, Set.of("win_rate", "average_win", "average_loss", "cap"), "kelly.", problems);
        for (String k : List.of("win_rate", "average_win", "average_loss")) {
            if (m.get(k) == null) problems.add(new Problem("kelly." + k, "is required with sizing half-kelly"));
        }
        BigDecimal winRate = number(m, "win_rate", BigDecimal.ZERO, BigDecimal.ONE, false, "kelly.", problems);
        BigDecimal win = number(m, "average_win", BigDecimal.ZERO, new BigDecimal("1000000000"), true, "kelly.", problems);
        BigDecimal loss = number(m, "average_loss", BigDecimal.ZERO, new BigDecimal("1000000000"), false, "kelly.", problems);
        BigDecimal cap = number(m, "cap", BigDecimal.ZERO, BigDecimal.ONE, true, "kelly.", problems);
        return new StrategyConfig.Kelly(winRate, win, loss, cap == null ? new BigDecimal("0.02") : cap);
    }

    /** Optional TWAP slicing: {above} required, slices 2..100 (default 5). */
    private static StrategyConfig.Twap twap(Map<?, ?> root, List<Problem> problems) {
        Map<?, ?> m = section(root, "twap", true, problems);
        if (m == null) return null;
        unknown(m, Set.of("above", "slices"), "twap.", problems);
        if (m.get("above") == null) problems.add(new Problem("twap.above", "is required: entries larger than this many units are sliced"));
        BigDecimal above = number(m, "above", BigDecimal.ZERO, new BigDecimal("1000000000"), true, "twap.", problems);
        BigDecimal slices = number(m, "slices", BigDecimal.TWO, new BigDecimal("100"), false, "twap.", problems);
        if (slices != null && slices.stripTrailingZeros().scale() > 0) {
            problems.add(new Problem("twap.slices", "must be an integer, got " + slices.toPlainString()));
            slices = null;
        }
        return new StrategyConfig.Twap(above, slices == null ? 5 : slices.intValue());
    }

    /** The mapping under {@code key}, or null (with a problem when present but not a mapping, or not {@code allowed}). */
    private static Map<?, ?> section(Map<?, ?> root, String key, boolean allowed, List<Problem> problems) {
        if (!root.containsKey(key)) return null;
        if (!allowed) {
            problems.add(new Problem(key, "only applies with sizing " + (key.equals("atr") ? "atr" : "half-kelly") + ": remove it"));
            return null;
        }
        if (!(root.get(key) instanceof Map<?, ?> m)) {
            problems.add(new Problem(key, "must be a mapping"));
            return null;
        }
        return m;
    }

    private static Result fail(Problem p) {
        return new Result(null, List.of(p));
    }

    private static String text(Map<?, ?> m, String key, List<Problem> problems, boolean required) {
        Object v = m.get(key);
        if (v == null) {
            if (required) problems.add(new Problem(key, "is required"));
            return null;
        }
        if (!(v instanceof String s) || s.isBlank()) {
            problems.add(new Problem(key, "must be a non-empty text, got " + show(v)));
            return null;
        }
        return s.strip();
    }

    private static List<String> symbols(Object v, boolean present, List<Problem> problems) {
        if (!present || v == null) {
            problems.add(new Problem("symbols", "is required: a list of at least one symbol"));
            return List.of();
        }
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            problems.add(new Problem("symbols", "must be a non-empty list of symbols"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < l.size(); i++) {
            Object o = l.get(i);
            if (!(o instanceof String s) || s.isBlank()) problems.add(new Problem("symbols[" + i + "]", "must be a non-empty text, got " + show(o)));
            else if (!seen.add(s.strip())) problems.add(new Problem("symbols[" + i + "]", "duplicate symbol '" + s.strip() + "'"));
            else out.add(s.strip());
        }
        return out;
    }

    private static BigDecimal number(Map<?, ?> m, String key, BigDecimal min, BigDecimal max, boolean minExclusive, List<Problem> problems) {
        return number(m, key, min, max, minExclusive, "", problems);
    }

    private static BigDecimal number(Map<?, ?> m, String key, BigDecimal min, BigDecimal max, boolean minExclusive, String prefix, List<Problem> problems) {
        if (!m.containsKey(key) || m.get(key) == null) return null;
        Object v = m.get(key);
        BigDecimal d = null;
        if (v instanceof Integer || v instanceof Long) d = BigDecimal.valueOf(((Number) v).longValue());
        else if (v instanceof java.math.BigInteger b) d = new BigDecimal(b);
        else if (v instanceof Double x && Double.isFinite(x)) d = new BigDecimal(Double.toString(x));
        if (d == null) {
            problems.add(new Problem(prefix + key, "must be a number, got " + show(v)));
            return null;
        }
        boolean low = minExclusive ? d.compareTo(min) <= 0 : d.compareTo(min) < 0;
        if (low || d.compareTo(max) > 0) {
            problems.add(new Problem(prefix + key, "must be " + (minExclusive ? "greater than " : "at least ") + min.toPlainString()
                    + " and at most " + max.toPlainString() + ", got " + d.toPlainString()));
            return null;
        }
        return d;
    }

    private static LocalTime time(Map<?, ?> m, String key, String path, List<Problem> problems) {
        Object v = m.get(key);
        if (v == null) {
            problems.add(new Problem(path, "is required"));
            return null;
        }
        if (v instanceof Integer) {
            problems.add(new Problem(path, "must be a time in quotes, e.g. \"15:15\" (YAML reads an unquoted 15:15 as the number 915), got " + v));
            return null;
        }
        if (v instanceof String s) {
            try {
                return LocalTime.parse(s.strip());
            } catch (DateTimeParseException e) {
                // fall through
            }
        }
        problems.add(new Problem(path, "must be a time HH:mm, got " + show(v)));
        return null;
    }

    /** A date {@code yyyy-MM-dd}: quoted, or unquoted (which YAML reads as a timestamp at midnight UTC). */
    private static java.time.LocalDate date(Object v, String path, List<Problem> problems) {
        if (v instanceof java.util.Date d) {
            java.time.Instant i = d.toInstant();
            if (i.atZone(java.time.ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) return i.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        } else if (v instanceof String s) {
            try {
                return java.time.LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                // fall through
            }
        }
        problems.add(new Problem(path, "must be a date yyyy-MM-dd, got " + show(v)));
        return null;
    }

    private static void unknown(Map<?, ?> m, Set<String> known, String prefix, List<Problem> problems) {
        for (Object k : m.keySet()) {
            if (!known.contains(String.valueOf(k))) problems.add(new Problem(prefix + k, "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")"));
        }
    }

    private static String show(Object o) {
        return o instanceof String ? "'" + o + "'" : String.valueOf(o);
    }
}
