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

    /** A decimal, refused when not a plain number. */
    public BigDecimal decimal(String name, String defaultValue) throws UsageException {
        String v = value(name).orElse(defaultValue);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": not a number: '" + v + "'");
        }
    }

    public int integer(String name, int defaultValue, int min, int max) throws UsageException {
        Optional<String> v = value(name);
        if (v.isEmpty()) return defaultValue;
        try {
            int i = Integer.parseInt(v.get());
            if (i < min || i > max) throw new UsageException("--" + name + " must be " + min + ".." + max + ": " + i);
            return i;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + ": not an integer: '" + v.get() + "'");
        }
    }
}
