package io.tradepilot.runbook.internal;

import io.tradepilot.brokers.LiveActivationGuard;
import io.tradepilot.controls.LivePreflight;
import io.tradepilot.runbook.Preflight;

import java.time.LocalDate;
import java.util.Optional;

/**
 * LIVE trading requires the pre-flight: a LIVE broker account may become active ({@link LiveActivationGuard}), and the
 * trading mode may switch to LIVE ({@link LivePreflight}), only once someone completed the pre-flight of the trading day
 * (today's session, or the next one after the close). Fails closed: when the completion cannot be read, it objects.
 */
final class PreflightBeforeLive implements LiveActivationGuard, LivePreflight {

    private final Preflight preflight;

    PreflightBeforeLive(Preflight preflight) {
        this.preflight = preflight;
    }

    @Override
    public Optional<String> whyNot() {
        try {
            LocalDate day = preflight.tradingDay();
            return preflight.preflightComplete(day) ? Optional.empty()
                    : Optional.of("the pre-flight for " + day + " is not complete (Runbook → Pre-flight)");
        } catch (RuntimeException e) {
            return Optional.of("cannot read whether the pre-flight is complete: " + e.getClass().getSimpleName());
        }
    }
}
