package io.tradepilot.trading.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the hosted engine starts from and runs with: the strategies and limits of the {@link LiveStrategyBridge.Source}
 * when one is set (the strategies module's stored applied versions), else {@code tradepilot.trading.*}; the limits the
 * running engine was last given (at its start or applied live since); the intraday symbols of the last start. One per
 * {@link EngineHost}, shared by every {@link HostedEngine} it starts.
 */
final class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    private final TradingProperties properties;
    /** Where a start reads its strategies and limits; null: {@code tradepilot.trading.*}. */
    private volatile LiveStrategyBridge.Source source;
    /** The limits the engine runs with; null before a start. */
    private volatile TradingProperties.Limits running;
    /** The intraday symbols the last start ran with. */
    private volatile Set<String> intradayAtStart = Set.of();

    EngineConfiguration(TradingProperties properties) {
        this.properties = properties;
    }

    /** From now on a start reads its strategies and limits from {@code source} (null: {@code tradepilot.trading.*}). */
    void readFrom(LiveStrategyBridge.Source source) {
        this.source = source;
    }

    /** The strategies a start runs (and the Strategies page lists). */
    List<TradingProperties.StrategySettings> strategies() {
        LiveStrategyBridge.Source s = source;
        return s == null ? properties.strategies() : s.strategies();
    }

    /** The strategies' own entry limits a start runs with (by strategy id; none for {@code tradepilot.trading.*}). */
    java.util.Map<String, io.tradepilot.engine.risk.StrategyEntryRules> entryRules() {
        LiveStrategyBridge.Source s = source;
        return s == null ? java.util.Map.of() : s.entryRules();
    }

    /** Called by a start: the limits it runs with, which {@link #limits()} reports until others are applied. */
    TradingProperties.Limits limitsForStart() {
        LiveStrategyBridge.Source s = source;
        TradingProperties.Limits l = s == null ? properties.limits() : s.limits();
        running = l;
        return l;
    }

    /** Called by a start: the intraday symbols it squares off, which {@link #intradaySymbols()} falls back to. */
    Set<String> intradayForStart() {
        Set<String> symbols = intraday();
        intradayAtStart = symbols;
        return symbols;
    }

    /** The limits the engine runs with: those of the last start or applied live since, else {@code tradepilot.trading.limits}. */
    TradingProperties.Limits limits() {
        TradingProperties.Limits l = running;
        return l == null ? properties.limits() : l;
    }

    /** Records that the running engine was given {@code limits} ({@link LiveStrategyBridge#applyLimits}). */
    void limitsApplied(TradingProperties.Limits limits) {
        running = limits;
    }

    /**
     * The symbols of the intraday strategies of {@link #strategies()}; those of the last start when the stored
     * versions cannot be read (a square-off must not fail for a store that does not answer).
     */
    Set<String> intradaySymbols() {
        try {
            return intraday();
        } catch (RuntimeException storeUnavailable) {
            log.warn("The stored strategies cannot be read; using the intraday symbols of the last start", storeUnavailable);
            return intradayAtStart;
        }
    }

    private Set<String> intraday() {
        Set<String> out = new TreeSet<>();
        for (var s : strategies()) if (s.intraday()) out.addAll(s.symbols());
        return Collections.unmodifiableSet(out);
    }
}
