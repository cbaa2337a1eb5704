package io.tradepilot.scheduler;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One finding of the hourly position tracker ({@code position_check}): a live position crossed one of the 3WI
 * tracker's thresholds.
 *
 * @param rule  {@code exit}, {@code caution}, {@code book50}, {@code book25} or {@code breakeven}
 * @param move  the move from the average price to the mark as a fraction (shorts mirrored), e.g. -0.062
 * @param action what the tracker did with it: the exit it placed for a 3WI setup's trade, or why it only alerted
 *               (docs/scheduler.md "The tracker acts"); null for findings recorded before actions or still being acted on
 */
public record TrackerFinding(Instant hourStart, String symbol, String rule, BigDecimal quantity, BigDecimal averagePrice,
                             BigDecimal mark, BigDecimal move, Instant checkedAt, String action) {

    /** A finding without a recorded action. */
    public TrackerFinding(Instant hourStart, String symbol, String rule, BigDecimal quantity, BigDecimal averagePrice,
                          BigDecimal mark, BigDecimal move, Instant checkedAt) {
        this(hourStart, symbol, rule, quantity, averagePrice, mark, move, checkedAt, null);
    }
}
