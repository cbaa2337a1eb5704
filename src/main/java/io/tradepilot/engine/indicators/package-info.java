/**
 * Technical indicators, streaming (O(1) per bar) and as batch functions over arrays
 * ({@link io.tradepilot.engine.indicators.Indicators}), following TA-Lib's conventions exactly:
 * the same lookback (warm-up), the same seeding, the same floating-point operations in the same order
 * and TA-Lib 0.4's zero epsilon (1e-8), so values are bit-for-bit TA-Lib 0.4.0's (checked against its
 * Java port for SMA, EMA, WMA, RSI, ATR, STDDEV, BBANDS, MAX, MIN; see TaLibReferenceTest). Volume
 * ratio is not a TA-Lib function: volume divided by its SMA, current bar included.
 *
 * <p>Indicator math is {@code double} on purpose: indicators feed decisions through thresholds, not
 * accounting, and TA-Lib compatibility is defined in doubles. Where a decision must be exact (a
 * moving-average cross tie), compare exact scaled sums instead (see the strategy package).
 *
 * <p>Warm-up: a streaming indicator is not {@code ready()} and its {@code value()} is {@code NaN} until
 * it has seen {@code lookback() + 1} inputs; batch forms put {@code NaN} at the first {@code lookback()}
 * indices. Nothing is ever emitted as zero during warm-up.
 */
package io.tradepilot.engine.indicators;
