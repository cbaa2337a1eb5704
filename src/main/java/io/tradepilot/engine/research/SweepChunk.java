package io.tradepilot.engine.research;

import java.util.List;

/**
 * The results of the contiguous cell range {@code [from, to)} of a sweep: the unit a job computes. Chunks of
 * one sweep combine with {@link SweepResult#merge}, which refuses gaps and overlaps.
 *
 * @param cells in index order, {@code cells.get(k).cell().index() == from + k}
 */
public record SweepChunk(int from, int to, List<CellResult> cells) {
    public SweepChunk {
        if (from < 0 || to < from) throw new IllegalArgumentException("bad chunk [" + from + ", " + to + ")");
        cells = List.copyOf(cells);
        if (cells.size() != to - from) throw new IllegalArgumentException("chunk [" + from + ", " + to + ") holds " + cells.size() + " cells");
        for (int k = 0; k < cells.size(); k++) {
            if (cells.get(k).cell().index() != from + k) throw new IllegalArgumentException("chunk [" + from + ", " + to + ") out of order at " + k);
        }
    }

    /**
     * Splits {@code cells} cells into contiguous ranges of at most {@code size} cells, in order; their union is
     * {@code [0, cells)} and they do not overlap.
     */
    public static List<int[]> ranges(int cells, int size) {
        if (cells < 0 || size < 1) throw new IllegalArgumentException("cells must be >= 0 and size >= 1");
        List<int[]> out = new java.util.ArrayList<>();
        for (int from = 0; from < cells; from += size) out.add(new int[]{from, Math.min(cells, from + size)});
        return out;
    }
}
