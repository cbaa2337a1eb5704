package io.tradepilot.trading.internal;

import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.trading.LedgerOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;

/**
 * One started engine and the parts that serve it, assembled from the ledger by {@link #start} and taken apart by
 * {@link #stop}; a new one on every start (nothing of a stopped engine is reused). Owned by {@link EngineHost}, which
 * publishes it to readers and decides when it runs.
 */
final class HostedEngine {

    private static final Logger log = LoggerFactory.getLogger(HostedEngine.class);

    /**
     * What a hosted engine is built from: the host's collaborators. {@code configuration}: its strategies and limits.
     * {@code liveOrders}: whether a live (real-money) account may take the engine's orders now (the trading mode is
     * LIVE); when not, its session serves market data and reconciliation's reads while the engine's orders fill at the
     * paper venue. {@code sizeFactor}: the LIVE size factor the engine starts with (1 outside LIVE; {@link LiveSizeFactor}).
     * {@code startup}: holds entries at a broker until reconciliation found the books agreeing.
     */
    record Parts(TradingProperties properties, JooqLedger ledger, LeaderLock lock, TradingGate gate, ControlEvents controlEvents,
                 ControlService controls, Clock clock, BarCache barCache, StrategySwitches switches,
                 EngineConfiguration configuration, BooleanSupplier liveOrders,
                 java.util.function.Supplier<BigDecimal> sizeFactor, StartupReconciliation startup) { }

    final SingleWriterEngine engine;
    final LedgerWriter writer;
    final Placements placements;
    final FeedLoop feed;
    final ControlBridge controls;
    /** The broker venue's write-ahead gate; null at the paper venue (also a live account's outside LIVE mode). */
    final WriteAheadVenue venue;
    final MarketFeed source;
    /** The broker account's session; null at the paper venue. */
    final VenueSession session;
    final Map<String, Instrument> instruments;
    final EngineHost.Recovery recovery;
    /** The ledger's order and fill rows at the start (after recovery). */
    final JooqLedger.Watermark startedAt;
    private final Thread feedThread;
    private final ScheduledExecutorService ticker;
    private final ExecutorService reactions;
    private final ControlEvents.Subscription subscription;

    private HostedEngine(SingleWriterEngine engine, LedgerWriter writer, Placements placements, FeedLoop feed, ControlBridge controls,
                         WriteAheadVenue venue, MarketFeed source, VenueSession session, Map<String, Instrument> instruments,
                         EngineHost.Recovery recovery, JooqLedger.Watermark startedAt, Thread feedThread,
                         ScheduledExecutorService ticker, ExecutorService reactions, ControlEvents.Subscription subscription) {
        this.engine = engine;
        this.writer = writer;
        this.placements = placements;
        this.feed = feed;
        this.controls = controls;
        this.venue = venue;
        this.source = source;
        this.session = session;
        this.instruments = instruments;
        this.recovery = recovery;
        this.startedAt = startedAt;
        this.feedThread = feedThread;
        this.ticker = ticker;
        this.reactions = reactions;
        this.subscription = subscription;
    }

    /**
     * Builds the engine at the venue of {@code accounts}' active session (none: the paper venue) from the ledger and starts its feed and tick.
     * Nothing of a failed start survives (threads stopped, session closed). Refuses (IllegalStateException) a pace whose
     * longest gap exceeds the staleness limit, no strategies, a CSV folder without a symbol's file, a symbol the broker
     * does not list.
     *
     * @param recorded called on the ledger thread after each committed event (before this engine's parts hear it)
     * @param tick     run every {@code tick} while the engine runs
     * @param publish  called with the assembled engine before its feed starts (readers and the ledger's callbacks see it)
     */
    static HostedEngine start(Parts parts, VenueAccounts accounts, Consumer<EngineEvent> recorded, Runnable tick,
                              Consumer<HostedEngine> publish) {
        TradingProperties properties = parts.properties();
        var md = properties.marketdata();
        if (md.speed() > 0 && md.maxGap().toMillis() / md.speed() >= md.staleAfter().toMillis()) {
            throw new IllegalStateException("tradepilot.trading.marketdata: at speed " + md.speed() + " a gap of " + md.maxGap()
                    + " takes longer than stale-after " + md.staleAfter() + ": the breaker would trip between bars");
        }
        Map<String, List<Strategy>> bySymbol = strategies(parts.configuration().strategies());
        Currency currency = Currency.getInstance(properties.currency());
        JooqLedger ledger = parts.ledger();
        VenueSession session = accounts.activeSession().orElse(null);
        MarketFeed source = null;
        ExecutorService reactions = null;
        LedgerWriter writer = null;
        SingleWriterEngine engine = null;
        HostedEngine[] started = {null};
        try {
            source = session == null ? new ReplayFeed(BarSource.load(properties, new ArrayList<>(bySymbol.keySet())), md)
                    : new SessionFeed(session, new ArrayList<>(bySymbol.keySet()), properties.marketZone(), parts.clock(),
                            properties.sessionBars());
            Map<String, Instrument> ins = new LinkedHashMap<>();
            List<BarSeries> histories = new ArrayList<>();
            for (Instrument i : source.instruments()) {
                ins.put(i.symbol(), i);
                histories.add(source.history(i));
            }
            Map<String, Instrument> instruments = Map.copyOf(ins);
            java.util.Set<String> intraday = parts.configuration().intradayForStart();
            MarketTimeSquareOff squareOffRule = intraday.isEmpty() ? null
                    : new MarketTimeSquareOff(io.tradepilot.engine.calendar.ExchangeCalendar.of(properties.exchange()),
                            properties.squareOff().rule(), intraday,
                            MarketTimeSquareOff.barLength(histories, Duration.ofMinutes(5).toMillis()));

            Map<String, Instant> checkpoints = ledger.checkpoints();
            MarketClock marketClock = new MarketClock(checkpoints.values().stream().mapToLong(Instant::toEpochMilli).max().orElse(0));
            reactions = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("trading-reactions").daemon().factory());
            writer = new LedgerWriter(ledger, symbol -> instrument(instruments, symbol), properties.marketZone(), event -> {
                recorded.accept(event);
                HostedEngine self = started[0];
                if (self != null) self.recorded(event);
            }, parts.lock().fence());

            List<Map.Entry<LedgerOrder, String>> orderRows = ledger.ordersWithExchange();
            long[] orderSeq = {LedgerRecovery.maxOrderSeq(orderRows)};
            OrderIdGenerator ids = () -> new OrderId("O" + (++orderSeq[0]));
            var limits = parts.configuration().limitsForStart();
            // real money only in LIVE mode: otherwise a live account's session feeds the engine, the paper venue fills
            boolean routed = session != null && (!session.live() || parts.liveOrders().getAsBoolean());
            ControlsTradingState port = new ControlsTradingState(parts.gate());
            EngineConfig config = EngineConfig.simple(new Money(properties.initialCash(), currency))
                    .withBroker(PaperCosts.broker(properties))
                    .withRisk(limits.riskChain(intraday))
                    .withHostState(parts.startup().arm(port, routed ? session : null))
                    .withMarketZone(properties.marketZone())
                    .withTrips(positive(limits.dailyLoss()), positive(limits.drawdown()), limits.consecutiveLosses())
                    .withLossSizeReduction(limits.sizeReduction().rule());
            WriteAheadVenue venue = routed ? new WriteAheadVenue(session.venue()) : null;
            TradingEngine core = new TradingEngine(config, marketClock, ids, writer, venue == null ? null : reports -> venue);

            EngineHost.Recovery recovery = new LedgerRecovery(ledger, currency, instruments).recover(core, orderRows, source, checkpoints);
            for (var e : bySymbol.entrySet()) {
                Instrument instrument = instruments.get(e.getKey());
                BarSeries series = source.history(instrument);
                for (Strategy s : e.getValue()) {
                    LedgerRecovery.warmUp(s, instrument, series, checkpoints.get(e.getKey()), core);
                    core.register(s, instrument, source.priceScale(instrument));
                }
            }
            parts.configuration().entryRules().forEach((id, rules) -> core.setStrategyRules(new StrategyId(id), rules));
            for (String off : parts.switches().disabled()) core.setStrategyEnabled(new StrategyId(off), false);
            core.accept(new io.tradepilot.engine.core.EngineCommand.SetSizeFactor(parts.sizeFactor().get(), "trading mode at start"));
            AtomicLong refusedCommands = new AtomicLong();
            engine = new SingleWriterEngine(core, Thread.ofPlatform().name("trading-engine").factory(), error -> {
                refusedCommands.incrementAndGet();
                log.error("The engine refused a command", error);
            });
            if (routed) session.start(engine);
            Placements placements = new Placements(engine, writer, refusedCommands);
            LedgerRecovery.squareOffAfterRestart(squareOffRule, checkpoints).ifPresent(placements::enqueue);
            FeedLoop feed = new FeedLoop(engine, writer, marketClock, placements, parts.barCache(), parts.clock(), md,
                    source.realTime() ? null : squareOffRule);
            ControlBridge bridge = new ControlBridge(properties, parts.configuration()::limits, parts.gate(), parts.controls(), engine, port, reactions, feed, source,
                    parts.clock());
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("trading-tick").daemon().factory());
            MarketFeed feedSource = source;
            Thread feedThread = Thread.ofPlatform().name("trading-feed").unstarted(() -> feed.run(feedSource, checkpoints));
            ControlEvents.Subscription subscription = parts.controlEvents().subscribe(bridge::onControlChanged);
            HostedEngine hosted = new HostedEngine(engine, writer, placements, feed, bridge, venue, source, session, instruments,
                    recovery, new JooqLedger.Watermark(orderRows.size(), recovery.fills()), feedThread, ticker, reactions, subscription);
            started[0] = hosted;
            publish.accept(hosted);
            ticker.scheduleWithFixedDelay(tick, properties.tick().toMillis(), properties.tick().toMillis(), TimeUnit.MILLISECONDS);
            feedThread.start();
            log.info("Engine started as leader: {} symbols, {} recovered fills, {} recovered orders ({} working), at {}{}",
                    instruments.size(), recovery.fills(), recovery.orders(), recovery.workingOrders(),
                    session == null ? "the paper venue" : (venue == null ? "the paper venue on the market data of " : "")
                            + "the " + session.broker() + " account " + session.accountId(),
                    recovery.mismatches().isEmpty() ? "" : ", MISMATCHES " + recovery.mismatches());
            return hosted;
        } catch (RuntimeException e) {
            if (started[0] == null) {
                // nothing of this start survives: the host has no engine to stop
                try {
                    if (engine != null) engine.close();
                    if (writer != null) writer.halt();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                if (reactions != null) reactions.shutdownNow();
                if (source != null) source.close();
                if (session != null) session.close();
            }
            throw e;
        }
    }

    /** The ledger committed {@code event}: the venue's held orders, the waiting callers and the controls hear it. */
    private void recorded(EngineEvent event) {
        if (venue != null) venue.recorded(event);
        placements.recorded(event);
        controls.recorded(event);
    }

    /**
     * Stops the engine and what serves it: the feed first (no further bar, order or fill), the tick and the control
     * subscription, then {@code unpublish} (from here on nobody sees the engine), then the engine, the broker session and
     * the ledger writer. {@code crash}: the writer stops where it is (whatever it had not committed is lost); otherwise
     * it writes everything it was given.
     */
    void stop(boolean crash, Runnable unpublish) {
        feed.stop();
        placements.stop();
        try {
            feedThread.interrupt();
            feedThread.join();
            source.close();
            ticker.shutdownNow();
            subscription.cancel();
            unpublish.run();
            // a crash-stop may wait here for a database call in flight (bounded by the driver's socket timeout)
            if (crash) writer.halt();
            engine.close();
            if (session != null) session.close();
            if (!crash) writer.close();
            reactions.shutdown();
            reactions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            log.info("Engine {}: {} bars processed since it started, last bar {}", crash ? "halted" : "stopped",
                    engine.latest().barsProcessed(), feed.lastBarTime());
        }
    }

    private static Map<String, List<Strategy>> strategies(List<TradingProperties.StrategySettings> configured) {
        Map<String, List<Strategy>> bySymbol = new LinkedHashMap<>();
        for (var s : configured) {
            for (String symbol : s.symbols()) {
                Strategy strategy = LiveStrategies.create(s);
                if (!strategy.id().value().equals(s.strategyId())) {
                    strategy = withId(strategy, new StrategyId(s.strategyId()));
                }
                bySymbol.computeIfAbsent(symbol, k -> new ArrayList<>()).add(strategy);
            }
        }
        if (bySymbol.isEmpty()) throw new IllegalStateException("no strategies configured (tradepilot.trading.strategies)");
        return bySymbol;
    }

    private static Strategy withId(Strategy inner, StrategyId id) {
        return new Strategy() {
            @Override public StrategyId id() { return id; }
            @Override public void onBar(BarCursor bar, io.tradepilot.engine.strategy.StrategyContext context) { inner.onBar(bar, context); }
        };
    }

    private static Instrument instrument(Map<String, Instrument> instruments, String symbol) {
        Instrument i = instruments.get(symbol);
        if (i == null) throw new IllegalArgumentException("unknown symbol " + symbol);
        return i;
    }

    static BigDecimal positive(BigDecimal v) {
        return v == null || v.signum() <= 0 ? null : v;
    }
}
