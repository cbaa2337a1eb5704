package io.tradepilot.engine.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A whole sweep: one {@link CellResult} per cell of the space, in index order.
 *
 * @param dates the dates of {@link CellResult#returns()}: the sorted union of every series' bar start times
 *              (epoch millis)
 */
public record SweepResult(ParameterSpace space, List<String> symbols, long[] dates, List<CellResult> cells) {
    public SweepResult {
        cells = List.copyOf(cells);
        symbols = List.copyOf(symbols);
    }

    /**
     * Combines the chunks of one sweep, in any order. Refuses (IllegalArgumentException) unless their ranges
     * cover {@code [0, space.size())} exactly once.
     */
    public static SweepResult merge(ParameterSpace space, List<String> symbols, long[] dates, List<SweepChunk> chunks) {
        List<SweepChunk> sorted = new ArrayList<>(chunks);
        sorted.sort(Comparator.comparingInt(SweepChunk::from));
        List<CellResult> cells = new ArrayList<>(space.size());
        int next = 0;
        for (SweepChunk c : sorted) {
            if (c.from() != next) {
                throw new IllegalArgumentException(c.from() < next ? "chunks overlap at cell " + c.from() : "cells " + next + ".." + (c.from() - 1) + " missing");
            }
            cells.addAll(c.cells());
            next = c.to();
        }
        if (next != space.size()) throw new IllegalArgumentException("cells " + next + ".." + (space.size() - 1) + " missing");
        return new SweepResult(space, symbols, dates, cells);
    }

    /** The cells ordered best first by {@code metric} (NaN last; ties by cell index). */
    public List<CellResult> ranked(SweepMetric metric) {
        List<CellResult> out = new ArrayList<>(cells);
        out.sort((a, b) -> {
            double x = a.metric(metric), y = b.metric(metric);
            if (metric.better(x, y)) return -1;
            if (metric.better(y, x)) return 1;
            return Integer.compare(a.cell().index(), b.cell().index());
        });
        return out;
    }
}
