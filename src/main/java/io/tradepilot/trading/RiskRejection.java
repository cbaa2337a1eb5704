package io.tradepilot.trading;

import java.time.Instant;

/**
 * An order the engine refused before it reached the venue, as the ledger recorded it.
 *
 * @param at            the engine's (market) time of the refusal
 * @param clientOrderId the refused order's client order id (it names the strategy or "manual" and the symbol)
 * @param code          the stable rejection code (e.g. {@code PORTFOLIO_HEAT}, {@code INSUFFICIENT_BUYING_POWER})
 * @param reason        the message naming the figures involved
 */
public record RiskRejection(Instant at, String clientOrderId, String code, String reason) {
}
