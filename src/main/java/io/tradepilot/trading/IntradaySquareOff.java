package io.tradepilot.trading;

import io.tradepilot.engine.calendar.SquareOffRule;

import java.util.Set;

/**
 * The end-of-day square-off of the intraday strategies (those configured {@code intraday: true} under
 * {@code tradepilot.trading.strategies}): only their symbols' positions are closed, the others are
 * carried overnight.
 *
 * <p>Two clocks, one rule ({@link #rule()}): when the market data feed runs in real time (speed 1) the
 * wall-clock scheduler asks for the square-off through {@link #squareOffNow}; when it runs accelerated or
 * as fast as possible (a replay), market time is not wall time and the host squares off itself, in market
 * time, after the time step whose bars end at or after the day's cut-off — the same rule the backtester's
 * exit policy applies. {@link #squareOffNow} then refuses with {@link SquareOffResult.Outcome#SKIPPED_MARKET_TIME}.
 *
 * <p>Not a user action: the scheduler calls it as the system; it is not exposed over REST.
 */
public interface IntradaySquareOff {

    /** The exchange whose calendar the traded market follows ({@code NSE} or {@code NYSE}). */
    String exchange();

    /** When the square-off happens on a trading day. */
    SquareOffRule rule();

    /** The intraday strategies' symbols (empty: nothing is squared off). */
    Set<String> intradaySymbols();

    /**
     * Squares the intraday symbols' positions off now, through the engine's write-ahead path (the closing
     * orders are recorded before they can fill, at the next bar's open). Never throws for an expected
     * refusal: this instance does not run the engine, the feed is not real time, or no strategy is intraday.
     */
    SquareOffResult squareOffNow(String reason);
}
