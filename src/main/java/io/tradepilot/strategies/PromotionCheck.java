package io.tradepilot.strategies;

/**
 * One check of the promotion gate: its name ({@code EVIDENCE}, {@code MIN_TRADES}, {@code MIN_SHARPE}, {@code
 * MAX_DRAWDOWN_P95}, {@code PAPER_STAGE}, {@code MIN_PAPER_DAYS}), the evidence's figure, what the threshold
 * requires, and whether it passed.
 */
public record PromotionCheck(String name, String actual, String required, boolean passed) {

    @Override
    public String toString() {
        return name + ": " + actual + " (required " + required + ")";
    }
}
