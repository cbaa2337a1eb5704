package io.tradepilot.trading.internal;

import io.tradepilot.brokers.ActiveAccountChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Moves the running engine to the account an admin just made active (or back to the paper venue): the restart
 * runs on its own thread, so the admin's request does not wait for the ledger to drain.
 */
final class VenueSwitchListener {

    private static final Logger log = LoggerFactory.getLogger(VenueSwitchListener.class);

    private final EngineHost host;

    VenueSwitchListener(EngineHost host) {
        this.host = host;
    }

    @EventListener
    void on(ActiveAccountChanged change) {
        Thread.ofPlatform().name("venue-switch").daemon(true).start(() -> {
            log.info("Active broker account is now {} (by {}): restarting the engine on it",
                    change.accountId() == null ? "none (paper venue)" : "#" + change.accountId(), change.changedBy());
            host.restartForNewVenue();
        });
    }
}
