package io.tradepilot.engine.risk;

/** Time-weighted slicing of a parent quantity. */
public final class Twap {
    private Twap() {}

    /**
     * Splits {@code total} units into {@code slices} integral parts differing by at most one, larger
     * parts first: 103 / 5 gives 21, 21, 21, 20, 20. When {@code total < slices} the trailing slices are zero.
     */
    public static long[] slices(long total, int slices) {
        if (total < 0) throw new IllegalArgumentException("total must not be negative");
        if (slices <= 0) throw new IllegalArgumentException("slices must be positive");
        long base = total / slices;
        long extra = total % slices;
        long[] out = new long[slices];
        for (int i = 0; i < slices; i++) out[i] = base + (i < extra ? 1 : 0);
        return out;
    }

    /** As {@link #slices(long, int)} in whole lots: every slice is a multiple of {@code lot}; refuses a total off the lot size. */
    public static long[] slicesInLots(long total, int slices, long lot) {
        if (lot <= 0 || total % lot != 0) throw new IllegalArgumentException(total + " is not a multiple of the lot " + lot);
        long[] s = slices(total / lot, slices);
        for (int i = 0; i < s.length; i++) s[i] *= lot;
        return s;
    }
}
