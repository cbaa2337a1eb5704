package io.tradepilot.trading.web;

import io.tradepilot.audit.UnauthenticatedAttemptAudit;
import io.tradepilot.trading.TradingAction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manual trading actions behind the API's POST paths, so that {@link UnauthenticatedAttemptAudit} can
 * audit the requests the security filters turn away (401) with their action and target.
 */
final class TradingActionPaths {

    /** POST paths and the action each performs; group 1, when present, is the target. */
    static final Map<Pattern, TradingAction> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put(Pattern.compile("/api/v1/orders/cancel-all"), TradingAction.CANCEL_ALL);
        ACTIONS.put(Pattern.compile("/api/v1/orders/([^/]+)/cancel"), TradingAction.CANCEL_ORDER);
        ACTIONS.put(Pattern.compile("/api/v1/positions/([^/]+)/close"), TradingAction.CLOSE_POSITION);
        ACTIONS.put(Pattern.compile("/api/v1/flatten"), TradingAction.FLATTEN_ALL);
        ACTIONS.put(Pattern.compile("/api/v1/orders(/preview)?"), TradingAction.MANUAL_ORDER);
        ACTIONS.put(Pattern.compile("/api/v1/strategies/([^/]+)/activate"), TradingAction.ACTIVATE_STRATEGY);
        ACTIONS.put(Pattern.compile("/api/v1/strategies/([^/]+)/deactivate"), TradingAction.DEACTIVATE_STRATEGY);
    }

    private TradingActionPaths() {
    }

    /** What a POST path asks for, for {@link UnauthenticatedAttemptAudit}; empty when it is not a trading action. */
    static Optional<UnauthenticatedAttemptAudit.Attempt> attempt(String path) {
        return Optional.ofNullable(match(path)).map(hit -> new UnauthenticatedAttemptAudit.Attempt(hit.getKey().auditName(), hit.getValue()));
    }

    /** The action and target of a path, or null when it is not a trading action. */
    static Map.Entry<TradingAction, String> match(String path) {
        for (var e : ACTIONS.entrySet()) {
            Matcher m = e.getKey().matcher(path);
            if (m.matches()) {
                String target = m.groupCount() >= 1 && m.group(1) != null && !m.group(1).startsWith("/") ? m.group(1)
                        : path.endsWith("/preview") ? "preview" : "all";
                return Map.entry(e.getValue(), target.length() > 200 ? target.substring(0, 200) : target);
            }
        }
        return null;
    }
}
