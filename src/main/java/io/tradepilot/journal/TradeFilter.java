package io.tradepilot.journal;

import java.time.LocalDate;

/**
 * Which trades to show; every criterion is optional (null: any). A trade's date is its exit date when closed,
 * its entry date while open, in the market zone; {@code from} and {@code to} are inclusive. Text criteria
 * match exactly (symbols and strategies as the ledger spells them, tags as written). {@code exitReason} matches closed
 * trades of that exit reason (open ones have none).
 */
public record TradeFilter(LocalDate from, LocalDate to, String symbol, TradeSide side, String strategy, Outcome outcome,
                          String tag, TradingMode mode, ExitReason exitReason) {

    /** Every trade. */
    public static final TradeFilter ALL = new TradeFilter(null, null, null, null, null, null, null, null, null);

    /** A filter without an exit reason criterion. */
    public TradeFilter(LocalDate from, LocalDate to, String symbol, TradeSide side, String strategy, Outcome outcome,
                       String tag, TradingMode mode) {
        this(from, to, symbol, side, strategy, outcome, tag, mode, null);
    }

    /** This filter with the exit reason criterion {@code reason} (null: any). */
    public TradeFilter withExitReason(ExitReason reason) {
        return new TradeFilter(from, to, symbol, side, strategy, outcome, tag, mode, reason);
    }

    /** Whether {@code trade} (with its tags) passes; {@code day} is its date as defined above. */
    public boolean matches(Trade trade, LocalDate day) {
        return (from == null || !day.isBefore(from))
                && (to == null || !day.isAfter(to))
                && (symbol == null || symbol.equals(trade.symbol()))
                && (side == null || side == trade.side())
                && (strategy == null || strategy.equals(trade.strategy()))
                && (outcome == null || outcome == trade.outcome())
                && (tag == null || trade.tags().contains(tag))
                && (mode == null || mode == trade.mode())
                && (exitReason == null || exitReason == trade.exitReason());
    }
}
