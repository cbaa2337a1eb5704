package io.tradepilot.brokers.internal;

import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TripReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an adapter's {@link BrokerErrors} signal into a circuit-breaker trip with reason {@link TripReason#BROKER_ERRORS}
 * through the controls module (audited as the system user; refused, and logged, when the breaker is already tripped or
 * the controls' state cannot be stored). The host passes this bean to every broker adapter it creates.
 */
@Component
public class ControlsBrokerErrors implements BrokerErrors {

    private static final Logger log = LoggerFactory.getLogger(ControlsBrokerErrors.class);

    private final ControlService controls;

    public ControlsBrokerErrors(ControlService controls) {
        this.controls = controls;
    }

    @Override
    public void consecutiveFailures(String venue, String detail) {
        try {
            ControlResult result = controls.tripCircuitBreakerAutomatically(TripReason.BROKER_ERRORS, venue + ": " + detail);
            if (result instanceof ControlResult.Refused refused) {
                log.warn("Broker errors at {} ({}); circuit breaker not tripped: {}", venue, detail, refused.refusal().message());
            } else {
                log.warn("Broker errors at {} ({}): circuit breaker tripped (BROKER_ERRORS)", venue, detail);
            }
        } catch (RuntimeException e) {
            log.error("Broker errors at {} ({}): tripping the circuit breaker failed", venue, detail, e);
        }
    }
}
