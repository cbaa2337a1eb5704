package io.tradepilot.engine.strategy.threeweek;

/**
 * One line of a scan: a setup as of the scan date, with its plan when it broke out.
 *
 * @param state        ACTIVE, NEAR_BREAKOUT, BREAKOUT_UP or BREAKOUT_DOWN
 * @param weekComplete the setup's latest week had ended by the scan date (else its close is provisional)
 * @param plan         the entry plan for a breakout (entry at the breakout close), null otherwise; its
 *                     quantity is zero when the open-risk cap left no room ({@code note} says so)
 * @param tradeable    a breakout whose filters pass in an allowed direction
 * @param note         why a breakout is not sized or not tradeable; empty otherwise
 */
public record ScanRow(Setup setup, String state, boolean weekComplete, TradePlan plan, boolean tradeable, String note) {
}
