package io.tradepilot.trading.internal;

import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.RiskDecision;
import io.tradepilot.trading.EngineStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs the trading engine inside the application, started and stopped with it: the coordinator of the host's jobs.
 * Each engine start assembles a {@link HostedEngine} (the engine and the parts below) and publishes it to readers; a
 * stop takes it apart. This class keeps the lifecycle, the leadership and the read and command API.
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

    private final TradingProperties properties;
    private final LeaderLock lock;
    private final VenueAccounts accounts;
    private final LeadershipSupervisor supervisor;
    /** What every start builds its engine from (the stored strategy switches included). */
    private final HostedEngine.Parts parts;
    /** The strategies and limits every start reads (the stored applied versions once the strategies module set them). */
    private final EngineConfiguration configuration;

    private volatile boolean running;
    private volatile HostedEngine run;
    /** The last run's feed (kept after a stop for the status). */
    private volatile FeedLoop lastFeed;
    /** The ledger's rows when the engine started (after recovery) and the rows its writer committed since. */
    private volatile JooqLedger.Watermark startedAt = new JooqLedger.Watermark(0, 0);
    private final AtomicLong ordersWritten = new AtomicLong();
    private final AtomicLong fillsWritten = new AtomicLong();
    private volatile Recovery recovery = Recovery.NONE;
    /** The host's meters ({@link TradingMetrics}); none unless {@link #meterWith} was called. */
    private volatile TradingMetrics metrics = TradingMetrics.NONE;
    /** Told of each committed event on the ledger thread ({@link #observeWith}); must neither block nor throw. */
    private volatile java.util.function.Consumer<EngineEvent> observers = event -> { };

    /** Entries at a broker wait for the first clean reconciliation of each engine start, when required. */
    final StartupReconciliation startup = new StartupReconciliation();

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
        this(properties, ledger, lock, gate, controlEvents, controls, clock, switches, barCache, leadership, accounts, () -> false);
    }

    /**
     * A host whose live (real-money) accounts take the engine's orders only while {@code liveOrders} says so (the
     * trading mode is LIVE); otherwise (and in the constructors without it) their sessions only feed the engine.
     */
    EngineHost(TradingProperties properties, JooqLedger ledger, LeaderLock lock, TradingGate gate,
               ControlEvents controlEvents, ControlService controls, Clock clock, StrategySwitches switches,
               BarCache barCache, LeadershipProperties leadership, VenueAccounts accounts, BooleanSupplier liveOrders) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.properties = properties;
        this.lock = lock;
        this.configuration = new EngineConfiguration(properties);
        this.parts = new HostedEngine.Parts(properties, ledger, lock, gate, controlEvents, controls, clock,
                Objects.requireNonNull(barCache, "barCache"), Objects.requireNonNull(switches, "switches"), configuration,
                Objects.requireNonNull(liveOrders, "liveOrders"), () -> sizeFactor.get(), startup);
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

    /** The engine leading here now, or null (not leading, stopped, between restarts). */
    /** The LIVE size factor each engine start begins with ({@link LiveSizeFactor}); 1 until the configuration sets it. */
    private volatile java.util.function.Supplier<BigDecimal> sizeFactor = () -> BigDecimal.ONE;

    void sizeFactorFrom(java.util.function.Supplier<BigDecimal> factor) {
        this.sizeFactor = Objects.requireNonNull(factor, "factor");
    }

    HostedEngine running() {
        return run;
    }

    private void startEngine() {
        HostedEngine.start(parts, accounts, this::counted, this::tick, hosted -> {
            recovery = hosted.recovery;
            startedAt = hosted.startedAt;
            ordersWritten.set(0);
            fillsWritten.set(0);
            lastFeed = hosted.feed;
            hosted.writer.meterWith(metrics);
            hosted.feed.meterWith(metrics);
            run = hosted;
        });
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
        HostedEngine r = run;
        if (r == null) return;
        try {
            r.stop(crash, () -> run = null);
        } finally {
            run = null;
        }
    }

    /**
     * Restarts the engine when this instance leads, so that it trades the account {@link VenueAccounts} names now
     * (an admin made another account active, or none): the engine stops as on {@link #stop()} (everything it did
     * written to the ledger) and starts again with the new venue and feed, recovering from the ledger; a start that
     * fails releases the lock and is retried ({@link LeadershipSupervisor}). Not leading: nothing to do here, the
     * leader's next engine start picks the account up.
     */
    public synchronized void restartForNewVenue() {
        if (running) supervisor.restartEngine();
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
        HostedEngine r = run;
        if (r == null || role() != Role.LEADER || !running) return;
        r.controls.tick();
    }

    /** Called on the ledger thread after each committed event: what the leadership supervisor compares. */
    private void counted(EngineEvent event) {
        metrics.recorded(event);
        OrderLog.recorded(event);
        observers.accept(event);
        if (event instanceof EngineEvent.OrderAccepted) ordersWritten.incrementAndGet();
        else if (event instanceof EngineEvent.OrderFilled) fillsWritten.incrementAndGet();
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
        HostedEngine r = run;
        return r == null ? Optional.empty() : Optional.of(r.engine.latest());
    }

    /** The daily loss limit the engine runs with as a fraction of the day's starting equity, null when off. */
    public BigDecimal dailyLossLimit() {
        return positive(configuration.limits().dailyLoss());
    }

    /** The strategies and limits the engine starts from and runs with ({@link LiveStrategyBridge}). */
    EngineConfiguration configuration() {
        return configuration;
    }

    /** The running engine's market feed (a strategy applied live warms up on its history); empty unless this instance runs it. */
    Optional<MarketFeed> runningFeed() {
        HostedEngine r = run;
        return r == null ? Optional.empty() : Optional.of(r.source);
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

    /** Records this host's bars, orders, fills and ledger commits in {@code metrics} from the next start of the engine on. */
    void meterWith(TradingMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Adds {@code observer}, told of each committed event on the ledger thread (e.g. {@link EntryPauseNotices}). */
    synchronized void observeWith(java.util.function.Consumer<EngineEvent> observer) {
        observers = observers.andThen(Objects.requireNonNull(observer, "observer"));
    }

    /**
     * Wall time the feed has been silent by the freshness rule ({@link MarketFeed#quietSince}: a replay since the last
     * bar it handed the engine; a broker feed since its stream's last data, zero while the exchange is closed); empty
     * unless this instance runs the engine.
     */
    public Optional<Duration> sinceLastBar() {
        FeedLoop f = lastFeed;
        HostedEngine r = run;
        if (r == null || f == null || role() != Role.LEADER) return Optional.empty();
        long now = parts.clock().millis();
        return Optional.of(Duration.ofMillis(Math.max(0, now - r.source.quietSince(now, f.lastBarWallMillis()))));
    }

    /** Ledger items not yet committed (0: the ledger holds everything the engine reported). */
    public long ledgerBacklog() {
        HostedEngine r = run;
        return r == null ? 0 : r.writer.backlog();
    }

    /** The state people see for {@code snapshot}: its own trip, else the controls' kill switch ({@link ShownEngineState}). */
    ShownEngineState shownState(EngineSnapshot snapshot) {
        return ShownEngineState.of(snapshot, parts.gate().current());
    }

    public EngineStatus status() {
        Optional<EngineSnapshot> s = snapshot();
        FeedLoop f = lastFeed;
        return new EngineStatus(role().name(), s.map(x -> shownState(x).state()).orElse(null), f == null ? null : f.lastBarTime(),
                s.map(EngineSnapshot::barsProcessed).orElse(0L));
    }

    /**
     * True when the feed runs in real time (speed 1, or a broker account's stream): market time then follows wall
     * time, and the wall-clock square-off applies.
     */
    public boolean realTimeFeed() {
        HostedEngine r = run;
        if (r != null) return r.source.realTime();
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
        HostedEngine r = leading();
        if (command instanceof EngineCommand.PlaceOrder || command instanceof EngineCommand.Flatten
                || command instanceof EngineCommand.SquareOff) {
            r.placements.enqueue(command);
        } else {
            r.engine.accept(command);
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
        return leading().placements.sendAndAwaitRecorded(command, timeout);
    }

    private HostedEngine leading() {
        HostedEngine r = run;
        Role role = role();
        if (r == null || role != Role.LEADER) {
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
        HostedEngine r = run;
        return r != null && role() == Role.LEADER ? r.instruments : Map.of();
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
        return leading().placements.placeAndAwait(request, timeout);
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
        var answer = leading().engine.query(question);
        try {
            return Optional.ofNullable(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException ex) {
            return Optional.empty();
        } catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
    }

    private static BigDecimal positive(BigDecimal v) {
        return HostedEngine.positive(v);
    }
}
