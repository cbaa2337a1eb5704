package io.tradepilot.engine.strategy.threeweek;

import java.time.LocalDate;

/**
 * One weekly bar in scaled-integer prices ({@code price x 10^decimals}). {@code monday} is the ISO week's
 * Monday in the market zone (the week's identity, even when Monday was a holiday); {@code lastDay} the
 * last trading day it holds.
 */
public record WeekBar(LocalDate monday, LocalDate lastDay, long open, long high, long low, long close, long volume, int decimals) {
    public WeekBar {
        if (high < low || open > high || open < low || close > high || close < low) {
            throw new IllegalArgumentException("inconsistent week " + monday + ": o=" + open + " h=" + high + " l=" + low + " c=" + close);
        }
    }
}
