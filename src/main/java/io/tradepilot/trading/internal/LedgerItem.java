package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;

import java.time.Instant;
import java.util.Map;

/** What the ledger writer records, in the order the engine produced it. */
sealed interface LedgerItem {

    /** One engine event. */
    record Event(EngineEvent event) implements LedgerItem {
    }

    /**
     * The engine finished every bar of one time step: the feed checkpoint per symbol (bars delivered so
     * far) and the portfolio after the step.
     */
    record StepDone(Instant at, Map<String, Long> barsBySymbol, PortfolioSnapshot portfolio) implements LedgerItem {
    }
}
