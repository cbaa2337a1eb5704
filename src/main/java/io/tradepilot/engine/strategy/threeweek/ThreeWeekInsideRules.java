package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.risk.FixedFractionalSizer;

import java.math.BigDecimal;

/**
 * The 3WI rules as pure functions (BEHAVIOUR.md, "Three-Week-Inside"). Prices are scaled longs of one
 * scale, compared exactly; indicator values are doubles.
 */
public final class ThreeWeekInsideRules {
    private ThreeWeekInsideRules() {
    }

    /** {@code week} lies inside {@code mother}: high ≤ mother high and low ≥ mother low (equality counts). */
    public static boolean isInside(WeekBar week, WeekBar mother) {
        return week.high() <= mother.high() && week.low() >= mother.low();
    }

    /** Weeks i-1 and i are both inside week i-2 (the mother). */
    public static boolean isPattern(WeekBar mother, WeekBar inside1, WeekBar inside2) {
        return isInside(inside1, mother) && isInside(inside2, mother);
    }

    /** UP when {@code close} is strictly above the mother high, DOWN when strictly below the mother low, else null. */
    public static Direction breakout(long close, long motherHigh, long motherLow) {
        if (close > motherHigh) return Direction.UP;
        if (close < motherLow) return Direction.DOWN;
        return null;
    }

    /** {@code close ≥ 99 % of the mother high} (exact: {@code 100 x close ≥ 99 x high}). */
    public static boolean isNearBreakout(long close, long motherHigh) {
        return Math.multiplyExact(close, 100L) >= Math.multiplyExact(motherHigh, 99L);
    }

    /** Mother range as a fraction of the mother's close: {@code (high - low) / close}. */
    public static double rangeFraction(WeekBar mother) {
        return (double) (mother.high() - mother.low()) / mother.close();
    }

    /**
     * Quality score 0–100 of a long setup: mother range 2–8 % of its close +30 (else 1–12 % +20); volume
     * ratio ≥ 1.5 +25 (≥ 1.2 +15); close &gt; SMA20 &gt; SMA50 +25 (close &gt; SMA20 +15); RSI 55–75 +20
     * (50–80 +10). Range bounds are exact on the scaled prices, inclusive. An indicator that is not
     * ready scores nothing. Capped at 100.
     */
    public static int quality(WeekBar mother, WeekIndicators in) {
        return quality(mother, in, Direction.UP);
    }

    /**
     * Quality score for {@code direction}; DOWN mirrors the trend and RSI parts (close &lt; SMA20 &lt;
     * SMA50 +25, close &lt; SMA20 +15; RSI 25–45 +20, 20–50 +10). Range and volume parts are symmetric.
     */
    public static int quality(WeekBar mother, WeekIndicators in, Direction direction) {
        int score = 0;
        long range = mother.high() - mother.low();
        long c = mother.close();
        if (range * 100 >= 2 * c && range * 100 <= 8 * c) score += 30;
        else if (range * 100 >= c && range * 100 <= 12 * c) score += 20;
        double vr = in.volumeRatio();
        if (vr >= 1.5) score += 25;
        else if (vr >= 1.2) score += 15;
        boolean up = direction == Direction.UP;
        double p = in.close(), s20 = in.sma20(), s50 = in.sma50();
        if (up ? (p > s20 && s20 > s50) : (p < s20 && s20 < s50)) score += 25;
        else if (up ? p > s20 : p < s20) score += 15;
        double rsi = up ? in.rsi14() : 100 - in.rsi14();
        if (rsi >= 55 && rsi <= 75) score += 20;
        else if (rsi >= 50 && rsi <= 80) score += 10;
        return Math.min(score, 100);
    }

    /** The four filters for {@code direction} (NaN comparisons are false, so unready indicators fail). */
    public static FilterResult filters(WeekIndicators in, Direction direction) {
        boolean up = direction == Direction.UP;
        boolean rsi = up ? in.rsi14() > 55 : in.rsi14() < 45;
        boolean trend = up ? (in.wma20() > in.wma50() && in.wma50() > in.wma100())
                : (in.wma20() < in.wma50() && in.wma50() < in.wma100());
        boolean volume = in.volumeRatio() >= 1.5;
        boolean atr = in.atrPercent() < 0.06;
        return new FilterResult(rsi, trend, volume, atr);
    }

    /**
     * The plan for an entry at {@code entry} with the stop at the mother's far side (long: mother low;
     * short: mother high), targets at 1.5R and 3R in the trade's direction, and {@code quantity =
     * floor(capital x riskFraction / R)} in whole lots. Quantity zero when R is zero or the budget does
     * not buy one lot. Refuses an entry on the wrong side of its stop.
     */
    public static TradePlan plan(Side side, BigDecimal entry, BigDecimal stop, BigDecimal capital, BigDecimal riskFraction, BigDecimal lotSize) {
        boolean longTrade = side == Side.BUY;
        if (longTrade ? entry.compareTo(stop) <= 0 : entry.compareTo(stop) >= 0) {
            throw new IllegalArgumentException((longTrade ? "long" : "short") + " entry " + entry.toPlainString()
                    + " is not " + (longTrade ? "above" : "below") + " its stop " + stop.toPlainString());
        }
        BigDecimal r = entry.subtract(stop).abs();
        BigDecimal sign = longTrade ? BigDecimal.ONE : BigDecimal.ONE.negate();
        BigDecimal t1 = entry.add(sign.multiply(r).multiply(new BigDecimal("1.5")));
        BigDecimal t2 = entry.add(sign.multiply(r).multiply(BigDecimal.valueOf(3)));
        BigDecimal qty = new FixedFractionalSizer(riskFraction, lotSize).size(capital, entry, stop);
        return new TradePlan(side, entry, stop, r, strip(t1), strip(t2), qty, strip(qty.multiply(r)));
    }

    private static BigDecimal strip(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
