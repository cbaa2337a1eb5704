package io.tradepilot.signals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A webhook strategy as shown to people: never its secret. {@code symbols}: the payload's ticker to the traded
 * symbol; {@code quantity} for {@link QuantityMode#FIXED}, {@code riskAmount} and {@code stopPercent} for
 * {@link QuantityMode#RISK}; {@code path}: the URL path its signals are posted to.
 */
public record WebhookStrategy(String id, String name, Map<String, String> symbols, QuantityMode quantityMode,
                              BigDecimal quantity, BigDecimal riskAmount, BigDecimal stopPercent,
                              Set<SignalAction> allowedActions, boolean enabled, String updatedBy, Instant updatedAt) {

    public WebhookStrategy {
        symbols = Map.copyOf(symbols);
        allowedActions = Set.copyOf(allowedActions);
    }

    public String path() {
        return "/api/v1/signals/" + id;
    }
}
