package io.tradepilot.trading.internal;

import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderView;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.risk.RejectionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The bridge between one running engine and the controls module, which owns "may we trade": the engine reads the
 * controls through its trading-state port ({@link ControlsTradingState}); this class reports the engine's automatic
 * trips (daily loss, drawdown, losing streak) to the controls (breaker or kill switch, as configured, audited as user
 * {@code system}), trips the breaker with DATA_STALE after {@code staleAfter} of silence (once per silence; when the
 * feed counts as silent is the source's {@link MarketFeed#quietSince}: a replay from its last bar, a broker feed from
 * its stream's last trade or bar during the exchange's sessions only),
 * cancels every working order while the kill switch is engaged (on the change event and again on every tick, which
 * covers a missed event), and reports the controls' releases to the engine's port ({@link ControlsTradingState#released()}:
 * a breaker reset, or the kill switch disengaged where trips engage it), which is what lifts the engine's own trip.
 * It forwards no pause or kill to the engine: the engine reads those through the port for every order.
 * Reactions that call the controls run on {@code reactions}, never on the engine's, the feed's or the ledger's thread.
 */
final class ControlBridge {

    private static final Logger log = LoggerFactory.getLogger(ControlBridge.class);

    private final TradingProperties properties;
    /** The limits the engine runs with (they say whether a trip engages the kill switch or the breaker). */
    private final Supplier<TradingProperties.Limits> limits;
    private final TradingGate gate;
    private final ControlService controls;
    private final SingleWriterEngine engine;
    /** The engine's trading-state port, told of the controls' releases. */
    private final ControlsTradingState port;
    private final ExecutorService reactions;
    private final FeedLoop feed;
    private final MarketFeed source;
    private final Clock clock;
    private final Set<OrderId> cancelsRequested = ConcurrentHashMap.newKeySet();
    /** The last bar's wall time when DATA_STALE was tripped (once per silence); MIN_VALUE: not tripped. */
    private volatile long staleSince = Long.MIN_VALUE;

    ControlBridge(TradingProperties properties, Supplier<TradingProperties.Limits> limits, TradingGate gate, ControlService controls,
                  SingleWriterEngine engine, ControlsTradingState port, ExecutorService reactions, FeedLoop feed, MarketFeed source,
                  Clock clock) {
        this.properties = properties;
        this.limits = limits;
        this.gate = gate;
        this.controls = controls;
        this.engine = engine;
        this.port = port;
        this.reactions = reactions;
        this.feed = feed;
        this.source = source;
        this.clock = clock;
    }

    /** The periodic check (while leading): staleness, and the kill switch's cancels. Never throws. */
    void tick() {
        try {
            var md = properties.marketdata();
            long now = clock.millis();
            long last = source.quietSince(now, feed.lastBarWallMillis());
            long silent = now - last;
            if (staleSince != last && silent > md.staleAfter().toMillis()) {
                staleSince = last;
                String detail = "no market data for " + Duration.ofMillis(silent).toSeconds() + " s (limit " + md.staleAfter().toSeconds() + " s)";
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

    /**
     * A control changed (any instance): cancels on the kill switch; a release (breaker reset, or the kill switch lifted
     * where trips engage it) is counted on the port and the engine asked to read it now ({@link EngineCommand.CheckTrip}),
     * which lifts the engine's own trip.
     */
    void onControlChanged(ControlChanged change) {
        if (change.control() == Control.KILL_SWITCH && "ENGAGED".equals(change.to())) {
            cancelWorking("kill switch engaged by " + change.user());
        }
        boolean breakerReset = change.action() == ControlAction.RESET_CIRCUIT_BREAKER;
        boolean killLifted = change.action() == ControlAction.DISENGAGE_KILL_SWITCH
                && limits.get().action() == TradingProperties.LimitAction.ENGAGE_KILL_SWITCH;
        if (breakerReset || killLifted) {
            port.released();
            engine.accept(new EngineCommand.CheckTrip(change.action().name() + " by " + change.user() + ": " + change.reason()));
        }
    }

    /** Called on the ledger thread for a committed event: an automatic trip goes to the controls. */
    void recorded(EngineEvent event) {
        if (!(event instanceof EngineEvent.RiskTripped trip)) return;
        TripReason reason = tripReason(trip.code());
        if (reason == null) {
            log.warn("The engine tripped ({}): {}", trip.code(), trip.message());
            return;
        }
        log.warn("Automatic trigger {}: {}", reason, trip.message());
        if (limits.get().action() == TradingProperties.LimitAction.ENGAGE_KILL_SWITCH) {
            reactions.execute(() -> report(controls.engageKillSwitchAutomatically(reason.label() + ": " + trip.message())));
        } else {
            reactions.execute(() -> report(controls.tripCircuitBreakerAutomatically(reason, trip.message())));
        }
    }

    /** The controls' reason for one of the engine's automatic trips; null for a code that is not an automatic trigger. */
    static TripReason tripReason(RejectionCode code) {
        return switch (code) {
            case DAILY_LOSS_LIMIT -> TripReason.DAILY_LOSS_EXCEEDED;
            case MAX_DRAWDOWN -> TripReason.MAX_DRAWDOWN;
            case CONSECUTIVE_LOSSES -> TripReason.CONSECUTIVE_LOSSES;
            default -> null;
        };
    }

    /**
     * Asks the engine to cancel every working order not already asked for, except its own closing orders
     * ({@link #isEngineExit}). Cancels always pass the controls.
     */
    private void cancelWorking(String reason) {
        List<OrderView> working = engine.latest().workingOrders();
        cancelsRequested.retainAll(working.stream().map(OrderView::id).toList());
        for (OrderView o : working) {
            if (isEngineExit(o)) continue;
            if (cancelsRequested.add(o.id())) engine.accept(new EngineCommand.CancelOrder(o.id(), reason));
        }
    }

    /**
     * The engine's own orders, which are only ever closing orders (a flatten's or a square-off's market exits; the
     * ledger does not keep the reduce-only flag, so the strategy id decides): the way out that the kill switch must
     * leave alone, or a flatten would cancel its own exits.
     */
    private static boolean isEngineExit(OrderView o) {
        return o.request().strategy().equals(StrategyId.ENGINE);
    }

    private static void report(ControlResult result) {
        if (result instanceof ControlResult.Refused refused) {
            log.info("Automatic control change not applied: {}", refused.refusal().message());
        }
    }
}
