package io.tradepilot.engine.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options given to one command, already checked against its declared {@link Option}s (known
 * names, arity, required ones present). Typed getters refuse bad values with a {@link UsageException}
 * that names the option.
 */
public final class ParsedArgs {
    private final String command;
    private final Map<String, List<String>> values;

    ParsedArgs(String command, Map<String, List<String>> values) {
        this.command = command;
        this.values = values;
    }

    public String command() {
        return command;
    }

    /** True when the option was given (flags and valued options). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }

    /** The value of a required option (the parser has ensured it is present). */
    public String required(String name) throws UsageException {
        return value(name).orElseThrow(() -> new UsageException("missing required option --" + name));
    }

    /** All values of a repeatable option, in the order given. */
    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Path path(String name) throws UsageException {
        String v = required(name);
        try {
            return Path.of(v);
        } catch (RuntimeException e) {
            throw new UsageException("--" + name + ": not a valid path: '" + v + "'");
        }
    }

    /**
     * The value of a numeric option (or {@code defaultValue} when it is absent; null for a required one),
     * refused unless it is a number within {@code range}. Whole-number ranges return the value at scale 0
     * ({@code 1e2} and {@code 100.0} give {@code 100}).
     *
     * @throws UsageException naming the option, the range and the value as given, e.g.
     *                        {@code --quantity must be a whole number from 1 to 1000000000: 1.5}
     */
    public BigDecimal number(String name, String defaultValue, NumberRange range) throws UsageException {
        String v = value(name).orElse(defaultValue);
        if (v == null) throw new UsageException("missing required option --" + name);
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": not a number: '" + v + "'");
        }
        if (!range.contains(d)) throw new UsageException("--" + name + " must be " + range.describe() + ": " + v);
        return range.maxDecimals() == 0 ? d.setScale(0) : d;
    }

    /** A whole number from {@code min} to {@code max}, {@code defaultValue} when absent (see {@link #number}). */
    public int integer(String name, int defaultValue, int min, int max) throws UsageException {
        if (!has(name)) return defaultValue;
        return number(name, null, NumberRange.wholeNumber(min, max)).intValueExact();
    }
}
