package io.tradepilot.journal;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The journal's read side, answered from the trading ledger (every instance gives the same answers). Read-only:
 * any signed-in role may call it. Amounts are exact.
 */
public interface JournalQueries {

    /** The largest page. */
    int MAX_LIMIT = 500;

    /**
     * One page of the trades matching {@code filter}, sorted.
     *
     * @throws JournalRefusal 400 when {@code offset} is negative or {@code limit} outside 1..{@value #MAX_LIMIT}
     */
    TradePage trades(TradeFilter filter, TradeSort sort, boolean descending, int offset, int limit);

    /**
     * Keyset paging: the page of the trades matching {@code filter} that follows trade {@code afterId} in this order
     * (the last trade of the previous page; the order is the column, nulls last, then the trade id, so it is total).
     * Costs the same at any depth, unlike an offset. The page's {@code offset} is 0 (it counts from the anchor) and
     * {@code total} is the filter's, as for {@link #trades}.
     *
     * @throws JournalRefusal 400 when {@code limit} is outside 1..{@value #MAX_LIMIT} or trade {@code afterId} does not
     *                        exist (field {@code after})
     */
    TradePage tradesAfter(TradeFilter filter, TradeSort sort, boolean descending, long afterId, int limit);

    /**
     * The plan the strategy recorded when it entered trade {@code id} (the 3WI setup its first entry order entered, through
     * the scheduler's {@link io.tradepilot.scheduler.SetupPlans}); empty when the trade is unknown or had no recorded plan.
     */
    java.util.Optional<TradePlan> plan(long id);

    /** Every trade matching {@code filter} (for exports), sorted. */
    List<Trade> allTrades(TradeFilter filter, TradeSort sort, boolean descending);

    /** One trade with its fills, tags, note, and MAE/MFE when the cached bars cover it; empty when unknown. */
    Optional<Trade> trade(long id);

    /** The statistics of the trades matching {@code filter}; see {@link TradeStatistics}. */
    TradeStatistics statistics(TradeFilter filter);

    /** Where the P&amp;L of the trades matching {@code filter} came from; see {@link TradeBreakdown}. */
    TradeBreakdown breakdown(TradeFilter filter);

    /**
     * The cached bars around trade {@code id}, oldest first: up to {@value #CONTEXT_BARS} bars before the bar of its
     * first entry through up to {@value #CONTEXT_BARS} bars after the bar of its exit (the newest bar while open).
     * Empty when the trade is unknown or the bar cache does not reach back to its entry.
     */
    List<io.tradepilot.trading.CachedBar> barsAround(long id);

    /** Bars shown before the entry and after the exit of a trade's chart. */
    int CONTEXT_BARS = 20;

    /** The zone whose calendar days the filter's dates and the daily figures use (the market's). */
    ZoneId zone();

    /** Tags in use, most used first, then the suggested ones not yet used. */
    List<String> tags();
}
