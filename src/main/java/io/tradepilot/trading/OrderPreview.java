package io.tradepilot.trading;

import java.math.BigDecimal;

/**
 * What would happen if a manual order were sent now: the risk checks' answer (the trading state first,
 * then the configured limits, exactly as the engine will decide) and the figures a person checks before
 * confirming. Nothing is placed by a preview.
 *
 * @param accepted       whether the engine would accept the order now
 * @param riskCode       the first check that refuses it (null when accepted)
 * @param riskMessage    why, for people (null when accepted)
 * @param referencePrice the price the order is valued at (limit, else stop, else the last mark); null if unknown
 * @param notional       quantity × reference price (null if unknown)
 * @param positionBefore the symbol's signed position now
 * @param positionAfter  the symbol's signed position after a complete fill
 */
public record OrderPreview(ManualOrder order, boolean accepted, String riskCode, String riskMessage,
                           BigDecimal referencePrice, BigDecimal notional, BigDecimal positionBefore,
                           BigDecimal positionAfter) {
}
