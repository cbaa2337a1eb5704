package io.tradepilot.controls;

import java.util.Optional;

/**
 * The daily pre-flight that LIVE trading requires, answered by the module that keeps it (the runbook) through this
 * port, so that controls knows nothing of the runbook. {@link TradingModes#switchToLive} asks it after the other gates
 * and refuses with {@link RefusalCode#PREFLIGHT_NOT_COMPLETE} when it objects. Without an implementation switching to
 * LIVE is refused the same way: fail closed.
 */
@FunctionalInterface
public interface LivePreflight {

    /**
     * Why LIVE may not start for want of the pre-flight ("the pre-flight for 2026-12-07 is not complete"), or empty when
     * the trading day's pre-flight is complete. Must not throw: an implementation that cannot tell answers a reason.
     */
    Optional<String> whyNot();
}
