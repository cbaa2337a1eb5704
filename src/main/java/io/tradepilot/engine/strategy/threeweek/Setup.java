package io.tradepilot.engine.strategy.threeweek;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One 3WI setup, identified by {@code {symbol}_1W_{patternWeek}} where {@code patternWeek} is the
 * Monday of the second inside week (the week the pattern completes). Immutable; the detector replaces
 * it as its status changes. Prices exact.
 *
 * @param quality        score 0–100 at the pattern week (long view; see {@link ThreeWeekInsideRules#quality})
 * @param rangePercent   mother range as a percentage of the mother close, 2 decimals (HALF_EVEN)
 * @param nearBreakout   the latest evaluated weekly close was ≥ 99 % of the mother high (while ACTIVE)
 * @param lastWeek       Monday of the latest week evaluated against this setup
 * @param lastClose      that week's close
 * @param breakoutWeek   Monday of the breakout week, null unless broken out
 * @param filters        the filters at the breakout week in its direction, null unless broken out
 * @param breakoutQuality the quality score at the breakout week in its direction, -1 unless broken out
 */
public record Setup(String id, String symbol, LocalDate motherWeek, LocalDate patternWeek, BigDecimal motherHigh,
                    BigDecimal motherLow, BigDecimal motherClose, BigDecimal rangePercent, int quality,
                    SetupStatus status, boolean nearBreakout, LocalDate lastWeek, BigDecimal lastClose,
                    LocalDate breakoutWeek, FilterResult filters, int breakoutQuality) {

    public static final String TIMEFRAME = "1W";

    public static String idOf(String symbol, LocalDate patternWeek) {
        return symbol + "_" + TIMEFRAME + "_" + patternWeek;
    }

    Setup evaluated(LocalDate week, BigDecimal close, boolean near) {
        return new Setup(id, symbol, motherWeek, patternWeek, motherHigh, motherLow, motherClose, rangePercent, quality,
                status, near, week, close, breakoutWeek, filters, breakoutQuality);
    }

    Setup closed(SetupStatus newStatus, LocalDate week, BigDecimal close, FilterResult f, int q) {
        return new Setup(id, symbol, motherWeek, patternWeek, motherHigh, motherLow, motherClose, rangePercent, quality,
                newStatus, false, week, close, newStatus == SetupStatus.EXPIRED ? null : week, f, q);
    }

    /** The breakout's direction, or null when not broken out. */
    public Direction direction() {
        return switch (status) {
            case BREAKOUT_UP -> Direction.UP;
            case BREAKOUT_DOWN -> Direction.DOWN;
            default -> null;
        };
    }
}
