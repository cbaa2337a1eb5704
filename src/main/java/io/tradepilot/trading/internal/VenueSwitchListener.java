package io.tradepilot.trading.internal;

import io.tradepilot.brokers.ActiveAccountChanged;
import io.tradepilot.controls.TradingModeChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import java.util.function.BooleanSupplier;

/**
 * Moves the running engine to the account an admin just made active (or back to the paper venue), and a live
 * account's orders to the broker or the paper venue when the trading mode changes: the restart runs on its own
 * thread, so the admin's request does not wait for the ledger to drain.
 */
final class VenueSwitchListener {

    private static final Logger log = LoggerFactory.getLogger(VenueSwitchListener.class);

    private final EngineHost host;
    private final BooleanSupplier liveMode;

    VenueSwitchListener(EngineHost host, BooleanSupplier liveMode) {
        this.host = host;
        this.liveMode = liveMode;
    }

    /**
     * Trading went LIVE or back to PAPER: when the running engine trades a live account whose orders should now go
     * elsewhere (to the broker in LIVE, to the paper venue in PAPER), it restarts on the same account.
     */
    @EventListener
    void on(TradingModeChanged change) {
        HostedEngine run = host.running();
        if (run == null || run.session == null || !run.session.live()) return;
        boolean routed = run.venue != null;
        if (routed == liveMode.getAsBoolean()) return;
        Thread.ofPlatform().name("venue-switch").daemon(true).start(() -> {
            log.info("Trading mode is now {} (by {}): restarting the engine so that the orders of {} account {} go to {}",
                    change.state().mode(), change.state().changedBy(), run.session.broker(), run.session.accountId(),
                    routed ? "the paper venue" : "the broker");
            host.restartForNewVenue();
        });
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
