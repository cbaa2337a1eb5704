package io.tradepilot.engine.core;

import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.broker.PaperBroker;
import io.tradepilot.engine.core.EngineEvent.*;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.LocalDays;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderView;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.Transition;
import io.tradepilot.engine.portfolio.Portfolio;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.portfolio.Position;
import io.tradepilot.engine.risk.LossStreak;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.RiskChain;
import io.tradepilot.engine.risk.RiskCheck;
import io.tradepilot.engine.risk.RiskContext;
import io.tradepilot.engine.risk.RiskDecision;
import io.tradepilot.engine.risk.TickSize;
import io.tradepilot.engine.risk.TradingState;
import io.tradepilot.engine.risk.TradingStateCheck;
import io.tradepilot.engine.risk.TradingStatePort;
import io.tradepilot.engine.strategy.OrderIntent;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.ExecutionReports;
import io.tradepilot.engine.venue.ExecutionVenue;
import io.tradepilot.engine.venue.SimulatedVenue;
import io.tradepilot.engine.venue.VenueOrder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The trading engine: strategies, risk, an execution venue and the portfolio wired together. The same class
 * runs backtests (driven by {@code Backtest} with a {@link SimulatedClock}) and live (driven by
 * {@link SingleWriterEngine}); only the clock, the data source and the venue differ.
 *
 * <p>Venue: orders that pass the checks are published ({@link EngineEvent.OrderAccepted}) and then handed to
 * the {@link ExecutionVenue} port (the {@link PaperBroker} unless another venue is given); everything the venue
 * does comes back as an {@link ExecutionReport}, applied through the order's guarded transitions: synchronously
 * from a venue on the writer thread (the paper broker, through {@link ExecutionReports}), or as
 * {@link EngineCommand.VenueReport} commands. A report that repeats what the engine knows changes nothing; one
 * that contradicts it is published as {@link EngineEvent.ExecutionReportRefused}. The engine never submits an
 * order twice: a placement without an answer within {@link ExecutionVenue#answerTimeout()} (checked on
 * {@link EngineCommand.OnTimer}), and every working order adopted after a restart, is
 * {@linkplain ExecutionVenue#resolve resolved} by its client order id.
 *
 * <p>Trading state: the engine keeps no paused or killed state. Every order decision asks the host's
 * {@link io.tradepilot.engine.risk.TradingStatePort} (kill switch, circuit breaker, pause); a flatten cancels and closes
 * but decides nothing about later orders. The one state of its own is its automatic trip (daily loss, drawdown, losing
 * streak; {@link EngineState#TRIPPED}): reported as {@link EngineEvent.RiskTripped} and held by a {@link TripLatch} from
 * that step on, until the port reports a release.
 *
 * <p>Single writer: every method must be called from one thread (the writer). It is not thread-safe
 * and does no locking; other threads read {@link #snapshot()} results published by the writer.
 *
 * <p>Per bar ({@link #onBar(int, BarCursor)}): roll the trading day if the bar starts a new one; let the
 * broker fill or expire working orders of that instrument on this bar; mark the position at the bar's
 * close; call the instrument's strategies, whose intents go through the risk checks immediately and
 * become working orders (or fill at this close with {@link FillMode#SAME_CLOSE}). When nothing happens
 * this path allocates nothing.
 *
 * <p>Determinism: with the same clock readings, id generator, configuration and inputs the event stream
 * is identical.
 */
public final class TradingEngine implements EngineInput {

    /** Replaced (limits only) by {@link EngineCommand.SetRiskLimits}. */
    private EngineConfig config;
    final Clock clock;
    final OrderIdGenerator ids;
    final EngineEvents events;
    /** False when the sink discards every event: the order/fill path then only counts its events. */
    final boolean buildEvents;
    long eventsNotBuilt;
    final Portfolio portfolio;
    final ExecutionVenue venue;
    /** The venue when it executes against the engine's bars, else null. */
    private final SimulatedVenue simulated;
    private final WorkingOrders working = new WorkingOrders();
    /** The venue's reports applied ({@link ExecutionReportHandler}) and the reconciliation commands ({@link ReconciliationCommands}). */
    final ExecutionReportHandler reports = new ExecutionReportHandler(this);
    private final ReconciliationCommands reconciliation = new ReconciliationCommands(this);
    /** The working orders accepted as entries, with their unfilled quantity: what the risk checks count as about to fill. */
    private final io.tradepilot.engine.risk.WorkingEntries workingEntries = action -> {
        if (this.working.count() == 0) return;
        for (Order o : this.working.orders()) if (!this.exits.contains(o.id())) action.accept(o.request(), o.remaining().value());
    };
    /** Orders handed to the venue without an answer yet → when the engine last sent or asked; null when the venue needs no asking. */
    final Map<OrderId, Instant> unanswered;
    final Duration answerTimeout;
    private RiskCheck risk;
    /** What a modification must pass: the trading state and, where the venue requires it, the tick. */
    private final RiskCheck modifyRisk;
    final Map<OrderId, Order> orders = new LinkedHashMap<>(1024);
    final Map<ClientOrderId, Order> byClientId = new HashMap<>(1024);
    /** Working orders that were accepted as exits (reduce the position they were placed against). */
    private final java.util.Set<OrderId> exits = new java.util.HashSet<>();
    /** Strategies whose entries are switched off ({@link EngineCommand.SetStrategyEnabled}). */
    private final java.util.Set<StrategyId> disabledStrategies = new java.util.HashSet<>();
    /** Symbols squared off for the day ({@link EngineCommand.SquareOff}) and the check refusing their entries. */
    private final SquaredOffSymbols squaredOff;
    /** The strategies' own entry limits ({@link EngineCommand.SetStrategyRules}): hours, blackouts, max positions. */
    private final io.tradepilot.engine.risk.StrategyLimits strategyLimits;
    private Strategy[][] strategies = new Strategy[4][];
    private String[][] idPrefixes = new String[4][];
    private int[] decimals = new int[4];
    private final BarCursor commandCursor = new BarCursor();
    private final Ctx ctx = new Ctx();

    /** The engine's own automatic trip until the trading-state port reports a release; the engine keeps no other trading state. */
    private final TripLatch trip = new TripLatch();
    /** Losing/winning streak of round trips: the entry size reduction ({@link EngineConfig#lossSizeReduction()}). */
    final LossStreak lossStreak;
    /** The host's LIVE size factor for strategies' entries ({@link EngineCommand.SetSizeFactor}); 1 unless set. */
    private final io.tradepilot.engine.risk.EntrySizeFactor sizeFactor = new io.tradepilot.engine.risk.EntrySizeFactor();
    private long barsProcessed;
    private long ordersAccepted;
    private long currentDay = Long.MIN_VALUE;
    private final LocalDays days;
    private long squaredOffDay = Long.MIN_VALUE;

    /** An engine trading at the {@link PaperBroker} configured by {@link EngineConfig#broker()}. */
    public TradingEngine(EngineConfig config, Clock clock, OrderIdGenerator ids, EngineEvents events) {
        this(config, clock, ids, events, null);
    }

    /**
     * An engine trading at the venue {@code venue} makes from the engine's synchronous report sink (a venue that
     * reports from other threads ignores the sink and sends {@link EngineCommand.VenueReport}s to the engine's
     * input instead); null for the {@link PaperBroker} configured by {@link EngineConfig#broker()}.
     */
    public TradingEngine(EngineConfig config, Clock clock, OrderIdGenerator ids, EngineEvents events,
                         java.util.function.Function<ExecutionReports, ExecutionVenue> venue) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.events = Objects.requireNonNull(events, "events");
        this.buildEvents = !events.discardsEvents();
        this.portfolio = new Portfolio(config.initialCash());
        ExecutionReports sink = this.reports::onReport;
        this.venue = venue == null
                ? new PaperBroker(config.broker().withMarketZone(config.marketZone()), sink, clock, portfolio::markOf)
                : Objects.requireNonNull(venue.apply(sink), "venue");
        this.simulated = this.venue instanceof SimulatedVenue s ? s : null;
        this.answerTimeout = this.venue.answerTimeout();
        this.unanswered = answerTimeout == null ? null : new LinkedHashMap<>();
        TradingStateCheck stateCheck = new TradingStateCheck(this::tradingState);
        boolean ticks = this.venue.requiresTickAlignedPrices();
        this.days = new LocalDays(config.marketZone());
        this.squaredOff = new SquaredOffSymbols(days);
        this.strategyLimits = new io.tradepilot.engine.risk.StrategyLimits(config.marketZone());
        this.risk = chain(config.risk());
        this.modifyRisk = ticks ? RiskChain.of(stateCheck, TickSize.CHECK) : stateCheck;
        this.lossStreak = new LossStreak(config.lossSizeReduction());
        Arrays.fill(decimals, -1);
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers an instrument with the price scale its scaled bars use ({@code decimals} digits after the
     * point); returns its slot. Refuses changing the scale of a registered instrument.
     */
    public int register(Instrument instrument, int priceDecimals) {
        int slot = portfolio.slotOf(instrument);
        ensureSlot(slot);
        if (decimals[slot] >= 0 && decimals[slot] != priceDecimals) {
            throw new IllegalArgumentException(instrument.symbol() + " is registered with " + decimals[slot] + " price decimals, not " + priceDecimals);
        }
        decimals[slot] = priceDecimals;
        return slot;
    }

    /** Registers {@code strategy} for bars of {@code instrument}; returns the instrument's slot. */
    public int register(Strategy strategy, Instrument instrument, int priceDecimals) {
        int slot = register(instrument, priceDecimals);
        Strategy[] cur = strategies[slot] == null ? new Strategy[0] : strategies[slot];
        Strategy[] next = Arrays.copyOf(cur, cur.length + 1);
        next[cur.length] = strategy;
        strategies[slot] = next;
        String[] prefixes = idPrefixes[slot] == null ? new String[0] : idPrefixes[slot];
        prefixes = Arrays.copyOf(prefixes, prefixes.length + 1);
        prefixes[cur.length] = ClientOrderId.prefix(strategy.id(), instrument.symbol());
        idPrefixes[slot] = prefixes;
        return slot;
    }

    /**
     * The full pre-trade chain: trading state, strategy switch, square-off, the strategies' own limits, tick size (venues
     * needing it), then {@code configured}.
     */
    private RiskCheck chain(RiskCheck configured) {
        TradingStateCheck stateCheck = new TradingStateCheck(this::tradingState);
        return venue.requiresTickAlignedPrices()
                ? RiskChain.of(stateCheck, this::strategySwitch, squaredOff::check, strategyLimits, TickSize.CHECK, configured)
                : RiskChain.of(stateCheck, this::strategySwitch, squaredOff::check, strategyLimits, configured);
    }

    /**
     * Registers {@code strategy} for {@code instrument}, or replaces the one of the same id registered there
     * with a {@link io.tradepilot.engine.strategy.StrategyHandover} (see {@link EngineCommand.ApplyStrategy}).
     * Writer thread.
     */
    public void apply(Strategy strategy, Instrument instrument, int priceDecimals) {
        int slot = register(instrument, priceDecimals);
        Strategy[] cur = strategies[slot];
        if (cur != null) {
            for (int k = 0; k < cur.length; k++) {
                if (cur[k].id().equals(strategy.id())) {
                    Strategy[] next = cur.clone();
                    next[k] = io.tradepilot.engine.strategy.StrategyHandover.of(cur[k], strategy);
                    strategies[slot] = next;
                    return;
                }
            }
        }
        register(strategy, instrument, priceDecimals);
    }

    /** Scale used for an instrument arriving through {@link EngineCommand.OnBar} without registration: its tick size's decimals. */
    static int defaultDecimals(Instrument instrument) {
        return Math.max(0, instrument.tickSize().stripTrailingZeros().scale());
    }

    void ensureSlot(int slot) {
        if (slot >= strategies.length) {
            int n = Math.max(slot + 1, strategies.length * 2);
            strategies = Arrays.copyOf(strategies, n);
            idPrefixes = Arrays.copyOf(idPrefixes, n);
            int old = decimals.length;
            decimals = Arrays.copyOf(decimals, n);
            Arrays.fill(decimals, old, n, -1);
        }
    }

    // ---------------------------------------------------------------- inbound

    @Override
    public void accept(EngineCommand command) {
        try {
            apply(command);
        } finally {
            events.commandApplied();
        }
    }

    private void apply(EngineCommand command) {
        switch (command) {
            case EngineCommand.OnBar b -> {
                int slot = portfolio.slotOf(b.instrument());
                ensureSlot(slot);
                if (decimals[slot] < 0) decimals[slot] = defaultDecimals(b.instrument());
                try {
                    commandCursor.set((int) barsProcessed, b.bar(), decimals[slot]);
                } catch (ArithmeticException finer) {
                    throw new IllegalArgumentException("bar " + b.bar() + " has prices with more than the " + decimals[slot]
                            + " decimals registered for " + b.instrument().symbol() + "; register the instrument with more decimals");
                }
                onBar(slot, commandCursor);
            }
            case EngineCommand.OnTimer t -> {
                reports.resolveUnanswered(t.now());
                onTimer(t.now());
            }
            case EngineCommand.CheckTrip c -> releaseTripIfReported(c.reason());
            case EngineCommand.Flatten f -> flatten(f.reason());
            case EngineCommand.SquareOff s -> squareOff(s.symbols(), s.reason());
            case EngineCommand.PlaceOrder p -> place(p.request(), false);
            case EngineCommand.CancelOrder c -> cancel(c.orderId(), c.reason());
            case EngineCommand.ModifyOrder m -> modify(m);
            case EngineCommand.VenueReport r -> reports.onReport(r.report());
            case EngineCommand.SetStrategyEnabled s -> setStrategyEnabled(s.strategy(), s.enabled());
            case EngineCommand.ApplyStrategy a -> apply(a.strategy(), a.instrument(), a.priceDecimals());
            case EngineCommand.SetRiskLimits l -> {
                config = config.withRisk(l.risk()).withTrips(l.tripDailyLoss(), l.tripDrawdown(), l.tripConsecutiveLosses());
                risk = chain(l.risk());
                if (l.sizeReduction() != null) {
                    config = config.withLossSizeReduction(l.sizeReduction());
                    lossStreak.setRule(l.sizeReduction());
                }
            }
            case EngineCommand.SetStrategyRules r -> strategyLimits.set(r.strategy(), r.rules());
            case EngineCommand.SetSizeFactor f -> sizeFactor.set(f.factor());
            case EngineCommand.AdoptPosition a -> reconciliation.adoptPosition(a.instrument(), a.quantity(), a.price(), a.reason());
            case EngineCommand.CloseAtBroker c -> reconciliation.closeAtBroker(c);
        }
    }

    /**
     * The hot path: a completed bar of the instrument in {@code slot}, prices scaled by the instrument's
     * registered decimals. Same processing as {@link EngineCommand.OnBar}.
     */
    public void onBar(int slot, BarCursor bar) {
        barsProcessed++;
        long t = bar.startMillis();
        long day = days.epochDay(t);
        if (day != currentDay) {
            currentDay = day;
            portfolio.startDay();
        }
        if (working.count() != 0 && simulated != null) simulated.onBar(portfolio.instrument(slot), bar);
        portfolio.markScaled(slot, bar.close(), bar.decimals());
        Strategy[] ss = strategies[slot];
        if (ss != null) {
            String[] prefixes = idPrefixes[slot];
            for (int k = 0; k < ss.length; k++) {
                ctx.begin(slot, ss[k], prefixes[k], bar);
                ss[k].onBar(bar, ctx);
            }
            ctx.end();
        }
    }

    private void onTimer(Instant now) {
        if (config.squareOffAt() == null) return;
        var local = now.atZone(config.marketZone());
        long day = local.toLocalDate().toEpochDay();
        if (!local.toLocalTime().isBefore(config.squareOffAt()) && squaredOffDay != day) {
            squaredOffDay = day;
            cancelAll("end-of-day square-off");
            closeAll("end-of-day square-off", false);
        }
    }

    /** {@link EngineCommand.Flatten}: cancels and closes; whether new orders may follow is the trading-state port's answer. */
    private void flatten(String reason) {
        cancelAll("flatten: " + reason);
        closeAll("flatten: " + reason, false);
    }

    /**
     * {@link EngineCommand.SquareOff}: closes the positions of {@code symbols} only and refuses their entries
     * for the rest of the market-zone day; see there.
     */
    private void squareOff(java.util.Set<String> symbols, String reason) {
        squaredOff.closeForTheDay(symbols, clock.instant());
        for (int slot = 0; slot < portfolio.instrumentCount(); slot++) {
            String symbol = portfolio.instrument(slot).symbol();
            if (!symbols.contains(symbol) || portfolio.position(slot).isFlat() || working.hasWorking(symbol, StrategyId.ENGINE)) continue;
            for (Order o : working.orders()) {
                if (o.request().symbol().equals(symbol)) cancel(o.id(), reason);
            }
            closePosition(slot, reason, false, new int[2]);
        }
    }

    /**
     * Closes every open position at its current mark immediately, bypassing risk checks and the fill
     * model: the backtest's {@code closeAtEnd}, where no later bar exists to fill at. Working orders are
     * cancelled first. Refused (IllegalStateException) unless the venue is a {@link SimulatedVenue}.
     */
    public void closeAllAtMark(String reason) {
        if (simulated == null) throw new IllegalStateException("closing at the mark needs a simulated venue, not " + venue);
        cancelAll(reason);
        closeAll(reason, true);
    }

    private void closeAll(String reason, boolean atMark) {
        int[] seq = new int[2];
        for (int slot = 0; slot < portfolio.instrumentCount(); slot++) {
            closePosition(slot, reason, atMark, seq);
        }
    }

    private void closePosition(int slot, String reason, boolean atMark, int[] seq) {
        Instant now = clock.instant();
        Position p = portfolio.position(slot);
        if (p.isFlat()) return;
        Side side = p.quantity().signum() > 0 ? Side.SELL : Side.BUY;
        ClientOrderId cid = ClientOrderId.derive(StrategyId.ENGINE, p.instrument().symbol(), now, side, seq[side.ordinal()]++);
        OrderRequest req = OrderRequest.market(cid, StrategyId.ENGINE, p.instrument(), side, new Quantity(p.quantity().abs())).asReduceOnly()
                .withExitTag(reason.startsWith("flatten") ? io.tradepilot.engine.orders.ExitTag.FLATTEN : io.tradepilot.engine.orders.ExitTag.SQUARE_OFF);
        Order o = place(req, true);
        if (atMark && o != null && o.status().isWorking()) {
            simulated.fillAtMark(venueOrder(o), portfolio.markOf(p.instrument().symbol()), now);
        }
    }

    private void cancelAll(String reason) {
        for (Order o : working.orders()) cancel(o.id(), reason);
    }

    private void cancel(OrderId id, String reason) {
        Order o = orders.get(id);
        Instant now = clock.instant();
        if (o == null) {
            events.publish(new CancelRejected(now, id, "unknown order"));
            return;
        }
        Transition t = o.requestCancel(reason == null ? "" : reason);
        if (t instanceof Transition.Refused r) {
            events.publish(new CancelRejected(now, id, r.reason()));
            return;
        }
        venue.cancel(venueOrder(o));
    }

    /** {@link EngineCommand.ModifyOrder}: checks the change, then asks the venue; applied when it confirms. */
    private void modify(EngineCommand.ModifyOrder m) {
        Instant now = clock.instant();
        Order o = orders.get(m.orderId());
        if (o == null) {
            events.publish(new ModifyRejected(now, m.orderId(), "unknown order"));
            return;
        }
        if (!o.status().isWorking() || o.status() == io.tradepilot.engine.orders.OrderStatus.PENDING_CANCEL) {
            events.publish(new ModifyRejected(now, o.id(), "cannot modify an order that is " + o.status()));
            return;
        }
        OrderRequest cur = o.request();
        OrderRequest amended;
        try {
            amended = amended(cur, m.quantity() == null ? cur.quantity() : m.quantity(),
                    m.limitPrice() == null ? cur.limitPrice() : m.limitPrice(), m.stopPrice() == null ? cur.stopPrice() : m.stopPrice());
        } catch (IllegalArgumentException invalid) {
            events.publish(new ModifyRejected(now, o.id(), invalid.getMessage()));
            return;
        }
        if (amended.quantity().compareTo(cur.quantity()) > 0) {
            events.publish(new ModifyRejected(now, o.id(), "quantity " + amended.quantity() + " is above the order's " + cur.quantity()
                    + ": a larger order is a new order"));
            return;
        }
        if (amended.quantity().compareTo(o.filledQuantity()) <= 0) {
            events.publish(new ModifyRejected(now, o.id(), "quantity " + amended.quantity() + " is not above the filled " + o.filledQuantity()));
            return;
        }
        if (modifyRisk.check(amended, new RiskContext(portfolio, now)) instanceof RiskDecision.Rejection r) {
            events.publish(new ModifyRejected(now, o.id(), r.code() + ": " + r.message()));
            return;
        }
        venue.modify(venueOrder(o), amended);
    }

    /** {@code cur} asking for {@code quantity} at these prices; IllegalArgumentException when that is not a valid request. */
    static OrderRequest amended(OrderRequest cur, Quantity quantity, io.tradepilot.engine.domain.Price limit,
                                        io.tradepilot.engine.domain.Price stop) {
        return new OrderRequest(cur.clientOrderId(), cur.strategy(), cur.instrument(), cur.side(), quantity, cur.type(), limit, stop,
                cur.timeInForce(), cur.protectiveStop(), cur.reduceOnly(), cur.exitTag());
    }

    static VenueOrder venueOrder(Order o) {
        return new VenueOrder(o.id(), o.request(), o.venueOrderId(), o.filledQuantity());
    }

    /** The port's release count ({@link TradingStatePort#releases()}); {@code failed} when it cannot be read. */
    private long releases(long failed) {
        try {
            return config.hostState().releases();
        } catch (RuntimeException e) {
            return failed;
        }
    }

    /** Clears the engine's trip when the port has reported a release since it ({@link TripLatch}); publishes the change. */
    private void releaseTripIfReported(String reason) {
        if (trip.tripped() && trip.releaseIfReported(releases(Long.MIN_VALUE))) {
            events.publish(new TradingStateChanged(clock.instant(), EngineState.RUNNING, reason == null ? "" : reason));
        }
    }

    /**
     * Switches {@code strategy}'s entries on or off (see {@link EngineCommand.SetStrategyEnabled}); it keeps
     * receiving bars either way. Call on the writer thread (or before it starts).
     */
    public void setStrategyEnabled(StrategyId strategy, boolean enabled) {
        Objects.requireNonNull(strategy, "strategy");
        if (enabled) disabledStrategies.remove(strategy);
        else disabledStrategies.add(strategy);
    }

    /** Whether {@code strategy}'s entries are allowed. Writer thread. */
    public boolean strategyEnabled(StrategyId strategy) {
        return !disabledStrategies.contains(strategy);
    }

    /** The risk check of the strategy switch: a disabled strategy may only reduce positions. */
    private RiskDecision strategySwitch(OrderRequest order, RiskContext context) {
        if (disabledStrategies.isEmpty() || !disabledStrategies.contains(order.strategy()) || context.reducesOnly(order)) {
            return RiskDecision.APPROVED;
        }
        return RiskDecision.reject(RejectionCode.STRATEGY_DISABLED, "strategy " + order.strategy() + " is deactivated: entries refused");
    }

    /**
     * Whether entries in {@code symbol} are refused now because it was squared off today (market zone).
     * Writer thread.
     */
    public boolean squaredOffToday(String symbol) {
        return squaredOff.today(symbol, clock.millis());
    }

    /**
     * What {@link EngineCommand.PlaceOrder} would decide for {@code req} now, without any effect: no order,
     * no event, no id used, no trip. A client order id the engine already knows answers
     * DUPLICATE_CLIENT_ORDER_ID; an instrument in another currency INVALID_ORDER; otherwise the trading
     * state, the strategy switch, the day's square-off and the configured risk chain, in that order, exactly
     * as a placement.
     * Call on the writer thread (e.g. through {@link SingleWriterEngine#query}).
     */
    public RiskDecision preview(OrderRequest req) {
        Objects.requireNonNull(req, "req");
        if (byClientId.containsKey(req.clientOrderId())) {
            return RiskDecision.reject(RejectionCode.DUPLICATE_CLIENT_ORDER_ID, "client order id " + req.clientOrderId() + " is already used");
        }
        if (!req.instrument().currency().equals(portfolio.currency())) {
            return RiskDecision.reject(RejectionCode.INVALID_ORDER, "portfolio in " + portfolio.currency() + " cannot hold "
                    + req.symbol() + " in " + req.instrument().currency());
        }
        return risk.check(req, new RiskContext(portfolio, clock.instant(), workingEntries));
    }

    /** The port's answer, or the engine's own trip while it is not released (a stricter port answer wins); changes nothing. */
    private TradingState tradingState() {
        TradingState host = config.hostState().current();
        return trip.tripped() ? trip.over(host, releases(Long.MIN_VALUE)) : host;
    }

    /**
     * Runs the order pipeline; returns the order (accepted or rejected), or null for a duplicate client
     * order id or an instrument the portfolio cannot hold (another currency; reported as INVALID_ORDER).
     */
    Order place(OrderRequest req, boolean bypassRisk) {
        Instant now = clock.instant();
        Order existing = byClientId.get(req.clientOrderId());
        if (existing != null) {
            events.publish(new DuplicateOrderIgnored(now, req.clientOrderId(), existing.id()));
            return null;
        }
        int slot;
        try {
            slot = portfolio.slotOf(req.instrument());
        } catch (IllegalArgumentException otherCurrency) {
            events.publish(new OrderRejected(now, req.clientOrderId(), req.symbol(), RejectionCode.INVALID_ORDER, otherCurrency.getMessage()));
            return null;
        }
        RiskDecision d = bypassRisk ? RiskDecision.APPROVED : risk.check(req, new RiskContext(portfolio, now, workingEntries));
        Order o = new Order(ids.next(), req, now);
        orders.put(o.id(), o);
        byClientId.put(req.clientOrderId(), o);
        if (d instanceof RiskDecision.Rejection r) {
            o.reject(r.message());
            events.publish(new OrderRejected(now, req.clientOrderId(), req.symbol(), r.code(), r.message()));
            if (r.code() == RejectionCode.DAILY_LOSS_LIMIT || r.code() == RejectionCode.MAX_DRAWDOWN) trip(r.code(), r.message());
            return o;
        }
        o.accept();
        ordersAccepted++;
        Position position = portfolio.position(slot);
        if (reduces(req, position)) {
            position.exitAccepted();
            exits.add(o.id());
        } else {
            position.entryAccepted();
        }
        if (buildEvents) {
            events.publish(new OrderAccepted(now, o.id(), req.clientOrderId(), req.strategy(), req.symbol(), req.side(), req.quantity(),
                    req.type(), req.limitPrice(), req.stopPrice(), req.timeInForce(), req.exitTag()));
        } else {
            eventsNotBuilt++;
        }
        working.add(o);
        if (unanswered != null) unanswered.put(o.id(), now);
        venue.submit(new VenueOrder(o.id(), req, null, Quantity.ZERO));
        return o;
    }

    private static boolean reduces(OrderRequest req, Position position) {
        BigDecimal q = position.quantity();
        return q.signum() != 0 && q.signum() != req.side().sign();
    }

    /** Lifecycle bookkeeping when an order stops working. */
    void orderEnded(Order o) {
        working.remove(o);
        if (unanswered != null) unanswered.remove(o.id());
        Position position = portfolio.position(portfolio.slotOf(o.request().instrument()));
        if (position == null) return;
        if (exits.remove(o.id())) {
            position.exitEnded(o.status() == io.tradepilot.engine.orders.OrderStatus.FILLED);
        } else if (o.filledQuantity().isZero()) {
            position.entryFailed();
        }
    }

    /** Trips the engine ({@link TripLatch}) unless its trip is set and not released; publishes the trip and the state. */
    private void trip(RejectionCode code, String message) {
        releaseTripIfReported("released by the trading-state port");
        if (!trip.trip(code, message, releases(Long.MAX_VALUE))) return;
        events.publish(new RiskTripped(clock.instant(), code, message));
        events.publish(new TradingStateChanged(clock.instant(), EngineState.TRIPPED, trip.message()));
    }

    void checkAutoTrips() {
        if (trip.tripped()) releaseTripIfReported("released by the trading-state port");
        if (trip.tripped()) return;
        int losses = lossStreak.consecutiveLosses();
        if (config.tripConsecutiveLosses() > 0 && losses >= config.tripConsecutiveLosses()) {
            trip(RejectionCode.CONSECUTIVE_LOSSES, losses + " losing trades in a row");
            return;
        }
        if (config.tripDailyLoss() != null) {
            BigDecimal loss = portfolio.dayPnl().negate();
            BigDecimal limit = portfolio.dayStartEquity().multiply(config.tripDailyLoss());
            if (loss.signum() > 0 && loss.compareTo(limit) >= 0) {
                trip(RejectionCode.DAILY_LOSS_LIMIT, "daily loss " + loss.toPlainString() + " >= " + limit.toPlainString());
                return;
            }
        }
        if (config.tripDrawdown() != null && portfolio.drawdown().compareTo(config.tripDrawdown()) >= 0) {
            trip(RejectionCode.MAX_DRAWDOWN, "drawdown " + portfolio.drawdown().toPlainString() + " >= " + config.tripDrawdown().toPlainString());
        }
    }

    // ---------------------------------------------------------------- strategy context

    private final class Ctx implements StrategyContext {
        int slot;
        Strategy strategy;
        String idPrefix;
        BarCursor bar;
        final int[] seq = new int[2];

        void begin(int slot, Strategy s, String idPrefix, BarCursor bar) {
            this.slot = slot;
            this.strategy = s;
            this.idPrefix = idPrefix;
            this.bar = bar;
            seq[0] = 0;
            seq[1] = 0;
        }

        void end() {
            strategy = null;
            bar = null;
        }

        @Override
        public Instrument instrument() {
            return portfolio.instrument(slot);
        }

        @Override
        public Instant time() {
            return bar.start();
        }

        @Override
        public long positionUnits() {
            if (!portfolio.isIntegral(slot)) throw new IllegalStateException("position in " + instrument().symbol() + " is fractional");
            return portfolio.quantityUnits(slot);
        }

        @Override
        public BigDecimal position() {
            return portfolio.position(slot).quantity();
        }

        @Override
        public boolean hasWorkingOrders() {
            return working.hasWorking(instrument().symbol(), strategy.id());
        }

        @Override
        public BigDecimal equity() {
            return portfolio.equity();
        }

        @Override
        public PortfolioSnapshot portfolio() {
            return portfolio.snapshot();
        }

        @Override
        public void submit(OrderIntent intent) {
            if (strategy == null) throw new IllegalStateException("submit outside onBar");
            Instrument ins = instrument();
            ClientOrderId cid = ClientOrderId.derive(idPrefix, bar.startMillis(), intent.side(), seq[intent.side().ordinal()]++);
            Quantity quantity = intent.quantity();
            if (lossStreak.reduced() && !quantity.isZero()) {
                quantity = reducedEntry(slot, intent.side(), quantity, lossStreak::entryQuantity);
                if (quantity.isZero()) {
                    events.publish(new OrderRejected(clock.instant(), cid, ins.symbol(), RejectionCode.SIZE_REDUCED_TO_ZERO,
                            "entry of " + intent.quantity().value().toPlainString() + " reduced by " + lossStreak.factor().toPlainString()
                                    + " after " + config.lossSizeReduction().afterLosses() + " losing trades rounds down to 0 (lot "
                                    + ins.lotSize().toPlainString() + ")"));
                    return;
                }
            }
            if (sizeFactor.scales() && !quantity.isZero()) {
                Quantity computed = quantity;
                quantity = reducedEntry(slot, intent.side(), quantity, sizeFactor::entryQuantity);
                if (quantity.isZero()) {
                    events.publish(new OrderRejected(clock.instant(), cid, ins.symbol(), RejectionCode.LIVE_SIZE_ROUNDS_TO_ZERO,
                            "entry of " + computed.value().toPlainString() + " at the LIVE size factor " + sizeFactor.factor().toPlainString()
                                    + " rounds down to 0 (lot " + ins.lotSize().toPlainString() + "): not sent"));
                    return;
                }
            }
            OrderRequest req;
            try {
                req = new OrderRequest(cid, strategy.id(), ins, intent.side(), quantity, intent.type(), intent.limitPrice(),
                        intent.stopPrice(), intent.timeInForce(), intent.protectiveStop(), false, intent.exitTag());
            } catch (IllegalArgumentException invalid) {
                events.publish(new OrderRejected(clock.instant(), cid, ins.symbol(), RejectionCode.INVALID_ORDER, invalid.getMessage()));
                return;
            }
            place(req, false);
        }
    }

    /**
     * A strategy's order quantity while entries are reduced (losing streak, LIVE size factor): the part that closes the
     * current position (an exit) stays whole, the part that opens or adds (an entry) goes through {@code reduce}
     * (entry, lot size → reduced entry in whole lots). May be zero (the caller rejects it).
     */
    private Quantity reducedEntry(int slot, Side side, Quantity requested,
                                  java.util.function.BinaryOperator<BigDecimal> reduce) {
        BigDecimal q = requested.value();
        BigDecimal held = portfolio.position(slot).quantity();
        BigDecimal exit = held.signum() != 0 && held.signum() != side.sign() ? q.min(held.abs()) : BigDecimal.ZERO;
        BigDecimal entry = q.subtract(exit);
        if (entry.signum() == 0) return requested;
        BigDecimal reduced = reduce.apply(entry, portfolio.instrument(slot).lotSize());
        return new Quantity(exit.add(reduced));
    }

    // ---------------------------------------------------------------- recovery (before the first bar)

    /**
     * Recovery after a restart: replays the net P&L of every closed round trip, oldest first, into the
     * losing streak (the consecutive-loss trip and the entry size reduction), so that they continue
     * where the run before the restart left them. Call on the writer thread before any bar.
     */
    public void restoreRoundTrips(List<BigDecimal> netPnls) {
        for (BigDecimal pnl : netPnls) {
            lossStreak.onRoundTrip(pnl);
        }
    }

    /**
     * Recovery after a restart: the peak equity and the trading day's starting equity recorded at
     * {@code asOf} (the last time step the ledger holds), so that drawdown and daily loss continue to
     * measure from them instead of from the restart. The day is {@code asOf}'s day in the market zone:
     * a first bar on that day continues it, a bar on a later day starts a new one as usual. Call on the
     * writer thread after the fills are replayed and before any bar.
     */
    public void restoreRiskBaseline(BigDecimal peakEquity, BigDecimal dayStartEquity, Instant asOf) {
        portfolio.restoreBaseline(peakEquity, dayStartEquity);
        currentDay = days.epochDay(asOf.toEpochMilli());
    }

    /**
     * Recovery after a restart: refuses entries in {@code symbols} for the rest of {@code squaredOffAt}'s
     * market-zone day, as the square-off at that time did before the restart, without placing or cancelling
     * anything. Call on the writer thread before any bar.
     */
    public void restoreSquareOff(java.util.Set<String> symbols, Instant squaredOffAt) {
        squaredOff.closeForTheDay(java.util.Set.copyOf(symbols), Objects.requireNonNull(squaredOffAt, "squaredOffAt"));
    }

    /**
     * Sets {@code strategy}'s own entry limits (its configuration's trading hours, blackouts and max positions) from the
     * next order on; null or empty removes them. Writer thread, before the first bar (start) or through
     * {@link EngineCommand.SetStrategyRules}.
     */
    public void setStrategyRules(StrategyId strategy, io.tradepilot.engine.risk.StrategyEntryRules rules) {
        strategyLimits.set(strategy, rules);
    }

    /** The LIVE size factor applied to strategies' entries now (1: none). */
    public BigDecimal sizeFactor() {
        return sizeFactor.factor();
    }

    /** The losing streak and the entry size reduction now. */
    public LossStreak.State lossStreak() {
        return lossStreak.state();
    }

    /**
     * Recovery after a restart: takes over an order the host rebuilt from its ledger (with its fills
     * already recorded on the order and already applied to {@link #portfolio()}). From now on the order
     * is known by its id and client order id, so the same client order id arriving again is ignored as
     * a duplicate. A working order goes back into the engine's book of working orders and counts again as an entry or an exit
     * of its position and is {@linkplain ExecutionVenue#resolve resolved} at the venue by its client order id
     * (never sent again; the paper broker takes it back as working); a terminal one is only remembered.
     * Call on the writer thread before any bar.
     * Refuses (IllegalArgumentException) an order id or client order id the engine already knows, and an
     * order that was never accepted.
     */
    public void adopt(Order order) {
        Objects.requireNonNull(order, "order");
        ClientOrderId cid = order.request().clientOrderId();
        if (orders.containsKey(order.id()) || byClientId.containsKey(cid)) {
            throw new IllegalArgumentException("order " + order.id() + " / " + cid + " is already known");
        }
        if (order.status() == io.tradepilot.engine.orders.OrderStatus.NEW) {
            throw new IllegalArgumentException("order " + order.id() + " was never accepted");
        }
        orders.put(order.id(), order);
        byClientId.put(cid, order);
        if (!order.status().isWorking()) return;
        int slot = portfolio.slotOf(order.request().instrument());
        ensureSlot(slot);
        Position position = portfolio.position(slot);
        if (reduces(order.request(), position)) {
            position.exitAccepted();
            exits.add(order.id());
        } else {
            position.entryAccepted();
        }
        working.add(order);
        if (unanswered != null) unanswered.put(order.id(), clock.instant());
        venue.resolve(venueOrder(order));
    }

    // ---------------------------------------------------------------- reads (writer thread)

    public Portfolio portfolio() { return portfolio; }
    /** The venue orders go to. */
    public ExecutionVenue venue() { return venue; }

    /** The paper broker when the engine trades there (the default); IllegalStateException for another venue. */
    public PaperBroker broker() {
        if (venue instanceof PaperBroker paper) return paper;
        throw new IllegalStateException("the engine trades at " + venue + ", not at the paper broker");
    }

    /** Orders working at the venue now. */
    public int workingCount() { return working.count(); }

    /** The orders working at the venue now, per symbol in submission order (a copy). */
    public List<Order> workingOrders() { return working.orders(); }
    /** The engine's own state: TRIPPED from its automatic trip until the trading-state port reports a release, else RUNNING. */
    public EngineState state() { return trip.state(); }
    public long barsProcessed() { return barsProcessed; }
    public long ordersAccepted() { return ordersAccepted; }
    /**
     * Events of the order/fill path (accepted, filled, position changed, trade closed) that were counted
     * but not built because the sink {@linkplain EngineEvents#discardsEvents() discards events}; zero otherwise.
     */
    public long eventsNotBuilt() { return eventsNotBuilt; }
    public Order order(OrderId id) { return orders.get(id); }
    public List<Order> orders() { return new ArrayList<>(orders.values()); }

    /** An immutable picture for other threads. Call on the writer thread. */
    public EngineSnapshot snapshot() {
        List<OrderView> working = new ArrayList<>();
        for (Order o : this.working.orders()) working.add(o.view());
        return new EngineSnapshot(clock.instant(), trip.state(), trip.message(), portfolio.snapshot(), working, barsProcessed, ordersAccepted,
                lossStreak.state());
    }

}
