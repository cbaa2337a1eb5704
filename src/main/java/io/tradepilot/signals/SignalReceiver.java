package io.tradepilot.signals;

/**
 * Takes one webhook signal for a strategy. Called without a signed-in user: the strategy's secret authenticates it —
 * in the JSON body's {@code secret} field (TradingView cannot set headers), in the URL's {@code secret} parameter
 * (ChartInk sends a fixed body), or as {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>}; compared in
 * constant time. In this order: strategy known, secret, enabled, JSON and format, time within the replay window,
 * never seen before (per strategy), action allowed, symbol mapped, size; then each order through
 * {@link io.tradepilot.trading.StrategyOrders} (the live risk chain; the strategy's rate limit). Every signal is
 * recorded ({@link SignalEntry}) and audited (action {@code SIGNAL_RECEIVED}), whatever its outcome.
 */
public interface SignalReceiver {

    /**
     * @param strategyId    the id the URL names
     * @param body          the raw request body
     * @param secretParam   the URL's {@code secret} parameter, or null
     * @param signature     the {@code X-Signature} header, or null
     * @param clientAddress the sender's address
     * @return the receipt when at least one order was accepted
     * @throws SignalRefusal when nothing was placed: the signal is recorded with the refusal's code
     */
    SignalReceipt receive(String strategyId, byte[] body, String secretParam, String signature, String clientAddress);
}
