package io.tradepilot.scheduler;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The plan a 3WI setup was entered with (its {@code scan_setup} row), found by the entry order's id: for other modules
 * that show a trade against its plan (the journal's trade dialog) without reading the scheduler's tables.
 */
public interface SetupPlans {

    /** The plan of the setup whose entry order is {@code orderId}; empty when that order entered no setup. */
    Optional<SetupPlan> ofEntryOrder(String orderId);

    /**
     * A setup's plan: the entry side (BUY/SELL), the planned entry price, the protective stop and the two targets (T1:
     * book half, T2: exit the rest); prices may be null when the setup recorded none.
     */
    record SetupPlan(String setupId, String side, BigDecimal entry, BigDecimal stop, BigDecimal target1, BigDecimal target2) {
    }
}
