package io.tradepilot.engine.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/**
 * Parses {@code --name value}, {@code --name=value} and {@code --flag} arguments against a command's
 * declared options. Refuses, with a {@link UsageException}: unknown options, positional arguments, a
 * missing value, a flag given a value, a single-valued option given twice, a missing required option.
 */
public final class OptionParser {

    private OptionParser() {
    }

    public static ParsedArgs parse(String command, List<Option> options, List<String> args) throws UsageException {
        Map<String, Option> byName = new LinkedHashMap<>();
        for (Option o : options) byName.put(o.name(), o);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Option o = byName.get(name);
            if (o == null) throw new UsageException("unknown option --" + name + " for " + command);
            List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
            switch (o.arity()) {
                case FLAG -> {
                    if (inline != null) throw new UsageException("option --" + name + " takes no value");
                }
                case ONE, MANY -> {
                    if (o.arity() == Option.Arity.ONE && !list.isEmpty()) throw new UsageException("option --" + name + " given twice");
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                            throw new UsageException("option --" + name + " needs a value (" + o.valueHint() + ")");
                        }
                        v = args.get(++i);
                    }
                    list.add(v);
                }
            }
        }
        for (Option o : options) {
            if (o.required() && !values.containsKey(o.name())) throw new UsageException("missing required option --" + o.name());
        }
        return new ParsedArgs(command, values);
    }
}
