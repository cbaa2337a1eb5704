package io.tradepilot.trading;

/**
 * Orders placed on behalf of a strategy whose signals arrive from outside the engine (a webhook the caller has
 * already authenticated by the strategy's own secret): no signed-in user, so no role. Otherwise the manual
 * order's path exactly — the same input rules ({@link ManualOrder}), this instance must run the engine, the
 * host's write-ahead placement and the engine's live risk chain (kill switch, circuit breaker, trading window,
 * limits, square-off), and the answer waits for the engine's recorded decision. Every attempt is audited as user
 * {@code strategy:<id>}, action {@code ORDER_STRATEGY}, recorded before the order goes out; when that record
 * cannot be written the order is refused ({@code AUDIT_UNAVAILABLE}). Never throws for an expected refusal.
 */
public interface StrategyOrders {

    /**
     * Places {@code order} attributed to strategy {@code strategyId} (its client order id starts with it).
     *
     * @param strategyId    the strategy's id: non-blank, no {@code :}; refused (INVALID_ORDER) otherwise
     * @param reason        what the order is for, for the audit log (e.g. the signal's id)
     * @param clientAddress the sender's address, for the audit log
     * @param perMinute     the strategy's rate limit: at most this many orders per minute (shared by every
     *                      instance); 0: none. Over it: refused with {@code RATE_LIMITED}
     * @return done with the order id, or refused with the code (risk rejections carry the engine's reason)
     */
    ActionResult place(String strategyId, ManualOrder order, String reason, String clientAddress, int perMinute);
}
