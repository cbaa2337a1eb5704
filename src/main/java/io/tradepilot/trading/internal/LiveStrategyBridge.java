package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.risk.StrategyEntryRules;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import io.tradepilot.trading.LiveConfiguration;
import io.tradepilot.trading.LiveStrategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link LiveConfiguration} over the {@link EngineHost}: the configured strategies and limits, the source a
 * start reads from, and live application through {@link EngineCommand.ApplyStrategy} and
 * {@link EngineCommand.SetRiskLimits}.
 */
class LiveStrategyBridge implements LiveConfiguration {

    /** Where an engine start reads its strategies and limits. */
    interface Source {
        List<TradingProperties.StrategySettings> strategies();

        TradingProperties.Limits limits();

        /** Each strategy id's own entry limits, for those that have any. */
        default Map<String, StrategyEntryRules> entryRules() {
            return Map.of();
        }
    }

    private final TradingProperties properties;
    private final EngineHost host;

    LiveStrategyBridge(TradingProperties properties, EngineHost host) {
        this.properties = properties;
        this.host = host;
    }

    @Override
    public List<LiveStrategy> configuredStrategies() {
        return properties.strategies().stream().map(s -> {
            try {
                return live(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tradepilot.trading.strategies " + s.strategyId() + ".sizing: " + e.getMessage(), e);
            }
        }).toList();
    }

    /** The API form of settings; refuses (IllegalArgumentException) an incomplete sizing mode. */
    static LiveStrategy live(TradingProperties.StrategySettings s) {
        return new LiveStrategy(s.strategyId(), s.name(), s.symbols(), s.params(), s.quantity(), s.intraday(),
                s.sizing().rule(s.quantity()), s.sizing().twapAbove(), s.sizing().twapSlices());
    }

    /** The host's settings of a strategy, sizing and TWAP slicing included. */
    static TradingProperties.StrategySettings settings(LiveStrategy s) {
        return new TradingProperties.StrategySettings(s.id(), s.type(), s.symbols(), s.quantity(), s.params(), s.intraday(),
                TradingProperties.Sizing.of(s.sizing(), s.twapAbove(), s.twapSlices()));
    }

    @Override
    public Class<? extends Record> limitsType() {
        return TradingProperties.Limits.class;
    }

    @Override
    public Record configuredLimits() {
        return properties.limits();
    }

    @Override
    public void startFrom(Supplier<List<LiveStrategy>> strategies, Supplier<Record> limits) {
        host.configuration().readFrom(source(strategies, limits));
    }

    /** The start source over the stored versions: each strategy with its sizing and TWAP slicing, the limits as stored. */
    static Source source(Supplier<List<LiveStrategy>> strategies, Supplier<Record> limits) {
        return new Source() {
            @Override
            public List<TradingProperties.StrategySettings> strategies() {
                return strategies.get().stream().map(LiveStrategyBridge::settings).toList();
            }

            @Override
            public TradingProperties.Limits limits() {
                return (TradingProperties.Limits) limits.get();
            }

            @Override
            public Map<String, StrategyEntryRules> entryRules() {
                Map<String, StrategyEntryRules> out = new LinkedHashMap<>();
                for (LiveStrategy s : strategies.get()) if (!s.entryRules().isEmpty()) out.put(s.id(), s.entryRules());
                return out;
            }
        };
    }

    @Override
    public Applied apply(LiveStrategy strategy, Collection<String> previousSymbols, String reason) {
        // built once up front so that a strategy the registry refuses is refused before anything reaches the engine
        TradingProperties.StrategySettings settings = settings(strategy);
        LiveStrategies.create(settings);
        var running = host.runningFeed();
        if (running.isEmpty()) return new Applied(false, "the engine does not run on this instance: the version applies when it starts");
        MarketFeed feed = running.get();
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        for (Instrument i : feed.instruments()) instruments.put(i.symbol(), i);
        List<EngineCommand.ApplyStrategy> commands = new ArrayList<>();
        StrategyId id = new StrategyId(strategy.id());
        for (String symbol : strategy.symbols()) {
            Instrument instrument = instruments.get(symbol);
            if (instrument == null) {
                throw new IllegalArgumentException("symbol " + symbol + " is not in the running market data: it can "
                        + "only be traded after a restart with it configured");
            }
            Strategy built = LiveStrategies.create(settings);
            commands.add(new EngineCommand.ApplyStrategy(instrument, feed.priceScale(instrument),
                    new Warming(id, built, feed.history(instrument)), reason));
        }
        for (String symbol : previousSymbols) {
            Instrument instrument = instruments.get(symbol);
            if (strategy.symbols().contains(symbol) || instrument == null) continue;
            commands.add(new EngineCommand.ApplyStrategy(instrument, feed.priceScale(instrument), new Idle(id), reason));
        }
        try {
            // the new version's entry limits govern from the next order on, as its parameters do
            host.send(new EngineCommand.SetStrategyRules(id, strategy.entryRules(), reason));
            for (EngineCommand.ApplyStrategy c : commands) host.send(c);
        } catch (IllegalStateException stoppedMeanwhile) {
            return new Applied(false, "the engine stopped meanwhile: the version applies when it starts");
        }
        return new Applied(true, "applied to the running engine on " + strategy.symbols().size() + " symbol(s)");
    }

    @Override
    public Applied applyLimits(Record limits, String reason) {
        if (!(limits instanceof TradingProperties.Limits l)) throw new IllegalArgumentException("not the host's limits: " + limits);
        var chain = l.riskChain(host.configuration().intradaySymbols());
        if (host.runningFeed().isEmpty()) return new Applied(false, "the engine does not run on this instance: the limits apply when it starts");
        try {
            host.send(new EngineCommand.SetRiskLimits(chain, HostedEngine.positive(l.dailyLoss()), HostedEngine.positive(l.drawdown()),
                    l.consecutiveLosses(), l.sizeReduction().rule(), reason));
            host.configuration().limitsApplied(l);
        } catch (IllegalStateException stoppedMeanwhile) {
            return new Applied(false, "the engine stopped meanwhile: the limits apply when it starts");
        }
        return new Applied(true, "applied to the running engine");
    }

    /**
     * A strategy applied live under its configured id: before its first bar it is warmed up on the feed's history
     * ({@link MarketFeed#history}) up to that bar (orders dropped), as a start warms strategies up. On a replay the
     * history holds every bar, so its indicators are current; on a broker session it holds the bars known when the
     * engine started.
     */
    static final class Warming implements Strategy {
        private final StrategyId id;
        private final Strategy inner;
        private final BarSeries series;
        private boolean warm;

        Warming(StrategyId id, Strategy inner, BarSeries series) {
            this.id = id;
            this.inner = inner;
            this.series = series;
        }

        @Override
        public StrategyId id() {
            return id;
        }

        @Override
        public void onBar(BarCursor bar, StrategyContext context) {
            if (!warm) {
                warm = true;
                WarmUpContext ctx = new WarmUpContext(context.instrument(), BigDecimal.ZERO, context.portfolio());
                BarCursor cursor = new BarCursor();
                for (int k = 0; k < series.size() && series.startMillis(k) < bar.startMillis(); k++) {
                    cursor.set(k, series.startMillis(k), series.open(k), series.high(k), series.low(k), series.close(k), series.volume(k),
                            series.priceScale());
                    ctx.at(cursor.start());
                    inner.onBar(cursor, ctx);
                }
            }
            inner.onBar(bar, context);
        }
    }

    /** A strategy no longer configured for a symbol: it takes no entries (the old version finishes its trade first). */
    record Idle(StrategyId id) implements Strategy {
        @Override
        public void onBar(BarCursor bar, StrategyContext context) {
        }
    }
}
