package io.tradepilot.trading;

import java.util.List;

/**
 * The configured strategies and switching them on and off. A deactivated strategy still sees every bar
 * (its indicators stay warm) but its entries are refused; its exits still go out and its positions stay.
 * The switch is stored in PostgreSQL and survives restarts. Every attempt is audited.
 */
public interface StrategyControls {

    /** The configured strategies with today's results and open exposure. Any signed-in role. */
    List<StrategyStatus> strategies();

    /** Activates a strategy. Operator or admin; the typed word {@code ACTIVATE}; reason ≥ 10. */
    ActionResult activate(String strategyId, String confirmation, String reason);

    /** Deactivates a strategy. Operator or admin; the typed word {@code DEACTIVATE}; reason ≥ 10. */
    ActionResult deactivate(String strategyId, String confirmation, String reason);
}
