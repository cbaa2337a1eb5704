package io.tradepilot.engine.strategy.threeweek;

/**
 * Indicator values of one weekly bar (doubles: indicator math; NaN while an indicator is not ready).
 *
 * @param volumeRatio this week's volume over the average of the last 20 weekly volumes, this one included
 * @param atr14       Wilder ATR(14) of the weekly bars
 */
public record WeekIndicators(double close, double rsi14, double wma20, double wma50, double wma100, double sma20,
                             double sma50, double volumeRatio, double atr14) {

    /** ATR(14) / close, NaN when ATR is not ready. */
    public double atrPercent() {
        return atr14 / close;
    }
}
