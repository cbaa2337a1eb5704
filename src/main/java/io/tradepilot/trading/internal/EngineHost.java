package io.tradepilot.trading.internal;

import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.core.EngineState;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.OrderView;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.PositionSnapshot;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.RiskDecision;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the trading engine inside the application, started and stopped with it.
 *
 * <p>Contracts:
 * <ul>
 *   <li>Only the instance holding the {@link LeaderLock} runs the engine (role LEADER); the others stay
 *       STANDBY, serve the UI from the ledger, and retry the lock every {@code standbyRetry}: when the
 *       leader is gone one of them takes over and starts the engine from the ledger.</li>
 *   <li>A leader whose lock connection does not answer in time (lost, database stalled or restarting)
 *       stops its engine at once (fail closed: RECOVERING) and takes the lock back by itself when the database
 *       answers, rebuilding the engine from the ledger; meanwhile a standby may take over. The ledger writer's
 *       transactions are fenced by the lock, so an instance that no longer leads writes nothing
 *       ({@link LeadershipSupervisor}, {@link LeaderLock}).</li>
 *   <li>The engine runs on its own writer thread ({@link SingleWriterEngine}) with its own market clock
 *       ({@link MarketClock}: the time of the bars being processed). The feed thread hands it the bars
 *       of one time step, waits until they are processed, records the step (checkpoint and equity), and
 *       waits until every accepted order is committed to the ledger before the next bar can reach the
 *       paper broker: an order is always recorded before it can execute.</li>
 *   <li>The controls are the engine's trading-state port ({@link ControlsTradingState}). When the kill
 *       switch is engaged every working order is cancelled (at once on the change event, and again by
 *       the periodic check, which also covers a missed event).</li>
 *   <li>No bar for longer than {@code staleAfter} (wall clock) trips the circuit breaker with DATA_STALE,
 *       once per silence; outliers are dropped and logged ({@link OutlierFilter}).</li>
 *   <li>The engine's automatic loss trips (daily loss, drawdown) trip the circuit breaker or engage the
 *       kill switch, as configured, audited as user {@code system}; resetting the breaker (or disengaging
 *       the kill switch) lifts the engine's own trip.</li>
 *   <li>On start the engine is rebuilt from the ledger ({@link #recover}): cash and positions by replaying
 *       every fill, working orders re-adopted by the paper broker, every recorded client order id known
 *       again (so a replayed decision is ignored as a duplicate), strategies warmed up on the bars up to
 *       the checkpoint, the feed resuming after it.</li>
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

    private final TradingProperties properties;
    private final JooqLedger ledger;
    private final LeaderLock lock;
    private final TradingGate gate;
    private final ControlEvents controlEvents;
    private final ControlService controls;
    private final Clock clock;
    private final Currency currency;
    private final BarCache barCache;

    private volatile boolean running;
    private volatile boolean feeding;
    private volatile boolean feedFinished;
    private volatile long lastBarWallMillis;
    private volatile boolean staleTripped;
    private volatile Instant lastBarTime;
    private volatile SingleWriterEngine engine;
    private volatile LedgerWriter writer;
    private volatile MarketClock marketClock;
    private Thread feedThread;
    private ScheduledExecutorService ticker;
    private final LeadershipSupervisor supervisor;
    /** The ledger's rows when the engine started (after recovery) and the rows its writer committed since. */
    private volatile JooqLedger.Watermark startedAt = new JooqLedger.Watermark(0, 0);
    private final java.util.concurrent.atomic.AtomicLong ordersWritten = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong fillsWritten = new java.util.concurrent.atomic.AtomicLong();
    private ExecutorService reactions;
    private ControlEvents.Subscription subscription;
    private final Set<OrderId> cancelsRequested = ConcurrentHashMap.newKeySet();
    /** Commands that place orders (PlaceOrder, Flatten, SquareOff), applied by the feed thread between time steps (write-ahead). */
    private final java.util.concurrent.LinkedBlockingQueue<EngineCommand> placements = new java.util.concurrent.LinkedBlockingQueue<>();
    /** Callers of {@link #sendAndAwaitRecorded} waiting until their command is applied and recorded (by identity). */
    private final Map<EngineCommand, java.util.concurrent.CompletableFuture<Boolean>> applied =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** Callers of {@link #placeAndAwait} waiting for the engine's recorded decision, by client order id. */
    private final Map<ClientOrderId, java.util.concurrent.CompletableFuture<Decision>> decisions = new ConcurrentHashMap<>();
    /** Strategies switched off in the store ({@code strategy_switch}), applied at start. */
    private final StrategySwitches switches;
    /** The square-off in market time (feed not real time, some strategy intraday), else null. Feed thread only. */
    private volatile MarketTimeSquareOff marketSquareOff;
    /** Commands the engine threw on (e.g. a bar with more decimals than registered): the feed must not wait for them. */
    private final java.util.concurrent.atomic.AtomicLong refusedCommands = new java.util.concurrent.atomic.AtomicLong();
    private Map<String, Instrument> instruments = Map.of();
    private Recovery recovery = Recovery.NONE;
    /** The host's meters ({@link TradingMetrics}); none unless {@link #meterWith} was called. */
    private volatile TradingMetrics metrics = TradingMetrics.NONE;

    /** What the start rebuilt from the ledger; {@code cash} is the rebuilt portfolio's, before the feed resumed (null: no rebuild). */
    public record Recovery(int fills, int orders, int workingOrders, List<String> mismatches, BigDecimal cash) {
        static final Recovery NONE = new Recovery(0, 0, 0, List.of(), null);
    }

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

    /**
     * @param switches the stored strategy switches, applied to the engine when it starts
     * @param barCache receives every bar the feed gives the engine (never waited for)
     * @param leadership how the leader lock is confirmed and retaken ({@link LeadershipSupervisor})
     */
    EngineHost(TradingProperties properties, JooqLedger ledger, LeaderLock lock, TradingGate gate,
               ControlEvents controlEvents, ControlService controls, Clock clock, StrategySwitches switches,
               BarCache barCache, LeadershipProperties leadership) {
        this.switches = java.util.Objects.requireNonNull(switches, "switches");
        this.barCache = java.util.Objects.requireNonNull(barCache, "barCache");
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
     * longest gap exceeds the staleness limit, no strategies, a CSV folder without a symbol's file. The
     * paper broker always fills at the next bar's open: SAME_CLOSE would execute an order before its
     * row is committed.
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
        refusedCommands.set(0);
        cancelsRequested.clear();
        placements.clear();
        decisions.clear();
        feedFinished = false;
        staleTripped = false;
        lastBarTime = null;
        Map<String, List<Strategy>> bySymbol = strategies();
        BarSource source = BarSource.load(properties, new ArrayList<>(bySymbol.keySet()));
        Map<String, Instrument> ins = new LinkedHashMap<>();
        for (Instrument i : source.instruments()) ins.put(i.symbol(), i);
        instruments = Map.copyOf(ins);
        MarketTimeSquareOff squareOffRule = properties.intradaySymbols().isEmpty() ? null
                : new MarketTimeSquareOff(io.tradepilot.engine.calendar.ExchangeCalendar.of(properties.exchange()),
                        properties.squareOff().rule(), properties.intradaySymbols(),
                        MarketTimeSquareOff.barLength(source.series().values(), Duration.ofMinutes(5).toMillis()));
        marketSquareOff = realTimeFeed() ? null : squareOffRule;

        Map<String, Instant> checkpoints = ledger.checkpoints();
        marketClock = new MarketClock(checkpoints.values().stream().mapToLong(Instant::toEpochMilli).max().orElse(0));
        reactions = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("trading-reactions").daemon().factory());
        writer = new LedgerWriter(ledger, this::instrument, properties.marketZone(), this::onRecorded, lock.fence());
        writer.meterWith(metrics);

        List<Map.Entry<LedgerOrder, String>> orderRows = ledger.ordersWithExchange();
        long[] orderSeq = {maxOrderSeq(orderRows)};
        OrderIdGenerator ids = () -> new OrderId("O" + (++orderSeq[0]));
        var limits = properties.limits();
        EngineConfig config = EngineConfig.simple(new Money(properties.initialCash(), currency))
                .withBroker(BrokerConfig.defaults().withFillMode(FillMode.NEXT_OPEN))
                .withRisk(limits.riskChain())
                .withHostState(new ControlsTradingState(gate))
                .withMarketZone(properties.marketZone())
                .withTrips(positive(limits.dailyLoss()), positive(limits.drawdown()), limits.consecutiveLosses())
                .withLossSizeReduction(limits.sizeReduction().rule());
        TradingEngine core = new TradingEngine(config, marketClock, ids, writer);

        recovery = recover(core, orderRows, source, checkpoints);
        startedAt = new JooqLedger.Watermark(orderRows.size(), recovery.fills());
        ordersWritten.set(0);
        fillsWritten.set(0);
        for (var e : bySymbol.entrySet()) {
            Instrument instrument = instruments.get(e.getKey());
            BarSeries series = source.series().get(instrument);
            for (Strategy s : e.getValue()) {
                warmUp(s, instrument, series, checkpoints.get(e.getKey()), core);
                core.register(s, instrument, series.priceScale());
            }
        }
        for (String off : switches.disabled()) core.setStrategyEnabled(new StrategyId(off), false);
        reapplySquareOff(squareOffRule, checkpoints);
        engine = new SingleWriterEngine(core, Thread.ofPlatform().name("trading-engine").factory(), error -> {
            refusedCommands.incrementAndGet();
            log.error("The engine refused a command", error);
        });
        lastBarWallMillis = clock.millis();
        subscription = controlEvents.subscribe(this::onControlChanged);
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("trading-tick").daemon().factory());
        ticker.scheduleWithFixedDelay(this::tick, properties.tick().toMillis(), properties.tick().toMillis(), TimeUnit.MILLISECONDS);
        feeding = true;
        feedThread = Thread.ofPlatform().name("trading-feed").unstarted(() -> feed(source, checkpoints));
        feedThread.start();
        log.info("Engine started as leader: {} symbols, {} recovered fills, {} recovered orders ({} working){}",
                instruments.size(), recovery.fills(), recovery.orders(), recovery.workingOrders(),
                recovery.mismatches().isEmpty() ? "" : ", MISMATCHES " + recovery.mismatches());
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
        feeding = false;
        SingleWriterEngine stopping = engine;
        LedgerWriter ledgerWriter = writer;
        ExecutorService reacting = reactions;
        try {
            if (feedThread != null) {
                feedThread.interrupt();
                feedThread.join();
            }
            if (ticker != null) ticker.shutdownNow();
            if (subscription != null) subscription.cancel();
            // from here on nobody sees the engine: readers get no snapshot, send() refuses
            engine = null;
            writer = null;
            // a crash-stop may wait here for a database call in flight (bounded by the driver's socket timeout)
            if (crash && ledgerWriter != null) ledgerWriter.halt();
            if (stopping != null) stopping.close();
            if (!crash && ledgerWriter != null) ledgerWriter.close();
            if (reacting != null) {
                reacting.shutdown();
                reacting.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (stopping != null) {
                log.info("Engine {}: {} bars processed since it started, last bar {}", crash ? "halted" : "stopped",
                        stopping.latest().barsProcessed(), lastBarTime);
            }
            feedThread = null;
            ticker = null;
            subscription = null;
            engine = null;
            writer = null;
            reactions = null;
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

    // ------------------------------------------------------------------------------ reads

    public Role role() {
        return supervisor.role();
    }

    /** The engine's latest snapshot, empty unless this instance is the leader. */
    public Optional<EngineSnapshot> snapshot() {
        SingleWriterEngine e = engine;
        return e == null ? Optional.empty() : Optional.of(e.latest());
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
        return feedFinished;
    }

    /** Records this host's bars, orders, fills and ledger commits in {@code metrics} from the next start of the engine on. */
    void meterWith(TradingMetrics metrics) {
        this.metrics = java.util.Objects.requireNonNull(metrics, "metrics");
    }

    /** Wall time since the feed last handed the engine a bar; empty unless this instance runs the engine. */
    public Optional<Duration> sinceLastBar() {
        if (engine == null || role() != Role.LEADER) return Optional.empty();
        return Optional.of(Duration.ofMillis(Math.max(0, clock.millis() - lastBarWallMillis)));
    }

    /** Ledger items not yet committed (0: the ledger holds everything the engine reported). */
    public long ledgerBacklog() {
        LedgerWriter w = writer;
        return w == null ? 0 : w.backlog();
    }

    public EngineStatus status() {
        Optional<EngineSnapshot> s = snapshot();
        return new EngineStatus(role().name(), s.map(x -> x.state().name()).orElse(null), lastBarTime,
                s.map(EngineSnapshot::barsProcessed).orElse(0L));
    }

    /**
     * Hands the engine a command (the application's order entry and controls use this). Refused with
     * IllegalStateException unless this instance is the leader.
     * <p>A {@code PlaceOrder} goes through the feed thread, between two time steps, which waits until the
     * engine has decided on it and an accepted order is committed before the next bar: the same
     * write-ahead guarantee as for the strategies' orders. A {@code Flatten} or a {@code SquareOff} (the
     * engine places their closing orders itself) takes the same path. Other commands go to the engine at once.
     */
    public void send(EngineCommand command) {
        SingleWriterEngine e = engine;
        Role r = role();
        if (e == null || r != Role.LEADER) throw new IllegalStateException("this instance does not run the engine (" + r + ")");
        if (command instanceof EngineCommand.PlaceOrder || command instanceof EngineCommand.Flatten
                || command instanceof EngineCommand.SquareOff) {
            placements.add(command);
        } else {
            e.accept(command);
        }
    }

    // ------------------------------------------------------------------------------ feed

    private void feed(BarSource source, Map<String, Instant> checkpoints) {
        List<Instrument> list = source.instruments();
        int n = list.size();
        BarSeries[] series = new BarSeries[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            series[i] = source.series().get(list.get(i));
            Instant cp = checkpoints.get(list.get(i).symbol());
            next[i] = cp == null ? 0 : firstAfter(series[i], cp.toEpochMilli());
        }
        OutlierFilter outliers = new OutlierFilter(properties.marketdata().outlierThreshold());
        var md = properties.marketdata();
        try {
            while (feeding) {
                long t = Long.MAX_VALUE;
                for (int i = 0; i < n; i++) if (next[i] < series[i].size()) t = Math.min(t, series[i].startMillis(next[i]));
                if (t == Long.MAX_VALUE) {
                    feedFinished = true;
                    log.info("Market data ended after {}", lastBarTime);
                    while (feeding) place(placements.poll(100, TimeUnit.MILLISECONDS));
                    return;
                }
                for (EngineCommand p; (p = placements.poll()) != null; ) place(p);
                marketClock.set(t);
                long stepStarted = System.nanoTime();
                long acceptedBefore = writer.acceptedOrders();
                Map<String, Long> step = new HashMap<>();
                int inStep = 0;
                for (int i = 0; i < n; i++) {
                    if (next[i] >= series[i].size() || series[i].startMillis(next[i]) != t) continue;
                    int k = next[i]++;
                    String symbol = list.get(i).symbol();
                    if (!outliers.accept(symbol, series[i].close(k), series[i].priceScale())) {
                        log.warn("Dropped an outlier bar of {} at {}: close {} is more than {} from the last accepted close",
                                symbol, series[i].start(k), series[i].decimal(series[i].close(k)).toPlainString(), md.outlierThreshold());
                        continue;
                    }
                    engine.accept(new EngineCommand.OnBar(list.get(i), series[i].bar(k)));
                    barCache.offer(symbol, series[i], k);
                    step.put(symbol, (long) k + 1);
                    inStep++;
                }
                if (inStep > 0) {
                    metrics.barsIn(inStep);
                    lastBarWallMillis = clock.millis();
                    staleTripped = false;
                    lastBarTime = Instant.ofEpochMilli(t);
                    if (!awaitApplied()) return;
                    writer.enqueue(new LedgerItem.StepDone(Instant.ofEpochMilli(t), step, engine.latest().portfolio()));
                    while (!writer.awaitOrdersDurable(Duration.ofSeconds(1))) {
                        if (!feeding) return;
                        log.warn("Waiting for the ledger to record accepted orders before the next bar ({} items queued)", writer.backlog());
                    }
                    if (writer.acceptedOrders() != acceptedBefore) metrics.barToOrder(System.nanoTime() - stepStarted);
                    while (!writer.awaitBacklogBelow(MAX_LEDGER_BACKLOG, Duration.ofSeconds(1))) {
                        if (!feeding) return;
                        log.warn("Waiting for the ledger to catch up before the next bar ({} items queued)", writer.backlog());
                    }
                    MarketTimeSquareOff squareOff = marketSquareOff;
                    if (squareOff != null) {
                        var command = squareOff.afterStep(t);
                        if (command.isPresent()) {
                            log.info("{} of {}", command.get().reason(), command.get().symbols());
                            applyAndRecord(command.get());
                        }
                    }
                }
                pace(t, series, next, md);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The market data feed failed and stopped", e);
        }
    }

    private void pace(long t, BarSeries[] series, int[] next, TradingProperties.MarketData md) throws InterruptedException {
        if (md.speed() <= 0) return;
        long following = Long.MAX_VALUE;
        for (int i = 0; i < series.length; i++) if (next[i] < series[i].size()) following = Math.min(following, series[i].startMillis(next[i]));
        if (following == Long.MAX_VALUE) return;
        long gap = Math.min(following - t, md.maxGap().toMillis());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos((long) (gap / md.speed()));
        for (long left; feeding && (left = deadline - System.nanoTime()) > 0; ) {
            place(placements.poll(left, TimeUnit.NANOSECONDS));
        }
    }

    /**
     * Hands the engine one placement between time steps and waits until it is decided and, when
     * accepted, committed: no bar reaches the paper broker before the order's row exists.
     */
    private void place(EngineCommand command) {
        if (command == null) return;
        if (!(command instanceof EngineCommand.PlaceOrder placement)) {
            boolean recorded = applyAndRecord(command);
            var waiting = applied.remove(command);
            if (waiting != null) waiting.complete(recorded);
            return;
        }
        var cid = placement.request().clientOrderId();
        writer.expectDecision(cid);
        long refusedBefore = refusedCommands.get();
        engine.accept(placement);
        while (!writer.decided(cid) && refusedCommands.get() == refusedBefore) {
            if (!feeding) return;
            LockSupport.parkNanos(100_000);
        }
        while (!writer.awaitOrdersDurable(Duration.ofSeconds(1))) {
            if (!feeding) return;
            log.warn("Waiting for the ledger to record {} before the next bar", cid);
        }
    }

    /**
     * Hands the engine a command that may place orders itself (a flatten), waits until it is applied
     * (a query queued behind it has answered) and every order it accepted is committed.
     */
    private boolean applyAndRecord(EngineCommand command) {
        engine.accept(command);
        if (!awaitApplied()) return false;
        while (!writer.awaitOrdersDurable(Duration.ofSeconds(1))) {
            if (!feeding) return false;
            log.warn("Waiting for the ledger to record the orders of {} before the next bar", command.getClass().getSimpleName());
        }
        return true;
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
        var recorded = new java.util.concurrent.CompletableFuture<Boolean>();
        applied.put(command, recorded);
        try {
            send(command);
            return recorded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } finally {
            applied.remove(command);
        }
    }

    /**
     * Waits until the engine has applied (or refused) every command handed to it before this call: a
     * query queued behind them has answered. Woken by the answer itself, not by polling, as the feed
     * waits once per time step. False when the feed stops first or the engine has stopped.
     */
    private boolean awaitApplied() {
        var applied = engine.query(core -> Boolean.TRUE);
        while (true) {
            try {
                applied.get(100, TimeUnit.MILLISECONDS);
                return true;
            } catch (java.util.concurrent.TimeoutException notYet) {
                if (!feeding) return false;
            } catch (java.util.concurrent.ExecutionException stopped) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** True when the feed runs in real time (speed 1): market time then follows wall time. */
    public boolean realTimeFeed() {
        return properties.marketdata().speed() == 1.0;
    }

    private static int firstAfter(BarSeries s, long millis) {
        int lo = 0, hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.startMillis(mid) <= millis) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    // ------------------------------------------------------------------------------ controls and triggers

    private void tick() {
        try {
            if (role() != Role.LEADER || !running) return;
            var md = properties.marketdata();
            long silent = clock.millis() - lastBarWallMillis;
            if (!staleTripped && silent > md.staleAfter().toMillis()) {
                staleTripped = true;
                String detail = "no bar for " + Duration.ofMillis(silent).toSeconds() + " s (limit " + md.staleAfter().toSeconds() + " s)";
                log.warn("Market data stale: {}", detail);
                reactions.execute(() -> report(controls.tripCircuitBreakerAutomatically(TripReason.DATA_STALE, detail)));
            }
            if (gate.current() instanceof ControlsReading.Known known && known.killSwitch().engaged()) {
                cancelWorking("kill switch engaged");
            }
        } catch (RuntimeException e) {
            log.warn("The trading tick failed: {}", e.toString());
        }
    }

    private void onControlChanged(ControlChanged change) {
        SingleWriterEngine e = engine;
        if (e == null) return;
        if (change.control() == Control.KILL_SWITCH && "ENGAGED".equals(change.to())) {
            cancelWorking("kill switch engaged by " + change.user());
        }
        boolean breakerReset = change.action() == ControlAction.RESET_CIRCUIT_BREAKER;
        boolean killLifted = change.action() == ControlAction.DISENGAGE_KILL_SWITCH
                && properties.limits().action() == TradingProperties.LimitAction.ENGAGE_KILL_SWITCH;
        if ((breakerReset || killLifted) && e.latest().state() == EngineState.TRIPPED) {
            e.accept(new EngineCommand.Resume(change.action().name() + " by " + change.user() + ": " + change.reason()));
        }
        // a flatten leaves the engine KILLED on its own: disengaging the kill switch lifts that too
        if (change.action() == ControlAction.DISENGAGE_KILL_SWITCH && e.latest().state() == EngineState.KILLED) {
            e.accept(new EngineCommand.Resume(change.action().name() + " by " + change.user() + ": " + change.reason()));
        }
    }

    /**
     * Asks the engine to cancel every working order not already asked for, except its own closing orders
     * ({@link #isEngineExit}). Cancels always pass the controls.
     */
    private void cancelWorking(String reason) {
        SingleWriterEngine e = engine;
        if (e == null) return;
        List<OrderView> working = e.latest().workingOrders();
        cancelsRequested.retainAll(working.stream().map(OrderView::id).toList());
        for (OrderView o : working) {
            if (isEngineExit(o)) continue;
            if (cancelsRequested.add(o.id())) e.accept(new EngineCommand.CancelOrder(o.id(), reason));
        }
    }

    /**
     * The engine's own orders, which are only ever closing orders (a flatten's or a square-off's market
     * exits; the ledger does not keep the reduce-only flag, so the strategy id decides): the way out that
     * the kill switch must leave alone, or a flatten would cancel its own exits.
     */
    private static boolean isEngineExit(OrderView o) {
        return o.request().strategy().equals(StrategyId.ENGINE);
    }

    /** Called on the ledger thread after the event is committed. */
    private void onRecorded(EngineEvent event) {
        metrics.recorded(event);
        OrderLog.recorded(event);
        if (event instanceof EngineEvent.OrderAccepted) ordersWritten.incrementAndGet();
        else if (event instanceof EngineEvent.OrderFilled) fillsWritten.incrementAndGet();
        if (!decisions.isEmpty()) decided(event);
        if (!(event instanceof EngineEvent.RiskTripped trip)) return;
        TripReason reason = tripReason(trip.code());
        if (reason == null) {
            log.warn("The engine tripped ({}): {}", trip.code(), trip.message());
            return;
        }
        log.warn("Automatic trigger {}: {}", reason, trip.message());
        if (properties.limits().action() == TradingProperties.LimitAction.ENGAGE_KILL_SWITCH) {
            reactions.execute(() -> report(controls.engageKillSwitchAutomatically(reason.label() + ": " + trip.message())));
        } else {
            reactions.execute(() -> report(controls.tripCircuitBreakerAutomatically(reason, trip.message())));
        }
    }

    /** The controls' reason for one of the engine's automatic trips; null for a code that is not an automatic trigger. */
    static TripReason tripReason(io.tradepilot.engine.risk.RejectionCode code) {
        return switch (code) {
            case DAILY_LOSS_LIMIT -> TripReason.DAILY_LOSS_EXCEEDED;
            case MAX_DRAWDOWN -> TripReason.MAX_DRAWDOWN;
            case CONSECUTIVE_LOSSES -> TripReason.CONSECUTIVE_LOSSES;
            default -> null;
        };
    }

    private static void report(ControlResult result) {
        if (result instanceof ControlResult.Refused refused) {
            log.info("Automatic control change not applied: {}", refused.refusal().message());
        }
    }

    // ------------------------------------------------------------------------------ manual actions

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
        return role() == Role.LEADER ? instruments : Map.of();
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
        ClientOrderId cid = request.clientOrderId();
        var answer = new java.util.concurrent.CompletableFuture<Decision>();
        decisions.put(cid, answer);
        try {
            send(new EngineCommand.PlaceOrder(request));
            return Optional.of(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            decisions.remove(cid);
        }
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
    public <T> Optional<T> query(java.util.function.Function<TradingEngine, T> question, Duration timeout) throws InterruptedException {
        SingleWriterEngine e = engine;
        Role r = role();
        if (e == null || r != Role.LEADER) throw new IllegalStateException("this instance does not run the engine (" + r + ")");
        var answer = e.query(question);
        try {
            return Optional.ofNullable(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException ex) {
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
    }

    /** Called on the ledger thread for committed events while someone waits in {@link #placeAndAwait}. */
    private void decided(EngineEvent event) {
        switch (event) {
            case EngineEvent.OrderAccepted a -> complete(a.clientOrderId(), new Decision.Accepted(a.orderId().value()));
            case EngineEvent.OrderRejected r -> complete(r.clientOrderId(), new Decision.Rejected(r.code(), r.message()));
            case EngineEvent.DuplicateOrderIgnored d -> complete(d.clientOrderId(), new Decision.Duplicate(d.existing().value()));
            default -> { }
        }
    }

    private void complete(ClientOrderId cid, Decision decision) {
        var waiting = decisions.get(cid);
        if (waiting != null) waiting.complete(decision);
    }

    // ------------------------------------------------------------------------------ recovery

    /**
     * Rebuilds the engine from the ledger before the first bar: replays every fill into the portfolio,
     * adopts every recorded order (working ones go back to the paper broker), marks positions at the
     * close of their checkpoint bar, and reconciles the result with the ledger's position rows.
     */
    Recovery recover(TradingEngine core, List<Map.Entry<LedgerOrder, String>> orderRows, BarSource source,
                     Map<String, Instant> checkpoints) {
        List<JooqLedger.FillRow> fills = ledger.fills();
        Map<String, List<JooqLedger.FillRow>> byOrder = new HashMap<>();
        Map<String, String> exchanges = new HashMap<>();
        for (var e : orderRows) exchanges.put(e.getKey().symbol(), e.getValue());
        for (JooqLedger.FillRow f : fills) {
            Instrument instrument = instrument(f.symbol(), exchanges.get(f.symbol()));
            core.portfolio().apply(new Fill(new OrderId(f.orderId()), new ClientOrderId(f.clientOrderId()), instrument,
                    Side.valueOf(f.side()), new Quantity(f.quantity()), new Price(f.price()), new Money(f.commission(), currency),
                    f.at(), null));
            byOrder.computeIfAbsent(f.orderId(), k -> new ArrayList<>()).add(f);
        }
        int working = 0;
        for (var e : orderRows) {
            LedgerOrder row = e.getKey();
            Instrument instrument = instrument(row.symbol(), e.getValue());
            OrderType type = OrderType.valueOf(row.type());
            OrderRequest request = new OrderRequest(new ClientOrderId(row.clientOrderId()), new StrategyId(row.strategy()), instrument,
                    Side.valueOf(row.side()), new Quantity(row.quantity()), type,
                    row.limitPrice() == null ? null : new Price(row.limitPrice()),
                    row.stopPrice() == null ? null : new Price(row.stopPrice()),
                    TimeInForce.valueOf(row.timeInForce()), null, false);
            Order order = new Order(new OrderId(row.orderId()), request, row.createdAt());
            order.accept();
            for (JooqLedger.FillRow f : byOrder.getOrDefault(row.orderId(), List.of())) {
                order.fill(new Quantity(f.quantity()), new Price(f.price()));
            }
            String reason = row.statusReason() == null ? "" : row.statusReason();
            switch (row.status()) {
                case "CANCELLED" -> {
                    order.requestCancel();
                    order.confirmCancel(reason);
                }
                case "EXPIRED" -> order.expire(reason);
                default -> { }
            }
            if (order.status().isWorking()) working++;
            core.adopt(order);
        }
        for (var cp : checkpoints.entrySet()) {
            Instrument instrument = instruments.get(cp.getKey());
            if (instrument == null) continue;
            BarSeries s = source.series().get(instrument);
            int k = firstAfter(s, cp.getValue().toEpochMilli()) - 1;
            if (k >= 0 && core.portfolio().quantity(cp.getKey()).signum() != 0) {
                core.portfolio().mark(instrument, new Price(s.decimal(s.close(k))));
            }
        }
        restoreRiskState(core);
        return new Recovery(fills.size(), orderRows.size(), working, reconcile(core), core.portfolio().cash());
    }

    /**
     * A restart after the day's square-off cut-off (the last recorded time step ends at or after it, the
     * rule {@link MarketTimeSquareOff} applies) squares the intraday symbols off again before the first bar:
     * their entries stay refused for the rest of that day ({@code AFTER_SQUARE_OFF}) as before the restart,
     * and a position the square-off had not closed yet (a crash between the step and its square-off, a missed
     * wall-clock job) is closed. A repeat is harmless: flat symbols and symbols whose closing order is still
     * working are left alone. Queued with the placements, so its orders are recorded before any bar.
     */
    private void reapplySquareOff(MarketTimeSquareOff rule, Map<String, Instant> checkpoints) {
        if (rule == null || checkpoints.isEmpty()) return;
        long last = checkpoints.values().stream().mapToLong(Instant::toEpochMilli).max().getAsLong();
        rule.afterStep(last).ifPresent(command -> {
            log.info("Restarted after the square-off cut-off of {}: squaring {} off again, entries refused until the next trading day",
                    Instant.ofEpochMilli(last), command.symbols());
            placements.add(new EngineCommand.SquareOff(command.symbols(), command.reason() + ", re-applied after a restart"));
        });
    }

    /**
     * Continues the engine's risk measures where the ledger left them: the losing streak (consecutive-loss
     * size reduction) from the recorded round trips, the peak equity and the day's starting equity from
     * the last recorded time step (drawdown and daily loss then measure as an uninterrupted run would).
     */
    private void restoreRiskState(TradingEngine core) {
        core.restoreRoundTrips(ledger.roundTripNetPnls());
        ledger.riskBaseline().ifPresent(b -> {
            core.restoreRiskBaseline(b.peakEquity(), b.dayStartEquity(), b.at());
            log.info("Restored the risk baseline of {}: peak equity {}, day-start equity {}; loss streak {}",
                    b.at(), b.peakEquity().toPlainString(), b.dayStartEquity().toPlainString(), core.lossStreak());
        });
    }

    /** Differences between the rebuilt portfolio and the ledger's position rows, in words (empty: they agree). */
    private List<String> reconcile(TradingEngine core) {
        List<String> mismatches = new ArrayList<>();
        Map<String, PositionSnapshot> rebuilt = new HashMap<>();
        for (PositionSnapshot p : core.portfolio().snapshot().positions()) rebuilt.put(p.symbol(), p);
        for (LedgerPosition recorded : ledger.positions(false)) {
            PositionSnapshot p = rebuilt.remove(recorded.symbol());
            BigDecimal q = p == null ? BigDecimal.ZERO : p.quantity();
            if (q.compareTo(recorded.quantity()) != 0) {
                mismatches.add(recorded.symbol() + ": ledger " + recorded.quantity().toPlainString() + ", rebuilt " + q.toPlainString());
            }
        }
        for (PositionSnapshot p : rebuilt.values()) {
            if (p.quantity().signum() != 0) mismatches.add(p.symbol() + ": no ledger row, rebuilt " + p.quantity().toPlainString());
        }
        if (!mismatches.isEmpty()) log.error("Recovered positions disagree with the ledger: {}", mismatches);
        return List.copyOf(mismatches);
    }

    private void warmUp(Strategy strategy, Instrument instrument, BarSeries series, Instant checkpoint, TradingEngine core) {
        if (checkpoint == null) return;
        int end = firstAfter(series, checkpoint.toEpochMilli());
        WarmUpContext ctx = new WarmUpContext(instrument, core.portfolio().quantity(instrument.symbol()), core.portfolio().snapshot());
        BarCursor cursor = new BarCursor();
        for (int k = 0; k < end; k++) {
            cursor.set(k, series.startMillis(k), series.open(k), series.high(k), series.low(k), series.close(k), series.volume(k),
                    series.priceScale());
            ctx.at(cursor.start());
            strategy.onBar(cursor, ctx);
        }
    }

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

    private Instrument instrument(String symbol) {
        Instrument i = instruments.get(symbol);
        if (i == null) throw new IllegalArgumentException("unknown symbol " + symbol);
        return i;
    }

    private Instrument instrument(String symbol, String exchange) {
        Instrument i = instruments.get(symbol);
        return i != null ? i : BarSource.instrument(symbol, exchange == null ? "NSE" : exchange);
    }

    private static long maxOrderSeq(List<Map.Entry<LedgerOrder, String>> rows) {
        long max = 0;
        for (var e : rows) {
            String id = e.getKey().orderId();
            if (id.startsWith("O")) {
                try {
                    max = Math.max(max, Long.parseLong(id.substring(1)));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        return max;
    }

    private static BigDecimal positive(BigDecimal v) {
        return v == null || v.signum() <= 0 ? null : v;
    }
}
