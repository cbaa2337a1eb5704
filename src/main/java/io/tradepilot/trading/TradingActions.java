package io.tradepilot.trading;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The manual trading actions: the security, validation, rate-limit and audit boundary in front of the
 * engine (views and the REST API both call this). Every method is authorized on the server (method
 * security, and again inside), validates its input, applies the per-user rate limit of its
 * {@link TradingAction}, and writes every attempt — done, refused, rate limited or denied — to the audit
 * log (user, action, target, reason, outcome, client address). Orders reach the engine only through the
 * host's write-ahead path. Refused when this instance does not run the engine (a standby) or the engine
 * cannot be reached; nothing is half-applied.
 */
public interface TradingActions {

    /** The actions the current user's role permits: what a view may offer. The methods check again. */
    Set<TradingAction> permittedActions();

    /** Cancels one working order. Operator or admin; reason ≥ 10 characters; 10 per minute. */
    ActionResult cancelOrder(String orderId, String reason);

    /** Cancels every working order, or those of one symbol ({@code symbol} null: all). Operator or admin; reason ≥ 10; 5 per minute. */
    ActionResult cancelAll(String symbol, String reason);

    /**
     * Closes one position at market, or part of it ({@code quantity} null: all of it; else at most the
     * open quantity). Operator or admin; reason ≥ 10; 10 per minute. Refused while the kill switch is engaged
     * (flatten stays possible).
     */
    ActionResult closePosition(String symbol, BigDecimal quantity, String reason);

    /**
     * The emergency exit: engages the kill switch, cancels every working order, closes every position at
     * market, pauses trading, audits. Admin only; reason ≥ 20 characters; the typed word {@code FLATTEN};
     * once per 5 minutes. Allowed while the kill switch is engaged.
     */
    ActionResult flattenAll(String reason, String confirmation);

    /** What the engine would say to {@code order} now; places nothing. Operator or admin. */
    OrderPreview previewOrder(ManualOrder order);

    /**
     * Sends a manual order (after a preview): kill switch and circuit breaker are checked again at
     * confirm. Operator or admin; reason ≥ 10; 10 per minute.
     */
    ActionResult placeOrder(ManualOrder order, String reason);
}
