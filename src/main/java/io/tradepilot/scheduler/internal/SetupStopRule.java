package io.tradepilot.scheduler.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an entered 3WI trade's stop moves as the trade goes its way (pure). The 3WI document's tracker rules ("+3 % → move
 * stop loss to breakeven; +6 % → … trail stop; +10 % → … trail remaining; +15 % → trail aggressively") read as a ladder:
 * each time the best price since the entry fill reaches a rung, the stop is raised to the rung below it, so it always
 * trails one rung behind the best move. Long (a short mirrors it, prices below the entry):
 * <table>
 *   <caption>the rungs</caption>
 *   <tr><th>step</th><th>reached when a bar's high is at or above</th><th>stop moves to</th></tr>
 *   <tr><td>{@link Step#BREAKEVEN}</td><td>entry × 1.03, or target 1 (the trade has booked or would book half)</td><td>entry</td></tr>
 *   <tr><td>{@link Step#TRAIL3}</td><td>entry × 1.06</td><td>entry × 1.03</td></tr>
 *   <tr><td>{@link Step#TRAIL6}</td><td>entry × 1.10</td><td>entry × 1.06</td></tr>
 *   <tr><td>{@link Step#TRAIL10}</td><td>entry × 1.15</td><td>entry × 1.10</td></tr>
 * </table>
 * "entry" is the entry order's average fill price (breakeven is the price the trade actually paid). A moved stop applies
 * from the bar after the one that reached its rung (the order inside a bar is unknown), and a stop only ever tightens.
 * The document's 2 × ATR trail above +15 % is not applied: the engine's bars carry no daily ATR; the last rung holds.
 */
final class SetupStopRule {

    /** A rung of the ladder: reached at {@code reachPercent} from the entry, the stop then locks {@code lockPercent}. */
    enum Step {
        BREAKEVEN(3, 0), TRAIL3(6, 3), TRAIL6(10, 6), TRAIL10(15, 10);

        private final int reachPercent;
        private final int lockPercent;

        Step(int reachPercent, int lockPercent) {
            this.reachPercent = reachPercent;
            this.lockPercent = lockPercent;
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SetupStopRule() {
    }

    /**
     * The rungs a bar ({@code high}, {@code low}) reaches for a trade entered {@code BUY} (long) or {@code SELL} (short) at
     * average fill price {@code entry}, lowest first; {@code target1} (null: not watched) also reaches breakeven.
     */
    static List<Step> reached(String entrySide, BigDecimal entry, BigDecimal target1, BigDecimal high, BigDecimal low) {
        boolean isLong = "BUY".equals(entrySide);
        List<Step> out = new ArrayList<>();
        for (Step step : Step.values()) {
            BigDecimal level = level(isLong, entry, step.reachPercent);
            boolean hit = isLong ? high.compareTo(level) >= 0 : low.compareTo(level) <= 0;
            if (step == Step.BREAKEVEN && target1 != null) hit |= isLong ? high.compareTo(target1) >= 0 : low.compareTo(target1) <= 0;
            if (hit) out.add(step);
        }
        return out;
    }

    /** The stop of {@code step} for a trade entered {@code entrySide} at {@code entry}: exact, unrounded. */
    static BigDecimal stopOf(String entrySide, BigDecimal entry, Step step) {
        return level("BUY".equals(entrySide), entry, step.lockPercent);
    }

    /** The tighter of two stops (long: the higher; short: the lower); a null one is ignored. */
    static BigDecimal tighter(String entrySide, BigDecimal a, BigDecimal b) {
        if (a == null) return b;
        if (b == null) return a;
        return "BUY".equals(entrySide) ? a.max(b) : a.min(b);
    }

    private static BigDecimal level(boolean isLong, BigDecimal entry, int percent) {
        BigDecimal factor = HUNDRED.add(BigDecimal.valueOf(isLong ? percent : -percent));
        return entry.multiply(factor).divide(HUNDRED).stripTrailingZeros();
    }
}
