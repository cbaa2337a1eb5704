package io.tradepilot.engine.cli;

import java.util.Objects;

/**
 * One {@code --name} option of a command.
 *
 * @param name      without the leading dashes
 * @param arity     flag, one value, or repeatable value
 * @param required  whether the command refuses to run without it
 * @param valueHint how the value is shown in usage ({@code FILE}, {@code k=v}); empty for flags
 * @param help      one line of help
 */
public record Option(String name, Arity arity, boolean required, String valueHint, String help) {

    /** How many values an option takes. */
    public enum Arity {
        /** Present or absent, no value. */
        FLAG,
        /** Exactly one value; given at most once. */
        ONE,
        /** One value per occurrence; may be repeated. */
        MANY
    }

    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arity, "arity");
        if (arity == Arity.FLAG && required) throw new IllegalArgumentException("a flag cannot be required");
    }

    public static Option flag(String name, String help) {
        return new Option(name, Arity.FLAG, false, "", help);
    }

    public static Option required(String name, String valueHint, String help) {
        return new Option(name, Arity.ONE, true, valueHint, help);
    }

    public static Option optional(String name, String valueHint, String help) {
        return new Option(name, Arity.ONE, false, valueHint, help);
    }

    public static Option repeatable(String name, String valueHint, String help) {
        return new Option(name, Arity.MANY, false, valueHint, help);
    }

    /** {@code --name VALUE} as shown in usage, bracketed when optional. */
    public String synopsis() {
        String s = "--" + name + (arity == Arity.FLAG ? "" : " " + valueHint);
        if (arity == Arity.MANY) s = s + " ...";
        return required ? s : "[" + s + "]";
    }
}
