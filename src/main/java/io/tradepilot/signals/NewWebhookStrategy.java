package io.tradepilot.signals;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * What an admin types to create a webhook strategy. Validated by the service, never trusted: id 1–40 of
 * {@code a-z 0-9 -}; name 1–80 characters of plain text; at least one symbol mapping (ticker and symbol of
 * {@code A-Z 0-9 . - _ &}); FIXED needs a quantity &gt; 0, RISK a risk amount &gt; 0 and a stop percent in (0, 100);
 * at least one allowed action.
 */
public record NewWebhookStrategy(String id, String name, Map<String, String> symbols, QuantityMode quantityMode,
                                 BigDecimal quantity, BigDecimal riskAmount, BigDecimal stopPercent,
                                 Set<SignalAction> allowedActions, boolean enabled) {
}
