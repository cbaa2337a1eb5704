package io.tradepilot.engine.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The run of losing and winning round trips, and the entry size reduction it implies
 * ({@link LossSizeReduction}). Mutable; owned by the engine's writer thread.
 *
 * <p>Outcomes: a round trip with negative net P&L is a loss, positive a win, zero neither. A loss adds
 * to the losing streak and, while reduced, resets the winning count; a win ends the losing streak and,
 * while reduced, counts towards restoring full size; a zero result ends the losing streak and changes
 * nothing else. The losing streak also feeds the engine's consecutive-loss trip.
 */
public final class LossStreak {

    private LossSizeReduction rule;
    private int consecutiveLosses;
    private int winsWhileReduced;
    private boolean reduced;

    public LossStreak(LossSizeReduction rule) {
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * Replaces the rule (risk settings applied live), keeping the streak: a rule turned off restores full size at once;
     * otherwise entries are reduced now when the losing streak so far already reaches the new rule's
     * {@code afterLosses}, and a reduction under way ends now when the wins counted so far reach its {@code winsToRestore}.
     */
    public void setRule(LossSizeReduction next) {
        rule = Objects.requireNonNull(next, "rule");
        if (!rule.enabled()) {
            reduced = false;
            winsWhileReduced = 0;
        } else if (!reduced) {
            reduced = consecutiveLosses >= rule.afterLosses();
        } else if (winsWhileReduced >= rule.winsToRestore()) {
            reduced = false;
            winsWhileReduced = 0;
        }
    }

    /** Records one closed round trip's net P&L. */
    public void onRoundTrip(BigDecimal netPnl) {
        int sign = netPnl.signum();
        if (sign < 0) {
            consecutiveLosses++;
            winsWhileReduced = 0;
            if (rule.enabled() && !reduced && consecutiveLosses >= rule.afterLosses()) reduced = true;
        } else {
            consecutiveLosses = 0;
            if (sign > 0 && reduced && ++winsWhileReduced >= rule.winsToRestore()) {
                reduced = false;
                winsWhileReduced = 0;
            }
        }
    }

    /**
     * The entry quantity to use for a requested one: unchanged at full size; while reduced,
     * {@code floor(requested x factor / lot) x lot}, which may be zero.
     */
    public BigDecimal entryQuantity(BigDecimal requested, BigDecimal lotSize) {
        if (!reduced) return requested;
        BigDecimal lots = requested.multiply(rule.factor()).divide(lotSize, 0, RoundingMode.FLOOR);
        return lots.multiply(lotSize);
    }

    public int consecutiveLosses() { return consecutiveLosses; }
    public int winsWhileReduced() { return winsWhileReduced; }
    public boolean reduced() { return reduced; }

    /** The multiplier applied to entries now: the rule's factor while reduced, otherwise 1. */
    public BigDecimal factor() {
        return reduced ? rule.factor() : BigDecimal.ONE;
    }

    public LossSizeReduction rule() { return rule; }

    /** An immutable picture for the engine snapshot. */
    public State state() {
        return new State(consecutiveLosses, reduced, winsWhileReduced, factor());
    }

    /**
     * The streak as other threads see it.
     *
     * @param consecutiveLosses losing round trips in a row now
     * @param reduced           whether entries are reduced now
     * @param winsWhileReduced  winning round trips in a row since the reduction began (0 when not reduced)
     * @param factor            the multiplier applied to entry quantities now (1 at full size)
     */
    public record State(int consecutiveLosses, boolean reduced, int winsWhileReduced, BigDecimal factor) {
        public static final State FULL_SIZE = new State(0, false, 0, BigDecimal.ONE);
    }
}
