package io.tradepilot.scheduler;

import java.math.BigDecimal;
import java.util.List;

/**
 * One 3WI setup of a day as the Setups page shows it: what the day's scan found, what was decided and what became of
 * the trade.
 *
 * @param state     FOUND (a pattern still forming), NEAR_BREAKOUT (the near-breakout watch flagged it), QUALIFIED
 *                  (would have been entered, but scan orders are off), ENTERED (entry order placed, trade open),
 *                  EXITED (the trade's position is flat again) or NOT_TAKEN (skipped or refused: {@code reason} says why)
 * @param scanState the scanner's state (ACTIVE, NEAR_BREAKOUT, BREAKOUT_UP, BREAKOUT_DOWN), null for a setup only the
 *                  near-breakout watch listed
 * @param reason    why a setup was not taken (not qualified, refused with the risk chain's code, already taken…), what
 *                  entered it, or how its trade ended
 * @param exits     the trade's stop moves, e.g. {@code STOP BREAKEVEN 111 after bar 2025-02-05T03:45:00Z}, then its exits
 *                  (stop, targets, tracker), e.g. {@code BOOK TARGET1 SELL 1 PLACED order O7} (RELEASED: the order ended
 *                  unfilled, the exit may be placed again)
 */
public record SetupLine(String setupId, String symbol, String state, String scanState, BigDecimal motherHigh, BigDecimal motherLow,
                        BigDecimal entry, BigDecimal stop, BigDecimal target1, BigDecimal target2, BigDecimal quantity,
                        String orderId, String reason, List<String> exits) {

    public SetupLine {
        exits = List.copyOf(exits);
    }
}
