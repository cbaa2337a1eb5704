package io.tradepilot.trading;

import java.util.Objects;
import java.util.Set;

/**
 * What {@link IntradaySquareOff#squareOffNow} did.
 *
 * @param outcome what happened
 * @param symbols the symbols whose positions the engine was asked to close (empty unless {@code REQUESTED})
 * @param detail  a sentence for logs and the job history
 */
public record SquareOffResult(Outcome outcome, Set<String> symbols, String detail) {

    public enum Outcome {
        /** The engine was told to close the intraday symbols' positions (flat ones are left alone). */
        REQUESTED,
        /** No strategy is configured {@code intraday: true}. */
        SKIPPED_NO_INTRADAY,
        /** This instance does not run the engine (standby, stopped or trading disabled). */
        SKIPPED_NOT_LEADER,
        /** The feed does not run in real time: the host squares off in market time instead. */
        SKIPPED_MARKET_TIME
    }

    public SquareOffResult {
        Objects.requireNonNull(outcome, "outcome");
        symbols = Set.copyOf(symbols);
        Objects.requireNonNull(detail, "detail");
    }
}
