package io.tradepilot.scheduler.internal;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether a bar touched an entered 3WI trade's stop or targets (pure). The 3WI plan (docs/strategies.md "Plan"): stop at
 * the mother week's far side, T1 = entry ± 1.5R, T2 = entry ± 3R. Checked in this order on one bar, so a bar that touches
 * both the stop and a target counts as the stop (its order inside the bar is unknown: the cautious reading):
 * <ol>
 *   <li>{@link Trigger#STOP}: long, the bar's low at or below the stop (short: high at or above it) → exit the rest;</li>
 *   <li>{@link Trigger#TARGET2}: long, high at or above T2 (short: low at or below it) → exit the rest;</li>
 *   <li>{@link Trigger#TARGET1}: long, high at or above T1 (short: low at or below it), not booked yet → book half of
 *       the entry quantity.</li>
 * </ol>
 */
final class SetupExitRule {

    /** What made an exit. */
    enum Trigger {
        STOP("EXIT"), TARGET1("BOOK"), TARGET2("EXIT"), TRACKER("EXIT");

        private final String kind;

        Trigger(String kind) {
            this.kind = kind;
        }

        /** The exit's kind in {@code setup_exit}: EXIT (the whole remaining position) or BOOK (half of the entry). */
        String kind() {
            return kind;
        }
    }

    private SetupExitRule() {
    }

    /**
     * The first trigger the bar ({@code high}, {@code low}) touches for a trade entered {@code BUY} (long) or {@code SELL}
     * (short); empty when none. {@code booked}: target 1 was booked already. A null target is not watched.
     */
    static Optional<Trigger> check(String entrySide, BigDecimal stop, BigDecimal target1, BigDecimal target2, boolean booked,
                                   BigDecimal high, BigDecimal low) {
        boolean isLong = "BUY".equals(entrySide);
        if (stop != null && (isLong ? low.compareTo(stop) <= 0 : high.compareTo(stop) >= 0)) return Optional.of(Trigger.STOP);
        if (target2 != null && reached(isLong, target2, high, low)) return Optional.of(Trigger.TARGET2);
        if (!booked && target1 != null && reached(isLong, target1, high, low)) return Optional.of(Trigger.TARGET1);
        return Optional.empty();
    }

    private static boolean reached(boolean isLong, BigDecimal target, BigDecimal high, BigDecimal low) {
        return isLong ? high.compareTo(target) >= 0 : low.compareTo(target) <= 0;
    }

    /** Target 1's booking: half of the entry quantity, whole shares, at most what is held; zero when that rounds to nothing. */
    static BigDecimal bookQuantity(BigDecimal entryQuantity, BigDecimal held) {
        BigDecimal half = entryQuantity.divide(BigDecimal.TWO, 0, java.math.RoundingMode.DOWN);
        return half.min(held.abs()).max(BigDecimal.ZERO);
    }
}
