package io.tradepilot.journal;

import java.time.LocalDate;

/**
 * Which trades to show; every criterion is optional (null: any). A trade's date is its exit date when closed,
 * its entry date while open, in the market zone; {@code from} and {@code to} are inclusive. Text criteria
 * match exactly (symbols and strategies as the ledger spells them, tags as written).
 */
public record TradeFilter(LocalDate from, LocalDate to, String symbol, TradeSide side, String strategy, Outcome outcome,
                          String tag, TradingMode mode) {

    /** Every trade. */
    public static final TradeFilter ALL = new TradeFilter(null, null, null, null, null, null, null, null);

    /** Whether {@code trade} (with its tags) passes; {@code day} is its date as defined above. */
    public boolean matches(Trade trade, LocalDate day) {
        return (from == null || !day.isBefore(from))
                && (to == null || !day.isAfter(to))
                && (symbol == null || symbol.equals(trade.symbol()))
                && (side == null || side == trade.side())
                && (strategy == null || strategy.equals(trade.strategy()))
                && (outcome == null || outcome == trade.outcome())
                && (tag == null || trade.tags().contains(tag))
                && (mode == null || mode == trade.mode());
    }
}
