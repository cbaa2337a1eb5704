package io.tradepilot.trading.internal;

import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.RiskDecision;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.LedgerOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs the trading engine inside the application, started and stopped with it: the coordinator of the host's jobs.
 *
 * <p>Contracts:
 * <ul>
 *   <li><b>Lifecycle and leadership</b> (this class, {@link LeadershipSupervisor}, {@link LeaderLock}): only the
 *       instance holding the leader lock runs the engine (role LEADER); the others stay STANDBY, serve the UI from the
 *       ledger, and retry the lock every {@code standbyRetry}. A leader whose lock connection does not answer in time
 *       stops its engine at once (fail closed: RECOVERING) and takes the lock back when the database answers,
 *       rebuilding the engine from the ledger; the ledger writer's transactions are fenced by the lock.</li>
 *   <li><b>Venue</b>: the engine trades at the account {@link VenueAccounts#activeSession()} names (its
 *       {@link VenueSession#venue()}, behind {@link WriteAheadVenue}; its execution reports reach the engine as
 *       commands), else at the built-in paper venue with exactly the backtests' fills (next bar's open: SAME_CLOSE
 *       would execute an order before its row is committed).</li>
 *   <li><b>Feed</b> ({@link MarketFeed}, {@link FeedLoop}): the session's streamed bars ({@link SessionFeed}), else the
 *       configured replay ({@link ReplayFeed}); the engine runs on its own writer thread ({@link SingleWriterEngine})
 *       with its own market clock ({@link MarketClock}); every time step is processed and recorded before the next.</li>
 *   <li><b>Placement</b> ({@link Placements}, {@link WriteAheadVenue}): an order is recorded, with its deterministic
 *       client order id, before it can execute or is sent.</li>
 *   <li><b>Control bridge</b> ({@link ControlBridge}): the controls module owns "may we trade"; the engine reads it
 *       through its trading-state port ({@link ControlsTradingState}) and reports its trips to it.</li>
 *   <li><b>Recovery</b> ({@link LedgerRecovery}): on start the engine is rebuilt from the ledger, working orders
 *       resolved at the venue by client order id (never sent again), strategies warmed up, the feed resuming after
 *       the checkpoint.</li>
 * </ul>
 */
public final class EngineHost implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineHost.class);
    /**
     * Time steps and command groups the ledger writer may have waiting before the feed waits for it: two
     * transactions' worth ({@link LedgerWriter#MAX_BATCH} each), so the writer never idles while the feed
     * is ahead, and a feed faster than the database holds tens of MB instead of an unbounded backlog.
     */
    static final int MAX_LEDGER_BACKLOG = 2 * LedgerWriter.MAX_BATCH;

    /**
     * The role of this instance: STOPPED (not started, stopped, or trading disabled here), STANDBY (another
     * instance holds the leader lock), LEADER (runs the engine), RECOVERING (lost the lock or could not confirm
     * it: the engine is stopped, no orders go out, the lock is retried until this instance leads again or
     * another one does).
     */
    public enum Role { STOPPED, STANDBY, LEADER, RECOVERING }

    /** What the start rebuilt from the ledger; {@code cash} is the rebuilt portfolio's, before the feed resumed (null: no rebuild). */
    public record Recovery(int fills, int orders, int workingOrders, List<String> mismatches, BigDecimal cash) {
        static final Recovery NONE = new Recovery(0, 0, 0, List.of(), null);
    }

    /** One running engine and the parts that serve it; replaced on every start. */
    private record Run(SingleWriterEngine engine, LedgerWriter writer, Placements placements, FeedLoop feed,
                       ControlBridge controls, WriteAheadVenue venue, MarketFeed source, VenueSession session,
                       Map<String, Instrument> instruments, Thread feedThread, ScheduledExecutorService ticker,
                       ExecutorService reactions, ControlEvents.Subscription subscription) { }

    private final TradingProperties properties;
    private final JooqLedger ledger;
    private final LeaderLock lock;
    private final TradingGate gate;
    private final ControlEvents controlEvents;
    private final ControlService controls;
    private final Clock clock;
    private final Currency currency;
    private final BarCache barCache;
    /** Strategies switched off in the store ({@code strategy_switch}), applied at start. */
    private final StrategySwitches switches;
    private final VenueAccounts accounts;
    private final LeadershipSupervisor supervisor;

    private volatile boolean running;
    private volatile Run run;
    /** The last run's feed (kept after a stop for the status). */
    private volatile FeedLoop lastFeed;
    /** The ledger's rows when the engine started (after recovery) and the rows its writer committed since. */
    private volatile JooqLedger.Watermark startedAt = new JooqLedger.Watermark(0, 0);
    private final AtomicLong ordersWritten = new AtomicLong();
    private final AtomicLong fillsWritten = new AtomicLong();
    private volatile Recovery recovery = Recovery.NONE;

    public EngineHost(TradingProperties properties, JooqLedger ledger, LeaderLock lock, TradingGate gate,
                      ControlEvents controlEvents, ControlService controls, Clock clock) {
        this(properties, ledger, lock, gate, controlEvents, controls, clock, StrategySwitches.NONE, BarCache.NONE,
                LeadershipProperties.DEFAULTS);
    }

    /** A host whose feed also hands every bar it gives the engine to {@code barCache} (never waiting for it). */
    EngineHost(TradingProperties properties, JooqLedger ledger, LeaderLock lock, TradingGate gate,
               ControlEvents controlEvents, ControlService controls, Clock clock, BarCache barCache) {
        this(properties, ledger, lock, gate, controlEvents, controls, clock, StrategySwitches.NONE, barCache,
                LeadershipProperties.DEFAULTS);
    }

    /** A host on the paper venue and the configured replay (no broker account). */
    EngineHost(TradingProperties properties, JooqLedger ledger, LeaderLock lock, TradingGate gate,
               ControlEvents controlEvents, ControlService controls, Clock clock, StrategySwitches switches,
               BarCache barCache, LeadershipProperties leadership) {
        this(properties, ledger, lock, gate, controlEvents, controls, clock, switches, barCache, leadership, Optional::empty);
    }

    /**
     * @param switches   the stored strategy switches, applied to the engine when it starts
     * @param barCache   receives every bar the feed gives the engine (never waited for)
     * @param leadership how the leader lock is confirmed and retaken ({@link LeadershipSupervisor})
     * @param accounts   the broker account to trade through, asked on every engine start (none: the paper venue)
     */
    EngineHost(TradingProperties properties, JooqLedger ledger, LeaderLock lock, TradingGate gate,
               ControlEvents controlEvents, ControlService controls, Clock clock, StrategySwitches switches,
               BarCache barCache, LeadershipProperties leadership, VenueAccounts accounts) {
        this.switches = Objects.requireNonNull(switches, "switches");
        this.barCache = Objects.requireNonNull(barCache, "barCache");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.properties = properties;
        this.ledger = ledger;
        this.lock = lock;
        this.gate = gate;
        this.controlEvents = controlEvents;
        this.controls = controls;
        this.clock = clock;
        this.currency = Currency.getInstance(properties.currency());
        this.supervisor = new LeadershipSupervisor(lock, ledger, new LeadershipSupervisor.Engine() {
            @Override public void start() { startEngine(); }
            @Override public void stop(boolean crash) { stopEngine(crash); }
            @Override public JooqLedger.Watermark written() {
                return new JooqLedger.Watermark(startedAt.orders() + ordersWritten.get(), startedAt.fills() + fillsWritten.get());
            }
        }, this, properties.leaderLockKey(), properties.standbyRetry(), leadership);
    }

    // ------------------------------------------------------------------------------ lifecycle

    /**
     * Takes the leader lock and starts the engine, or stays STANDBY when another instance holds it (RECOVERING
     * when the database does not answer); the {@link LeadershipSupervisor} carries on from there.
     * Refuses (IllegalStateException, lock released) a configuration the host cannot honour: a pace whose
     * longest gap exceeds the staleness limit, no strategies, a CSV folder without a symbol's file, a symbol the
     * active broker account does not list.
     */
    @Override
    public synchronized void start() {
        if (running) return;
        running = true;
        if (!properties.enabled()) {
            log.info("Live paper trading is disabled (tradepilot.trading.enabled=false)");
            return;
        }
        try {
            supervisor.start();
        } catch (RuntimeException e) {
            running = false;
            throw e;
        }
    }

    private void startEngine() {
        var md = properties.marketdata();
        if (md.speed() > 0 && md.maxGap().toMillis() / md.speed() >= md.staleAfter().toMillis()) {
            throw new IllegalStateException("tradepilot.trading.marketdata: at speed " + md.speed() + " a gap of " + md.maxGap()
                    + " takes longer than stale-after " + md.staleAfter() + ": the breaker would trip between bars");
        }
        Map<String, List<Strategy>> bySymbol = strategies();
        VenueSession session = accounts.activeSession().orElse(null);
        MarketFeed source = null;
        ExecutorService reactions = null;
        LedgerWriter writer = null;
        SingleWriterEngine engine = null;
        try {
            source = session == null ? new ReplayFeed(BarSource.load(properties, new ArrayList<>(bySymbol.keySet())), md)
                    : new SessionFeed(session, new ArrayList<>(bySymbol.keySet()), properties.marketZone(), clock);
            Map<String, Instrument> ins = new LinkedHashMap<>();
            for (Instrument i : source.instruments()) ins.put(i.symbol(), i);
            Map<String, Instrument> instruments = Map.copyOf(ins);
            List<io.tradepilot.engine.marketdata.BarSeries> histories = new ArrayList<>();
            for (Instrument i : source.instruments()) histories.add(source.history(i));
            MarketTimeSquareOff squareOffRule = properties.intradaySymbols().isEmpty() ? null
                    : new MarketTimeSquareOff(io.tradepilot.engine.calendar.ExchangeCalendar.of(properties.exchange()),
                            properties.squareOff().rule(), properties.intradaySymbols(),
                            MarketTimeSquareOff.barLength(histories, Duration.ofMinutes(5).toMillis()));

            Map<String, Instant> checkpoints = ledger.checkpoints();
            MarketClock marketClock = new MarketClock(checkpoints.values().stream().mapToLong(Instant::toEpochMilli).max().orElse(0));
            reactions = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("trading-reactions").daemon().factory());
            writer = new LedgerWriter(ledger, symbol -> instrument(instruments, symbol), properties.marketZone(),
                    this::onRecorded, lock.fence());

            List<Map.Entry<LedgerOrder, String>> orderRows = ledger.ordersWithExchange();
            long[] orderSeq = {LedgerRecovery.maxOrderSeq(orderRows)};
            OrderIdGenerator ids = () -> new OrderId("O" + (++orderSeq[0]));
            var limits = properties.limits();
            EngineConfig config = EngineConfig.simple(new Money(properties.initialCash(), currency))
                    .withBroker(BrokerConfig.defaults().withFillMode(FillMode.NEXT_OPEN))
                    .withRisk(limits.riskChain())
                    .withHostState(new ControlsTradingState(gate))
                    .withMarketZone(properties.marketZone())
                    .withTrips(positive(limits.dailyLoss()), positive(limits.drawdown()), limits.consecutiveLosses())
                    .withLossSizeReduction(limits.sizeReduction().rule());
            WriteAheadVenue venue = session == null ? null : new WriteAheadVenue(session.venue());
            TradingEngine core = new TradingEngine(config, marketClock, ids, writer, venue == null ? null : reports -> venue);

            recovery = new LedgerRecovery(ledger, currency, instruments).recover(core, orderRows, source, checkpoints);
            startedAt = new JooqLedger.Watermark(orderRows.size(), recovery.fills());
            ordersWritten.set(0);
            fillsWritten.set(0);
            for (var e : bySymbol.entrySet()) {
                Instrument instrument = instruments.get(e.getKey());
                var series = source.history(instrument);
                for (Strategy s : e.getValue()) {
                    LedgerRecovery.warmUp(s, instrument, series, checkpoints.get(e.getKey()), core);
                    core.register(s, instrument, source.priceScale(instrument));
                }
            }
            for (String off : switches.disabled()) core.setStrategyEnabled(new StrategyId(off), false);
            AtomicLong refusedCommands = new AtomicLong();
            engine = new SingleWriterEngine(core, Thread.ofPlatform().name("trading-engine").factory(), error -> {
                refusedCommands.incrementAndGet();
                log.error("The engine refused a command", error);
            });
            if (session != null) session.start(engine);
            Placements placements = new Placements(engine, writer, refusedCommands);
            LedgerRecovery.squareOffAfterRestart(squareOffRule, checkpoints).ifPresent(placements::enqueue);
            FeedLoop feed = new FeedLoop(engine, writer, marketClock, placements, barCache, clock, md,
                    source.realTime() ? null : squareOffRule);
            ControlBridge bridge = new ControlBridge(properties, gate, controls, engine, reactions, feed, clock);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("trading-tick").daemon().factory());
            MarketFeed feedSource = source;
            Thread feedThread = Thread.ofPlatform().name("trading-feed").unstarted(() -> feed.run(feedSource, checkpoints));
            lastFeed = feed;
            ControlEvents.Subscription subscription = controlEvents.subscribe(bridge::onControlChanged);
            run = new Run(engine, writer, placements, feed, bridge, venue, source, session, instruments, feedThread, ticker,
                    reactions, subscription);
            ticker.scheduleWithFixedDelay(this::tick, properties.tick().toMillis(), properties.tick().toMillis(), TimeUnit.MILLISECONDS);
            feedThread.start();
            log.info("Engine started as leader: {} symbols, {} recovered fills, {} recovered orders ({} working), at {}{}",
                    instruments.size(), recovery.fills(), recovery.orders(), recovery.workingOrders(),
                    session == null ? "the paper venue" : "the " + session.broker() + " account " + session.accountId(),
                    recovery.mismatches().isEmpty() ? "" : ", MISMATCHES " + recovery.mismatches());
        } catch (RuntimeException e) {
            if (run == null) {
                // nothing of this start survives: the supervisor's stop finds no run
                closeQuietly(engine, writer);
                if (reactions != null) reactions.shutdownNow();
                if (source != null) source.close();
                if (session != null) session.close();
            }
            throw e;
        }
    }

    /** Stops feeding, lets the engine apply what it was given, writes everything to the ledger, releases the lock. */
    @Override
    public synchronized void stop() {
        if (!running) return;
        shutdown(false);
    }

    /**
     * Stops at once, as a crash would: the feed and the writer stop where they are and whatever the
     * ledger writer had not committed is lost. The ledger stays consistent (one transaction per batch);
     * a later start recovers from it. For failover drills and tests.
     */
    public synchronized void halt() {
        if (!running) return;
        shutdown(true);
    }

    private void shutdown(boolean crash) {
        running = false;
        supervisor.close();
        stopEngine(crash);
        lock.close();
    }

    /**
     * Stops the engine and what serves it (feed first, so no further bar, order or fill), keeping the host
     * running: the supervisor decides about the lock. {@code crash}: the ledger writer stops where it is.
     */
    private void stopEngine(boolean crash) {
        Run r = run;
        if (r == null) return;
        if (r.feed() != null) r.feed().stop();
        if (r.placements() != null) r.placements().stop();
        try {
            if (r.feedThread() != null) {
                r.feedThread().interrupt();
                r.feedThread().join();
            }
            if (r.source() != null) r.source().close();
            if (r.ticker() != null) r.ticker().shutdownNow();
            if (r.subscription() != null) r.subscription().cancel();
            // from here on nobody sees the engine: readers get no snapshot, send() refuses
            run = null;
            // a crash-stop may wait here for a database call in flight (bounded by the driver's socket timeout)
            if (crash && r.writer() != null) r.writer().halt();
            if (r.engine() != null) r.engine().close();
            if (r.session() != null) r.session().close();
            if (!crash && r.writer() != null) r.writer().close();
            if (r.reactions() != null) {
                r.reactions().shutdown();
                r.reactions().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (r.engine() != null) {
                log.info("Engine {}: {} bars processed since it started, last bar {}", crash ? "halted" : "stopped",
                        r.engine().latest().barsProcessed(), r.feed() == null ? null : r.feed().lastBarTime());
            }
            run = null;
        }
    }

    @Override
    public boolean isAutoStartup() {
        return properties.autoStartup();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void tick() {
        Run r = run;
        if (r == null || role() != Role.LEADER || !running) return;
        r.controls().tick();
    }

    /** Called on the ledger thread after the event is committed. */
    private void onRecorded(EngineEvent event) {
        if (event instanceof EngineEvent.OrderAccepted) ordersWritten.incrementAndGet();
        else if (event instanceof EngineEvent.OrderFilled) fillsWritten.incrementAndGet();
        Run r = run;
        if (r == null) return;
        if (r.venue() != null) r.venue().recorded(event);
        if (r.placements() != null) r.placements().recorded(event);
        if (r.controls() != null) r.controls().recorded(event);
    }

    /** The controls' reason for one of the engine's automatic trips; null for a code that is not an automatic trigger. */
    static TripReason tripReason(RejectionCode code) {
        return ControlBridge.tripReason(code);
    }

    // ------------------------------------------------------------------------------ reads

    public Role role() {
        return supervisor.role();
    }

    /** The engine's latest snapshot, empty unless this instance is the leader. */
    public Optional<EngineSnapshot> snapshot() {
        Run r = run;
        return r == null || r.engine() == null ? Optional.empty() : Optional.of(r.engine().latest());
    }

    /** The configured daily loss limit as a fraction of the day's starting equity, null when off. */
    public BigDecimal dailyLossLimit() {
        return positive(properties.limits().dailyLoss());
    }

    /** What the last start rebuilt from the ledger. */
    public Recovery recovery() {
        return recovery;
    }

    /** True once the market data source has no more bars. */
    public boolean feedFinished() {
        FeedLoop f = lastFeed;
        return f != null && f.finished();
    }

    /** Ledger items not yet committed (0: the ledger holds everything the engine reported). */
    public long ledgerBacklog() {
        Run r = run;
        return r == null || r.writer() == null ? 0 : r.writer().backlog();
    }

    public EngineStatus status() {
        Optional<EngineSnapshot> s = snapshot();
        FeedLoop f = lastFeed;
        return new EngineStatus(role().name(), s.map(x -> x.state().name()).orElse(null), f == null ? null : f.lastBarTime(),
                s.map(EngineSnapshot::barsProcessed).orElse(0L));
    }

    /** The broker account the running engine trades through; empty on the paper venue or unless leading. */
    public Optional<String> venueAccount() {
        Run r = run;
        return r == null || r.session() == null ? Optional.empty() : Optional.of(r.session().broker() + ":" + r.session().accountId());
    }

    /**
     * True when the feed runs in real time (speed 1, or a broker account's stream): market time then follows wall
     * time, and the wall-clock square-off applies.
     */
    public boolean realTimeFeed() {
        Run r = run;
        if (r != null && r.source() != null) return r.source().realTime();
        return properties.marketdata().speed() == 1.0;
    }

    // ------------------------------------------------------------------------------ commands

    /**
     * Hands the engine a command (the application's order entry and controls use this). Refused with
     * IllegalStateException unless this instance is the leader.
     * <p>A {@code PlaceOrder} goes through the feed thread, between two time steps, which waits until the
     * engine has decided on it and an accepted order is committed before the next bar: the same
     * write-ahead guarantee as for the strategies' orders. A {@code Flatten} or a {@code SquareOff} (the
     * engine places their closing orders itself) takes the same path. Other commands go to the engine at once.
     */
    public void send(EngineCommand command) {
        Run r = leading();
        if (command instanceof EngineCommand.PlaceOrder || command instanceof EngineCommand.Flatten
                || command instanceof EngineCommand.SquareOff) {
            r.placements().enqueue(command);
        } else {
            r.engine().accept(command);
        }
    }

    /**
     * Sends a {@code Flatten} or {@code SquareOff} (see {@link #send}) and waits at most {@code timeout} until the
     * engine has applied it and every order it placed is committed to the ledger: true then, so that a crash after
     * this answer cannot lose the command's closing orders (a restart adopts them from the ledger). False when that
     * did not happen in time (the command may still be applied later).
     *
     * @throws IllegalStateException unless this instance runs the engine
     */
    public boolean sendAndAwaitRecorded(EngineCommand command, Duration timeout) throws InterruptedException {
        if (!(command instanceof EngineCommand.Flatten || command instanceof EngineCommand.SquareOff)) {
            throw new IllegalArgumentException("only a Flatten or a SquareOff is recorded through the feed: " + command);
        }
        return leading().placements().sendAndAwaitRecorded(command, timeout);
    }

    private Run leading() {
        Run r = run;
        Role role = role();
        if (r == null || r.engine() == null || role != Role.LEADER) {
            throw new IllegalStateException("this instance does not run the engine (" + role + ")");
        }
        return r;
    }

    // ------------------------------------------------------------------------------ manual actions and questions

    /** The engine's recorded decision on a placement. */
    public sealed interface Decision {
        /** Accepted as {@code orderId}; the order row is committed. */
        record Accepted(String orderId) implements Decision {}

        /** Refused by the trading state, the strategy switch or a risk limit; the rejection is recorded. */
        record Rejected(RejectionCode code, String message) implements Decision {}

        /** The client order id was used before; {@code existingOrderId} stands. */
        record Duplicate(String existingOrderId) implements Decision {}
    }

    /** What the engine would decide on an order now, with the symbol's signed position and last mark (null if none yet). */
    public record Preview(RiskDecision decision, BigDecimal position, BigDecimal mark) {}

    /** The instruments the engine trades, by symbol (empty unless this instance is the leader). */
    public Map<String, Instrument> instruments() {
        Run r = run;
        return r != null && role() == Role.LEADER ? r.instruments() : Map.of();
    }

    /**
     * Places {@code request} through the write-ahead path ({@link #send}) and waits at most {@code timeout}
     * for the engine's decision, which is reported only once it is committed to the ledger (an accepted order's
     * row exists before any bar can fill it). Empty when no decision arrived in time (the placement may still
     * be decided later; its outcome is then in the ledger).
     *
     * @throws IllegalStateException unless this instance runs the engine
     */
    public Optional<Decision> placeAndAwait(OrderRequest request, Duration timeout) throws InterruptedException {
        return leading().placements().placeAndAwait(request, timeout);
    }

    /**
     * What the engine would decide on {@code request} now (trading state, strategy switch, risk limits: what a
     * placement would meet), answered on the writer thread without any effect. Empty when the engine did not
     * answer within {@code timeout}.
     *
     * @throws IllegalStateException unless this instance runs the engine
     */
    public Optional<Preview> preview(OrderRequest request, Duration timeout) throws InterruptedException {
        String symbol = request.symbol();
        return query(core -> new Preview(core.preview(request), core.portfolio().quantity(symbol), core.portfolio().markOf(symbol)), timeout);
    }

    /**
     * Asks the engine a read-only {@code question} on its writer thread, after every command sent before, and
     * waits at most {@code timeout} for the answer (empty when none came in time). The question must not
     * change the engine.
     *
     * @throws IllegalStateException unless this instance runs the engine, or when the question failed
     */
    public <T> Optional<T> query(Function<TradingEngine, T> question, Duration timeout) throws InterruptedException {
        var answer = leading().engine().query(question);
        try {
            return Optional.ofNullable(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException ex) {
            return Optional.empty();
        } catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
    }

    // ------------------------------------------------------------------------------ strategies

    private Map<String, List<Strategy>> strategies() {
        Map<String, List<Strategy>> bySymbol = new LinkedHashMap<>();
        for (var s : properties.strategies()) {
            for (String symbol : s.symbols()) {
                Strategy strategy = Strategies.create(s.name(), s.params(), new Quantity(s.quantity()));
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

    /** After a failed start: stops what it had started (nothing was recorded that must be kept). */
    private static void closeQuietly(SingleWriterEngine engine, LedgerWriter writer) {
        try {
            if (engine != null) engine.close();
            if (writer != null) writer.halt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BigDecimal positive(BigDecimal v) {
        return v == null || v.signum() <= 0 ? null : v;
    }
}
