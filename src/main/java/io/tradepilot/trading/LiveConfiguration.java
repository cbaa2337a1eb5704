package io.tradepilot.trading;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine host's configuration seam for the {@code strategies} module: what {@code application.yaml}
 * configures (the seed of the stored versions), where an engine start reads its strategies and risk limits,
 * and how a new version is applied to the running engine without a restart.
 *
 * <p>The risk limits travel as the host's limits record ({@link #limitsType()}), so that a caller can read,
 * write and compare its components by reflection and sees a component added to the record without changing.
 */
public interface LiveConfiguration {

    /** The strategies of {@code tradepilot.trading.strategies}. */
    List<LiveStrategy> configuredStrategies();

    /** The record type of the risk limits ({@code tradepilot.trading.limits}). */
    Class<? extends Record> limitsType();

    /** The limits of {@code tradepilot.trading.limits}. */
    Record configuredLimits();

    /**
     * Where every later engine start reads its strategies and limits. The suppliers are called on the starting
     * thread; one that throws fails the start (fail closed).
     */
    void startFrom(Supplier<List<LiveStrategy>> strategies, Supplier<Record> limits);

    /**
     * Registers or replaces {@code strategy} in the running engine (one instance per symbol, warmed up on the
     * feed's bars before its first live bar); symbols of {@code previousSymbols} it no longer names keep only the
     * old version until their position is flat, then take no entries. An open position keeps the exit plan it was
     * opened with; working orders are left alone.
     *
     * @return {@link Applied#live()} false when this instance does not run the engine (the version applies at
     *         the next start); refuses (IllegalArgumentException) a symbol the running feed does not carry and a
     *         strategy the registry cannot build
     */
    Applied apply(LiveStrategy strategy, Collection<String> previousSymbols, String reason);

    /**
     * Replaces the running engine's pre-trade limits and automatic trips by {@code limits} (of {@link #limitsType()}).
     * Refuses (IllegalArgumentException) a record of another type or one that does not make a risk chain.
     */
    Applied applyLimits(Record limits, String reason);

    /** Whether a change reached the running engine ({@code live}) or waits for the next start. */
    record Applied(boolean live, String message) {
    }
}
