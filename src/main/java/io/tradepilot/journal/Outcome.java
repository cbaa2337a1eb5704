package io.tradepilot.journal;

/** A closed trade's result by its net P&L (after fees); {@link #OPEN} for a trade still held. */
public enum Outcome {
    WIN, LOSS, BREAKEVEN, OPEN
}
