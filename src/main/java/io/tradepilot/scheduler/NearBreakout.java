package io.tradepilot.scheduler;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One finding of the near-breakout watch: a 3WI setup that has not broken out, priced within 1 % of its trigger
 * (long: at least 99 % of the mother week's high; short, when shorts are on: at most 101 % of its low).
 *
 * @param setupId         the setup's deterministic id ({@code 3wi-v1:SYMBOL:MOTHER-WEEK})
 * @param direction       UP (towards the mother high) or DOWN (towards the mother low)
 * @param price           the price checked: the engine's latest bar close of the symbol when the market data cache has
 *                        one ({@code priceSource} LIVE), else the last daily close in the scan folder (DAILY)
 * @param distancePercent how far the price still is from the trigger, in percent of the trigger (0 or less: at or
 *                        beyond it, to be confirmed by a weekly close)
 * @param quality         the pattern's quality score (0–100)
 */
public record NearBreakout(LocalDate day, String setupId, String symbol, String direction, BigDecimal motherHigh, BigDecimal motherLow,
                           BigDecimal price, String priceSource, BigDecimal distancePercent, int quality, Instant checkedAt) {
}
