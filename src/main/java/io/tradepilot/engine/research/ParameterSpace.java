package io.tradepilot.engine.research;

import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.params.ParamSpec;
import io.tradepilot.engine.strategy.params.ParameterSchema;
import io.tradepilot.engine.strategy.params.Problem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The cells of a sweep over a strategy's {@link ParameterSchema}: the grid of its axes, or a seeded random
 * sample of that grid.
 *
 * <p>Contracts. Every axis names a parameter of the strategy and every value is valid for that parameter
 * by itself (type, range); otherwise construction refuses with an {@link IllegalArgumentException} listing
 * the problems. Combinations that break a cross-field rule of the schema (sma-cross: {@code slow > fast})
 * are not cells; {@link #skipped()} counts them. Grid order: the first axis varies slowest, the last
 * fastest; cell indices are dense from 0. Random: {@code samples} distinct valid grid points drawn by a
 * seeded shuffle ({@link SplittableRandom}), in drawn order — the same seed gives the same cells.
 */
public final class ParameterSpace {
    /** Most combinations a space may enumerate. */
    public static final long MAX_COMBINATIONS = 2_000_000;

    private final String strategy;
    private final List<ParameterAxis> axes;
    private final List<Cell> cells;
    private final int skipped;

    private ParameterSpace(String strategy, List<ParameterAxis> axes, List<Cell> cells, int skipped) {
        this.strategy = strategy;
        this.axes = axes;
        this.cells = cells;
        this.skipped = skipped;
    }

    /** Every valid combination of the axes. */
    public static ParameterSpace grid(String strategy, List<ParameterAxis> axes) {
        List<Map<String, String>> valid = new ArrayList<>();
        int skipped = enumerate(strategy, axes, valid);
        return new ParameterSpace(strategy, List.copyOf(axes), index(valid), skipped);
    }

    /** {@code samples} distinct valid combinations (all of them when there are fewer), drawn with {@code seed}. */
    public static ParameterSpace random(String strategy, List<ParameterAxis> axes, int samples, long seed) {
        if (samples < 1) throw new IllegalArgumentException("samples must be at least 1");
        List<Map<String, String>> valid = new ArrayList<>();
        int skipped = enumerate(strategy, axes, valid);
        SplittableRandom rnd = new SplittableRandom(seed);
        int take = Math.min(samples, valid.size());
        for (int i = 0; i < take; i++) { // partial Fisher-Yates: the first `take` positions are the sample
            int j = i + rnd.nextInt(valid.size() - i);
            Map<String, String> t = valid.get(i);
            valid.set(i, valid.get(j));
            valid.set(j, t);
        }
        return new ParameterSpace(strategy, List.copyOf(axes), index(valid.subList(0, take)), skipped);
    }

    private static List<Cell> index(List<Map<String, String>> params) {
        List<Cell> cells = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) cells.add(new Cell(i, params.get(i)));
        return List.copyOf(cells);
    }

    private static int enumerate(String strategy, List<ParameterAxis> axes, List<Map<String, String>> out) {
        ParameterSchema schema = Strategies.definition(strategy).schema();
        if (axes.isEmpty()) throw new IllegalArgumentException("a sweep needs at least one parameter axis");
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        for (ParamSpec s : schema.specs()) specs.put(s.name(), s);
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long combinations = 1;
        for (ParameterAxis a : axes) {
            if (!names.add(a.name())) problems.add(a.name() + ": swept twice");
            ParamSpec spec = specs.get(a.name());
            if (spec == null) {
                problems.add(a.name() + ": unknown parameter of " + strategy + " (known: " + String.join(", ", specs.keySet()) + ")");
                continue;
            }
            ParameterSchema alone = new ParameterSchema(List.of(spec), List.of());
            for (String v : a.values()) {
                for (Problem p : alone.validate(Map.of(a.name(), v), "").problems()) problems.add(p.toString());
            }
            combinations *= a.values().size();
            if (combinations > MAX_COMBINATIONS) problems.add("more than " + MAX_COMBINATIONS + " combinations");
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        int[] at = new int[axes.size()];
        int skipped = 0;
        while (true) {
            Map<String, String> p = new LinkedHashMap<>();
            for (int k = 0; k < at.length; k++) p.put(axes.get(k).name(), axes.get(k).values().get(at[k]));
            if (schema.validate(p, "").ok()) out.add(p);
            else skipped++;
            int k = at.length - 1;
            while (k >= 0 && ++at[k] == axes.get(k).values().size()) at[k--] = 0;
            if (k < 0) return skipped;
        }
    }

    public String strategy() { return strategy; }
    public List<ParameterAxis> axes() { return axes; }
    public List<Cell> cells() { return cells; }
    public int size() { return cells.size(); }
    /** Combinations of the grid refused by a cross-field rule of the schema. */
    public int skipped() { return skipped; }
}
