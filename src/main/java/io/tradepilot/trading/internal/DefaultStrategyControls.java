package io.tradepilot.trading.internal;

import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditUnavailableException;
import io.tradepilot.security.Roles;
import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.portfolio.PositionSnapshot;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.StrategyControls;
import io.tradepilot.trading.StrategyDay;
import io.tradepilot.trading.StrategyStatus;
import io.tradepilot.trading.TradingAction;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link StrategyControls} over the configured strategies, the stored switches ({@link StrategySwitches})
 * and the engine host. A switch is stored first, then sent to the running engine; a host applies the stored
 * switches when it starts. Refused (ENGINE_UNAVAILABLE) on an instance that does not run the engine, so
 * that a switch never waits unseen for a restart.
 */
class DefaultStrategyControls implements StrategyControls {

    private final TradingProperties properties;
    private final StrategySwitches switches;
    private final EngineHost host;
    private final JooqLedger ledger;
    private final TradingAuthorization authorization;
    private final Clock clock;

    DefaultStrategyControls(TradingProperties properties, StrategySwitches switches, EngineHost host, JooqLedger ledger,
                            TradingAuthorization authorization, Clock clock) {
        this.properties = properties;
        this.switches = switches;
        this.host = host;
        this.ledger = ledger;
        this.authorization = authorization;
        this.clock = clock;
    }

    /**
     * Today is the engine's market day (its clock follows the bars) on the leader, else the wall clock's day
     * in the market zone. Exposure is valued at the engine's marks on the leader, else at the ledger's
     * average prices.
     */
    @Override
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'VIEWER')")
    public List<StrategyStatus> strategies() {
        Optional<EngineSnapshot> snapshot = host.snapshot();
        LocalDate today = snapshot.map(s -> s.time().atZone(properties.marketZone()).toLocalDate())
                .orElseGet(() -> LocalDate.now(clock.withZone(properties.marketZone())));
        Map<String, StrategyDay> days = new LinkedHashMap<>();
        for (StrategyDay d : ledger.strategyDays(today, today)) days.put(d.strategy(), d);
        Map<String, BigDecimal> value = new LinkedHashMap<>();
        if (snapshot.isPresent()) {
            for (PositionSnapshot p : snapshot.get().portfolio().positions()) {
                if (p.quantity().signum() != 0) value.put(p.symbol(), p.quantity().multiply(p.mark() == null ? p.averagePrice() : p.mark()));
            }
        } else {
            for (LedgerPosition p : ledger.positions(true)) value.put(p.symbol(), p.quantity().multiply(p.averagePrice()));
        }
        var disabled = switches.disabled();
        List<StrategyStatus> out = new ArrayList<>();
        for (var s : host.configuration().strategies()) {
            String id = s.strategyId();
            Map<String, BigDecimal> exposure = new LinkedHashMap<>();
            for (String symbol : s.symbols()) if (value.containsKey(symbol)) exposure.put(symbol, value.get(symbol));
            BigDecimal gross = exposure.values().stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add);
            int working = snapshot.map(x -> (int) x.workingOrders().stream().filter(o -> o.request().strategy().value().equals(id)).count())
                    .orElse(0);
            StrategyDay day = days.get(id);
            out.add(new StrategyStatus(id, s.name(), s.symbols(), s.params(), s.quantity(), !disabled.contains(id),
                    day == null ? 0 : day.trades(), day == null ? 0 : day.wins(), day == null ? BigDecimal.ZERO : day.netPnl(),
                    working, exposure, gross));
        }
        return out;
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = TradingDeniedHandler.class)
    @TradingAuditedAs(value = TradingAction.ACTIVATE_STRATEGY, targetArgument = 0, reasonArgument = 2)
    public ActionResult activate(String strategyId, String confirmation, String reason) {
        return change(TradingAction.ACTIVATE_STRATEGY, strategyId, confirmation, reason, true);
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = TradingDeniedHandler.class)
    @TradingAuditedAs(value = TradingAction.DEACTIVATE_STRATEGY, targetArgument = 0, reasonArgument = 2)
    public ActionResult deactivate(String strategyId, String confirmation, String reason) {
        return change(TradingAction.DEACTIVATE_STRATEGY, strategyId, confirmation, reason, false);
    }

    private ActionResult change(TradingAction action, String strategyId, String confirmation, String reason, boolean enable) {
        String id = ActionRules.clean(strategyId);
        authorization.require(action, id, reason);
        TradingAuthorization.Attempt attempt = authorization.attempt(action, id, reason);
        ActionResult result;
        try {
            result = PlainText.first(PlainText.singleLine("id", strategyId), PlainText.singleLine("confirm", confirmation),
                            PlainText.multiLine("reason", reason))
                    .<ActionResult>map(violation -> new ActionResult.Refused(Refusal.invalidText(violation)))
                    .orElseGet(() -> decide(attempt, id, confirmation, reason, enable));
        } catch (RuntimeException e) {
            attempt.ended(AuditOutcome.FAILED, "error: " + e);
            throw e;
        }
        switch (result) {
            case ActionResult.Done done -> attempt.ended(AuditOutcome.SUCCESS, done.message());
            case ActionResult.Refused refused -> attempt.ended(AuditOutcome.FAILED,
                    refused.refusal().code().name() + ": " + refused.refusal().message());
        }
        return result;
    }

    /**
     * The rules, then the switch: stored, then sent to the engine. Activating is recorded before it is stored (it
     * lets entries go out again) and refused when that record cannot be written; deactivating reduces risk and goes
     * ahead whatever the audit log's state.
     */
    private ActionResult decide(TradingAuthorization.Attempt attempt, String id, String confirmation, String reason, boolean enable) {
        TradingAction action = enable ? TradingAction.ACTIVATE_STRATEGY : TradingAction.DEACTIVATE_STRATEGY;
        Optional<Refusal> invalid = ActionRules.reason(action, reason).or(() -> ActionRules.confirmation(enable ? "ACTIVATE" : "DEACTIVATE", confirmation));
        if (invalid.isPresent()) return new ActionResult.Refused(invalid.get());
        boolean configured = id != null && host.configuration().strategies().stream().anyMatch(s -> s.strategyId().equals(id));
        if (!configured) return refused(RefusalCode.NOT_FOUND, "No strategy " + (id == null ? "" : id) + " is configured.");
        if (host.role() != EngineHost.Role.LEADER) {
            return refused(RefusalCode.ENGINE_UNAVAILABLE, "This instance does not run the engine (standby or stopped); try the leader.");
        }
        boolean enabled = !switches.disabled().contains(id);
        if (enabled == enable) {
            return refused(enable ? RefusalCode.ALREADY_ACTIVE : RefusalCode.ALREADY_INACTIVE,
                    "Strategy " + id + " is already " + (enable ? "active" : "inactive") + ".");
        }
        if (!action.safer()) {
            try {
                attempt.begin();
            } catch (AuditUnavailableException e) {
                return new ActionResult.Refused(Refusal.auditUnavailable(e));
            }
        }
        String why = reason.strip();
        switches.store(new StrategySwitches.Switch(id, enable, CurrentUser.username(), why, clock.instant()));
        try {
            host.send(new EngineCommand.SetStrategyEnabled(new StrategyId(id), enable, why));
        } catch (IllegalStateException stoppedMeanwhile) {
            return new ActionResult.Done("Strategy " + id + " switch stored; the engine stopped meanwhile and applies it when it starts.", List.of());
        }
        return new ActionResult.Done("Strategy " + id + (enable ? " activated: entries allowed again."
                : " deactivated: entries refused; it keeps its positions and its exits still go out."), List.of());
    }

    private static ActionResult refused(RefusalCode code, String message) {
        return new ActionResult.Refused(new Refusal(code, message));
    }
}
