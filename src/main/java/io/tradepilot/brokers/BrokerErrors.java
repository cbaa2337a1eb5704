package io.tradepilot.brokers;

/**
 * Where a broker adapter reports that its broker keeps failing: called once each time a run of consecutive
 * broker failures (server errors, timeouts, broken connections; not refusals such as a rejected order, and not
 * rate-limit answers) reaches the adapter's threshold (three by default). The host turns it into a circuit-breaker
 * trip with reason {@code BROKER_ERRORS} ({@code controls.ControlService#tripCircuitBreakerAutomatically}).
 * Called on the adapter's own thread; implementations must return quickly and must not throw.
 */
@FunctionalInterface
public interface BrokerErrors {

    /**
     * @param venue  the adapter's name (e.g. {@code alpaca})
     * @param detail what failed last, for the operator (never contains credentials)
     */
    void consecutiveFailures(String venue, String detail);

    /** Ignores every signal (tests, tools). */
    BrokerErrors IGNORE = (venue, detail) -> { };
}
