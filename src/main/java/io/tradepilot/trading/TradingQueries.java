package io.tradepilot.trading;

import java.util.List;

/**
 * The read side of live trading, answered from the ledger (so every instance, leader or not, gives
 * the same answers). Read-only: any signed-in role may call it.
 */
public interface TradingQueries {

    /** Open positions (non-zero quantity), by symbol. */
    List<LedgerPosition> openPositions();

    /** The newest {@code limit} orders, newest first; {@code workingOnly} keeps only orders that can still fill. */
    List<LedgerOrder> orders(boolean workingOnly, int limit);

    /** The fills of one order, in ledger order; empty for an unknown order or one without fills. */
    List<OrderFill> fills(String orderId);

    /** The newest {@code limit} equity points, in time order (oldest first). */
    List<EquityPoint> equity(int limit);

    /** The last equity point at or before {@code at} (market time), empty when there is none. */
    java.util.Optional<EquityPoint> equityAt(java.time.Instant at);

    /** Per strategy and trading day, for the days {@code from} to {@code to} (inclusive), by day then strategy. */
    List<StrategyDay> strategyDays(java.time.LocalDate from, java.time.LocalDate to);

    /**
     * The engine's portfolio now, with marks and unrealized P&L; empty unless this instance runs the
     * engine (a standby has only the ledger).
     */
    java.util.Optional<LivePortfolio> livePortfolio();

    /**
     * The portfolio as well as this instance can tell: the engine's ({@link #livePortfolio()}) where it runs,
     * otherwise (a standby) the ledger's positions marked at the bar cache's latest closes, flagged
     * {@link LivePortfolio.Source#BAR_CACHE}; empty when there is neither an engine nor a recorded equity
     * snapshot. Never throws because the bar cache is unreachable (positions are then unmarked).
     * The default answers {@link #livePortfolio()} only.
     */
    default java.util.Optional<LivePortfolio> portfolio() {
        return livePortfolio();
    }

    /** This instance's engine role and progress. */
    EngineStatus status();
}
