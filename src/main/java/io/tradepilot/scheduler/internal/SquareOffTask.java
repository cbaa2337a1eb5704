package io.tradepilot.scheduler.internal;

import io.tradepilot.trading.IntradaySquareOff;
import io.tradepilot.trading.SquareOffResult;

import java.time.Duration;

/**
 * The wall-clock end-of-day square-off of the intraday strategies: asks the engine (through
 * {@link IntradaySquareOff}) to close their symbols' positions. It acts only when the feed runs in real
 * time; otherwise (accelerated or replayed data) the host squares off in market time and this run is
 * recorded as skipped, saying why. A late run (a misfire fired at once) still squares off: an intraday
 * position must not be carried overnight, and its closing order fills at the next bar.
 */
final class SquareOffTask implements ScheduledTask {

    static final String NAME = "square-off";

    private final IntradaySquareOff squareOff;

    SquareOffTask(IntradaySquareOff squareOff) {
        this.squareOff = squareOff;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Run run) {
        Duration late = Duration.between(run.scheduledAt(), run.firedAt());
        String reason = "end-of-day square-off scheduled " + run.scheduledAt()
                + (late.toSeconds() >= 60 ? " (late by " + late.toMinutes() + " min)" : "");
        SquareOffResult result = squareOff.squareOffNow(reason);
        return result.outcome() == SquareOffResult.Outcome.REQUESTED
                ? Result.done(reason + ": " + result.detail())
                : Result.skipped(result.outcome() + ": " + result.detail());
    }
}
