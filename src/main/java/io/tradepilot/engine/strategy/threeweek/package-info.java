/**
 * Three-Week-Inside (3WI) on weekly bars built from daily bars: pattern detection, breakout and
 * near-breakout, filters, quality score, trade plan and sizing ({@link
 * io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideRules}), a streaming detector with idempotent
 * setups ({@link io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideDetector}), the backtestable
 * strategy ({@link io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideStrategy}) and the universe
 * scanner ({@link io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideScanner}).
 *
 * <p>Where this departs from the seed engine (docs/strategies.md): real weighted moving averages (the
 * seed's "WMA" was an SMA); breakout checked on the weeks after the pattern, not on the pattern's own
 * second inside week (which is inside by definition); short targets below the entry and short sizing
 * by {@code |entry - stop|} (the seed used {@code max(entry - stop, 0.01)}).
 */
package io.tradepilot.engine.strategy.threeweek;
