package io.tradepilot.brokers;

import java.util.Optional;

/**
 * What must hold before a LIVE (real-money) account may become the one the engine trades through. Any module declares
 * a bean of this type (the runbook: today's pre-flight is complete); {@link BrokerAccounts#activate} asks every one
 * when the account is LIVE, and refuses with 409 {@code LIVE_NOT_READY}, naming the reason, when one objects. PAPER
 * accounts are not asked.
 */
@FunctionalInterface
public interface LiveActivationGuard {

    /**
     * Why a LIVE account may not be activated now ("today's pre-flight (2026-12-07) is not complete"), or empty when it
     * may. Must not throw: a guard that cannot tell answers a reason (fail closed).
     */
    Optional<String> whyNot();
}
