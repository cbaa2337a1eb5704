package io.tradepilot.trading.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditUnavailableException;
import io.tradepilot.security.Roles;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.portfolio.PositionSnapshot;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.RiskDecision;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.OrderPreview;
import io.tradepilot.trading.TradingAction;
import io.tradepilot.trading.StrategyOrders;
import io.tradepilot.trading.TradingActions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link TradingActions} in front of the {@link EngineHost}. Every mutating method runs the same sequence:
 * role (method security, then again inside; a denial is audited), input rules ({@link ActionRules}), this
 * instance runs the engine, the user's rate limit ({@link RateLimiter}; unreadable: refused), the action;
 * every outcome is audited with user, action, target, reason and client address. Orders go only through
 * the host's write-ahead path and the answer waits (at most {@link #DECISION_TIMEOUT}) for the engine's
 * recorded decision.
 */
class DefaultTradingActions implements TradingActions, StrategyOrders {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DefaultTradingActions.class);

    /** How long an action waits for the engine's (recorded) answer. */
    static final Duration DECISION_TIMEOUT = Duration.ofSeconds(5);

    private final EngineHost host;
    private final TradingAuthorization authorization;
    private final RateLimiter limiter;
    private final ControlService controls;
    private final TradingGate gate;
    private final JooqLedger ledger;
    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();

    DefaultTradingActions(EngineHost host, TradingAuthorization authorization, RateLimiter limiter, ControlService controls,
                          TradingGate gate, JooqLedger ledger, Clock clock) {
        this.host = host;
        this.authorization = authorization;
        this.limiter = limiter;
        this.controls = controls;
        this.gate = gate;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Set<TradingAction> permittedActions() {
        Set<TradingAction> permitted = EnumSet.noneOf(TradingAction.class);
        Arrays.stream(TradingAction.values()).filter(TradingAuthorization::permits).forEach(permitted::add);
        return permitted;
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = TradingDeniedHandler.class)
    @TradingAuditedAs(value = TradingAction.CANCEL_ORDER, targetArgument = 0, reasonArgument = 1)
    public ActionResult cancelOrder(String orderId, String reason) {
        String id = ActionRules.clean(orderId);
        return perform(TradingAction.CANCEL_ORDER, id, reason,
                PlainText.first(PlainText.singleLine("orderId", orderId), PlainText.multiLine("reason", reason)), () -> id == null || id.length() > 64
                ? Optional.of(new Refusal(RefusalCode.NOT_FOUND, "No order " + (id == null ? "" : id.substring(0, 64) + "…") + "."))
                : Optional.empty(), () -> {
            EngineSnapshot snapshot = host.snapshot().orElseThrow(() -> new IllegalStateException("engine stopped"));
            boolean working = snapshot.workingOrders().stream().anyMatch(o -> o.id().value().equals(id));
            if (!working) {
                Optional<LedgerOrder> recorded = ledger.order(id);
                return recorded.<ActionResult>map(o -> refused(RefusalCode.NOT_WORKING, "Order " + id + " is " + o.status()
                        + " and can no longer be cancelled.")).orElseGet(() -> refused(RefusalCode.NOT_FOUND, "No order " + id + "."));
            }
            Map<String, String> statuses = cancel(List.of(id), "manual cancel by " + CurrentUser.username() + ": " + reason.strip());
            String status = statuses.getOrDefault(id, "UNKNOWN");
            return "CANCELLED".equals(status) ? new ActionResult.Done("Cancelled " + id + ".", List.of(id))
                    : refused(RefusalCode.NOT_WORKING, "Order " + id + " could not be cancelled: it is " + status + ".");
        });
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = TradingDeniedHandler.class)
    @TradingAuditedAs(value = TradingAction.CANCEL_ALL, targetArgument = 0, reasonArgument = 1)
    public ActionResult cancelAll(String symbol, String reason) {
        String sym = symbol == null || symbol.isBlank() ? null : symbol.strip().toUpperCase(Locale.ROOT);
        return perform(TradingAction.CANCEL_ALL, sym == null ? "all" : sym, reason,
                PlainText.first(PlainText.singleLine("symbol", symbol), PlainText.multiLine("reason", reason)), Optional::empty, () -> {
            if (sym != null && !host.instruments().containsKey(sym)) return refused(RefusalCode.NOT_FOUND, "No symbol " + sym + " is traded.");
            EngineSnapshot snapshot = host.snapshot().orElseThrow(() -> new IllegalStateException("engine stopped"));
            List<String> ids = snapshot.workingOrders().stream().filter(o -> sym == null || o.request().symbol().equals(sym))
                    .map(o -> o.id().value()).toList();
            if (ids.isEmpty()) return new ActionResult.Done("No working orders" + (sym == null ? "" : " in " + sym) + " to cancel.", List.of());
            Map<String, String> statuses = cancel(ids, "manual cancel-all by " + CurrentUser.username() + ": " + reason.strip());
            List<String> cancelled = ids.stream().filter(i -> "CANCELLED".equals(statuses.get(i))).toList();
            return new ActionResult.Done("Cancelled " + cancelled.size() + " of " + ids.size() + " working orders"
                    + (sym == null ? "" : " in " + sym) + ".", cancelled);
        });
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = TradingDeniedHandler.class)
    @TradingAuditedAs(value = TradingAction.CLOSE_POSITION, targetArgument = 0, reasonArgument = 2)
    public ActionResult closePosition(String symbol, BigDecimal quantity, String reason) {
        String sym = symbol == null || symbol.isBlank() ? null : symbol.strip().toUpperCase(Locale.ROOT);
        return perform(TradingAction.CLOSE_POSITION, sym, reason,
                PlainText.first(PlainText.singleLine("symbol", symbol), PlainText.multiLine("reason", reason)), () -> sym == null
                ? Optional.of(new Refusal(RefusalCode.INVALID_ORDER, "The symbol is missing."))
                : quantity != null && quantity.signum() <= 0
                ? Optional.of(new Refusal(RefusalCode.INVALID_ORDER, "The quantity must be positive."))
                : Optional.empty(), () -> {
            Optional<Refusal> blocked = killSwitchOrUnknown();
            if (blocked.isPresent()) return new ActionResult.Refused(blocked.get());
            Instrument instrument = host.instruments().get(sym);
            if (instrument == null) return refused(RefusalCode.NOT_FOUND, "No open position in " + sym + ".");
            BigDecimal open = host.snapshot().map(s -> position(s, sym)).orElse(BigDecimal.ZERO);
            Optional<Refusal> invalid = ActionRules.closeQuantity(quantity, open, instrument);
            if (invalid.isPresent()) return new ActionResult.Refused(invalid.get());
            BigDecimal q = quantity == null ? open.abs() : quantity;
            Side side = open.signum() > 0 ? Side.SELL : Side.BUY;
            OrderRequest request = OrderRequest.market(nextId(sym, side), StrategyId.MANUAL, instrument, side, new Quantity(q)).asReduceOnly();
            return placed(request, "Close order");
        });
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = TradingDeniedHandler.class)
    @TradingAuditedAs(value = TradingAction.FLATTEN_ALL, reasonArgument = 0)
    public ActionResult flattenAll(String reason, String confirmation) {
        return perform(TradingAction.FLATTEN_ALL, "all", reason,
                PlainText.first(PlainText.multiLine("reason", reason), PlainText.singleLine("confirm", confirmation)),
                () -> ActionRules.confirmation("FLATTEN", confirmation), () -> {
            String why = reason.strip();
            ControlResult kill = controls.engageKillSwitch("flatten: " + why);
            if (kill instanceof ControlResult.Refused r && r.refusal().code() != RefusalCode.ALREADY_ENGAGED) {
                return new ActionResult.Refused(new Refusal(r.refusal().code(), "Flatten not started: the kill switch could not be engaged: "
                        + r.refusal().message()));
            }
            EngineSnapshot before = host.snapshot().orElseThrow(() -> new IllegalStateException("engine stopped"));
            List<String> working = before.workingOrders().stream().map(o -> o.id().value()).toList();
            long open = before.portfolio().positions().stream().filter(p -> p.quantity().signum() != 0).count();
            // "started" means recorded: a crash after this answer cannot lose the closing orders
            try {
                if (!host.sendAndAwaitRecorded(new EngineCommand.Flatten("by " + CurrentUser.username() + ": " + why), Duration.ofSeconds(5))) {
                    throw new IllegalStateException("the engine did not record the flatten within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the flatten was recorded", e);
            }
            ControlResult pause = controls.pause("flatten: " + why);
            String paused = pause instanceof ControlResult.Refused r && r.refusal().code() != RefusalCode.ALREADY_PAUSED
                    ? " Trading could NOT be paused: " + r.refusal().message() : " Trading paused.";
            return new ActionResult.Done("Flatten started: kill switch engaged, " + working.size() + " working orders cancelled, "
                    + open + " positions closing at market." + paused, working);
        });
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = TradingDeniedHandler.class)
    @TradingAuditedAs(value = TradingAction.MANUAL_ORDER, target = "preview")
    public OrderPreview previewOrder(ManualOrder order) {
        authorization.require(TradingAction.MANUAL_ORDER, "preview", null);
        Optional<PlainText.Violation> invalidText = order == null ? Optional.empty() : order.invalidText();
        if (invalidText.isPresent()) {
            return new OrderPreview(order, false, RefusalCode.INVALID_TEXT.name(), invalidText.get().message(), null, null, null, null);
        }
        if (host.role() != EngineHost.Role.LEADER) {
            return new OrderPreview(order, false, RefusalCode.ENGINE_UNAVAILABLE.name(), unavailable().message(), null, null, null, null);
        }
        ActionRules.Parsed parsed = ActionRules.order(order, host.instruments(),
                (symbol, side) -> new ClientOrderId("preview:" + symbol + ":" + clock.millis() + ":" + sequence.incrementAndGet()));
        if (parsed instanceof ActionRules.Parsed.Invalid invalid) {
            return new OrderPreview(order, false, invalid.refusal().code().name(), invalid.refusal().message(), null, null, null, null);
        }
        OrderRequest request = ((ActionRules.Parsed.Valid) parsed).request();
        Optional<EngineHost.Preview> answer;
        try {
            answer = host.preview(request, DECISION_TIMEOUT);
        } catch (IllegalStateException e) {
            answer = Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = Optional.empty();
        }
        if (answer.isEmpty()) {
            return new OrderPreview(order, false, RefusalCode.ENGINE_UNAVAILABLE.name(), unavailable().message(), null, null, null, null);
        }
        EngineHost.Preview p = answer.get();
        BigDecimal reference = request.limitPrice() != null ? request.limitPrice().value()
                : request.stopPrice() != null ? request.stopPrice().value() : p.mark();
        BigDecimal qty = request.quantity().value();
        BigDecimal after = p.position().add(qty.multiply(BigDecimal.valueOf(request.side().sign())));
        RiskDecision.Rejection rejection = p.decision() instanceof RiskDecision.Rejection r ? r : null;
        return new OrderPreview(order, rejection == null, rejection == null ? null : rejection.code().name(),
                rejection == null ? null : rejection.message(), reference, reference == null ? null : qty.multiply(reference),
                p.position(), after);
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = TradingDeniedHandler.class)
    @TradingAuditedAs(value = TradingAction.MANUAL_ORDER, targetArgument = 0, reasonArgument = 1)
    public ActionResult placeOrder(ManualOrder order, String reason) {
        String target = order == null || order.symbol() == null ? "-" : order.symbol().strip().toUpperCase(Locale.ROOT);
        ActionRules.Parsed[] parsed = new ActionRules.Parsed[1];
        Optional<PlainText.Violation> invalidText = order == null ? PlainText.multiLine("reason", reason)
                : PlainText.first(order.invalidText(), PlainText.multiLine("reason", reason));
        return perform(TradingAction.MANUAL_ORDER, target, reason, invalidText, () -> {
            if (host.role() != EngineHost.Role.LEADER) return Optional.empty(); // refused next, as unavailable
            parsed[0] = ActionRules.order(order, host.instruments(), this::nextId);
            return parsed[0] instanceof ActionRules.Parsed.Invalid invalid ? Optional.of(invalid.refusal()) : Optional.empty();
        }, () -> placed(((ActionRules.Parsed.Valid) parsed[0]).request(), "Order"));
    }

    @Override
    public ActionResult place(String strategyId, ManualOrder order, String reason, String clientAddress, int perMinute) {
        String target = order == null || order.symbol() == null ? "-" : order.symbol().strip().toUpperCase(Locale.ROOT);
        StrategyId strategy;
        try {
            strategy = new StrategyId(strategyId == null ? "" : strategyId);
        } catch (IllegalArgumentException e) {
            return refused(RefusalCode.INVALID_ORDER, "A strategy order needs a strategy id without ':'.");
        }
        TradingAuthorization.Attempt attempt = authorization.attempt(new AuditEntry("strategy:" + strategy.value(),
                STRATEGY_ORDER, target, reason == null || reason.isBlank() ? null : reason.strip(), AuditOutcome.PENDING, null,
                clientAddress));
        Optional<PlainText.Violation> invalidText = order == null ? Optional.empty() : order.invalidText();
        if (invalidText.isPresent()) return audited(attempt, new ActionResult.Refused(Refusal.invalidText(invalidText.get())));
        if (host.role() != EngineHost.Role.LEADER) return audited(attempt, new ActionResult.Refused(unavailable()));
        ActionRules.Parsed parsed = ActionRules.order(order, strategy, host.instruments(), (symbol, side) -> ClientOrderId.derive(
                strategy, symbol == null || symbol.isBlank() || symbol.contains(":") ? "-" : symbol, clock.instant(), side,
                sequence.incrementAndGet()));
        if (parsed instanceof ActionRules.Parsed.Invalid invalid) return audited(attempt, new ActionResult.Refused(invalid.refusal()));
        if (perMinute > 0) {
            Optional<ActionResult> limited = rateLimited(attempt, STRATEGY_ORDER + ":" + strategy.value(), perMinute,
                    Duration.ofMinutes(1), "At most " + perMinute + " orders per minute for strategy " + strategy.value());
            if (limited.isPresent()) return limited.get();
        }
        return carriedOut(attempt, true, () -> placed(((ActionRules.Parsed.Valid) parsed).request(), "Order"));
    }

    /** The audit action of an order placed for a strategy ({@link StrategyOrders}). */
    static final String STRATEGY_ORDER = "ORDER_STRATEGY";

    // ------------------------------------------------------------------------------ the common sequence

    /**
     * Role, texts ({@link PlainText}), reason, the action's own input rules, engine availability, rate limit, then
     * {@code act}; audits the outcome. An action that reduces risk ({@link TradingAction#safer()}) is carried out and
     * audited after ({@link io.tradepilot.audit.AuditLog#record}: spooled while the audit log is down); any other is
     * recorded before {@code act} runs and refused (AUDIT_UNAVAILABLE) when that record cannot be written. An
     * engine that stops meanwhile answers ENGINE_UNAVAILABLE.
     */
    private ActionResult perform(TradingAction action, String target, String reason, Optional<PlainText.Violation> invalidText,
                                 Supplier<Optional<Refusal>> rules, Supplier<ActionResult> act) {
        authorization.require(action, target, reason);
        TradingAuthorization.Attempt attempt = authorization.attempt(action, target, reason);
        if (invalidText.isPresent()) return audited(attempt, new ActionResult.Refused(Refusal.invalidText(invalidText.get())));
        Optional<Refusal> invalid = ActionRules.reason(action, reason).or(rules);
        if (invalid.isPresent()) return audited(attempt, new ActionResult.Refused(invalid.get()));
        if (host.role() != EngineHost.Role.LEADER) return audited(attempt, new ActionResult.Refused(unavailable()));
        if (action.limit() > 0) {
            Optional<ActionResult> limited = rateLimited(attempt, action.name() + ":" + CurrentUser.username(), action.limit(),
                    action.window(), "At most " + action.limit() + " per " + words(action.window()));
            if (limited.isPresent()) return limited.get();
        }
        return carriedOut(attempt, !action.safer(), act);
    }

    /**
     * Counts one attempt under {@code key}; the audited refusal when over {@code limit} per {@code window}
     * (RATE_LIMITED, "{@code what}; try again in n s.") or when the limit cannot be read (STATE_UNAVAILABLE).
     */
    private Optional<ActionResult> rateLimited(TradingAuthorization.Attempt attempt, String key, int limit, Duration window, String what) {
        Optional<Duration> wait;
        try {
            wait = limiter.acquire(key, limit, window);
        } catch (RateLimiter.Unavailable e) {
            return Optional.of(audited(attempt, refused(RefusalCode.STATE_UNAVAILABLE,
                    "Rate limit state unknown, nothing was done: " + e.getMessage())));
        }
        return wait.map(w -> audited(attempt, new ActionResult.Refused(new Refusal(RefusalCode.RATE_LIMITED,
                what + "; try again in " + Math.max(1, (w.toMillis() + 999) / 1000) + " s.", wait))));
    }

    /**
     * Carries {@code act} out and audits its result; with {@code recordFirst}, only once its record is written
     * (else refused AUDIT_UNAVAILABLE). An engine that stops meanwhile answers ENGINE_UNAVAILABLE.
     */
    private ActionResult carriedOut(TradingAuthorization.Attempt attempt, boolean recordFirst, Supplier<ActionResult> act) {
        if (recordFirst) {
            try {
                attempt.begin();
            } catch (AuditUnavailableException e) {
                return new ActionResult.Refused(Refusal.auditUnavailable(e)); // recorded by the audit log
            }
        }
        ActionResult result;
        try {
            result = act.get();
        } catch (IllegalStateException e) {
            result = new ActionResult.Refused(unavailable());
        } catch (RuntimeException e) {
            attempt.ended(AuditOutcome.FAILED, "error: " + e);
            throw e;
        }
        return audited(attempt, result);
    }

    private static ActionResult audited(TradingAuthorization.Attempt attempt, ActionResult result) {
        switch (result) {
            case ActionResult.Done done -> attempt.ended(AuditOutcome.SUCCESS,
                    done.message() + (done.orderIds().isEmpty() ? "" : " " + done.orderIds()));
            case ActionResult.Refused refused -> attempt.ended(
                    refused.refusal().code() == RefusalCode.RATE_LIMITED ? AuditOutcome.RATE_LIMITED : AuditOutcome.FAILED,
                    refused.refusal().code().name() + ": " + refused.refusal().message());
        }
        return result;
    }

    /** Sends the placement through the write-ahead path and answers with the engine's recorded decision. */
    private ActionResult placed(OrderRequest request, String what) {
        try (var ignored = OrderLog.scope(request.clientOrderId())) {
            ActionResult result = decide(request, what);
            switch (result) {
                case ActionResult.Done done -> log.info("{}", done.message());
                case ActionResult.Refused refused -> log.info("{} refused: {} {}", what, refused.refusal().code(),
                        refused.refusal().message());
            }
            return result;
        }
    }

    private ActionResult decide(OrderRequest request, String what) {
        Optional<EngineHost.Decision> decision;
        try {
            decision = host.placeAndAwait(request, DECISION_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            decision = Optional.empty();
        }
        if (decision.isEmpty()) {
            return refused(RefusalCode.ENGINE_UNAVAILABLE, "The engine did not decide on " + request.clientOrderId() + " within "
                    + DECISION_TIMEOUT.toSeconds() + " s; look for it in the orders before trying again.");
        }
        return switch (decision.get()) {
            case EngineHost.Decision.Accepted a -> new ActionResult.Done(what + " accepted as " + a.orderId() + ": "
                    + request.side() + " " + request.quantity() + " " + request.symbol() + " " + request.type()
                    + " (" + request.clientOrderId() + ").", List.of(a.orderId()));
            case EngineHost.Decision.Rejected r -> new ActionResult.Refused(new Refusal(refusalOf(r.code()), what + " rejected: " + r.message()));
            case EngineHost.Decision.Duplicate d -> refused(RefusalCode.CONCURRENT_CHANGE, "The order id " + request.clientOrderId()
                    + " was already used by " + d.existingOrderId() + "; try again.");
        };
    }

    /**
     * The refusal of an engine rejection: the kill switch and blocked trading (also a symbol squared off for the
     * day) are conflicts, limits are invalid orders.
     */
    static RefusalCode refusalOf(RejectionCode code) {
        return switch (code) {
            case KILL_SWITCH_ENGAGED -> RefusalCode.KILL_SWITCH_ENGAGED;
            case TRADING_PAUSED, CIRCUIT_BREAKER_TRIPPED, REDUCE_ONLY, AFTER_SQUARE_OFF -> RefusalCode.TRADING_BLOCKED;
            case TRADING_STATE_UNKNOWN -> RefusalCode.STATE_UNAVAILABLE;
            case INVALID_ORDER -> RefusalCode.INVALID_ORDER;
            case DUPLICATE_CLIENT_ORDER_ID -> RefusalCode.CONCURRENT_CHANGE;
            default -> RefusalCode.RISK_REJECTED;
        };
    }

    /** Asks the engine to cancel {@code ids} and answers each one's status after the cancels were applied. */
    private Map<String, String> cancel(List<String> ids, String reason) {
        for (String id : ids) host.send(new EngineCommand.CancelOrder(new OrderId(id), reason));
        try {
            return host.query(core -> {
                Map<String, String> out = new java.util.HashMap<>();
                for (String id : ids) {
                    Order o = core.order(new OrderId(id));
                    out.put(id, o == null ? "UNKNOWN" : o.status().name());
                }
                return out;
            }, DECISION_TIMEOUT).orElseThrow(() -> new IllegalStateException("no answer"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Optional<Refusal> killSwitchOrUnknown() {
        ControlsReading reading = gate.current();
        if (reading instanceof ControlsReading.Known known) {
            return known.killSwitch().engaged()
                    ? Optional.of(new Refusal(RefusalCode.KILL_SWITCH_ENGAGED, "The kill switch is engaged: no new orders (flatten stays possible)."))
                    : Optional.empty();
        }
        return Optional.of(new Refusal(RefusalCode.STATE_UNAVAILABLE, "Control state unknown: no new orders."));
    }

    private static BigDecimal position(EngineSnapshot snapshot, String symbol) {
        return snapshot.portfolio().positions().stream().filter(p -> p.symbol().equals(symbol)).map(PositionSnapshot::quantity)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    /** A new manual client order id, {@code manual:SYMBOL:epochMillis:B|S:n}, unique within this process's life. */
    private ClientOrderId nextId(String symbol, Side side) {
        String sym = symbol == null || symbol.isBlank() || symbol.contains(":") ? "-" : symbol;
        return ClientOrderId.derive(StrategyId.MANUAL, sym, clock.instant(), side, sequence.incrementAndGet());
    }

    private static Refusal unavailable() {
        return new Refusal(RefusalCode.ENGINE_UNAVAILABLE, "This instance does not run the engine (standby or stopped); try the leader.");
    }

    private static ActionResult refused(RefusalCode code, String message) {
        return new ActionResult.Refused(new Refusal(code, message));
    }

    private static String words(Duration window) {
        return window.toSeconds() % 60 == 0 ? (window.toMinutes() == 1 ? "minute" : window.toMinutes() + " minutes") : window.toSeconds() + " s";
    }
}
