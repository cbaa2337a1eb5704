package io.tradepilot.engine.strategy.params;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One parameter: name, type, default (its text form) and, for numbers, an inclusive range (null bound:
 * open); for {@link ParamType#CHOICE}, the allowed words. {@code help} says what it means, with its unit.
 */
public record ParamSpec(String name, ParamType type, String defaultValue, BigDecimal min, BigDecimal max, List<String> choices, String help) {
    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ParamSpec integer(String name, int dflt, int min, int max, String help) {
        return new ParamSpec(name, ParamType.INTEGER, Integer.toString(dflt), BigDecimal.valueOf(min), BigDecimal.valueOf(max), null, help);
    }

    public static ParamSpec decimal(String name, String dflt, String min, String max, String help) {
        return new ParamSpec(name, ParamType.DECIMAL, dflt, min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), null, help);
    }

    public static ParamSpec bool(String name, boolean dflt, String help) {
        return new ParamSpec(name, ParamType.BOOLEAN, Boolean.toString(dflt), null, null, null, help);
    }

    public static ParamSpec time(String name, String dflt, String help) {
        return new ParamSpec(name, ParamType.TIME, dflt, null, null, null, help);
    }

    public static ParamSpec choice(String name, String dflt, List<String> choices, String help) {
        return new ParamSpec(name, ParamType.CHOICE, dflt, null, null, choices, help);
    }
}
