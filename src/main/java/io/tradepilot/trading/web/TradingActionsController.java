package io.tradepilot.trading.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.controls.RefusalProblems;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.OrderPreview;
import io.tradepilot.trading.StrategyControls;
import io.tradepilot.trading.StrategyStatus;
import io.tradepilot.trading.TradingActions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * The manual trading actions and strategy switches over HTTP (bearer token). Every call goes through
 * {@link TradingActions} / {@link StrategyControls}: the same roles, rules, rate limits and audit as the
 * views. A refusal is a problem detail with a {@code code} ({@link RefusalProblems}): 404 unknown order,
 * position or strategy; 409 not possible now (kill switch, paused, already in that state); 422 rules not
 * met (reason, confirmation, order fields, risk limit); 429 rate limited with Retry-After; 503 this
 * instance does not run the engine or the controls/rate-limit state is unknown. Wrong role: 403.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Trading actions", description = "Cancel, close, flatten, manual orders and strategy switches")
class TradingActionsController {

    static final int MAX_TEXT = 2000;

    private final TradingActions actions;
    private final StrategyControls strategies;

    TradingActionsController(TradingActions actions, StrategyControls strategies) {
        this.actions = actions;
        this.strategies = strategies;
    }

    @Schema(description = "A reason of at least 10 characters")
    record ReasonRequest(@Size(max = MAX_TEXT) String reason) {
    }

    @Schema(description = "Cancel every working order, or those of one symbol; a reason of at least 10 characters")
    record CancelAllRequest(@Size(max = 64) String symbol, @Size(max = MAX_TEXT) String reason) {
    }

    @Schema(description = "Close a position at market: all of it (quantity absent) or part of it; a reason of at least 10 characters")
    record CloseRequest(BigDecimal quantity, @Size(max = MAX_TEXT) String reason) {
    }

    @Schema(description = "Flatten everything (admin): a reason of at least 20 characters and confirm = FLATTEN")
    record FlattenRequest(@Size(max = MAX_TEXT) String reason, @JsonAlias("confirmation") @Size(max = 100) String confirm) {
    }

    @Schema(description = "A manual order: side BUY|SELL, type MARKET|LIMIT|STOP|STOP_LIMIT, timeInForce DAY|GTC|IOC|FOK "
            + "(default DAY), limitPrice for LIMIT/STOP_LIMIT, stopPrice for STOP/STOP_LIMIT; reason (at least 10 characters) to place it")
    record OrderRequest(@Size(max = 64) String symbol, @Size(max = 16) String side, BigDecimal quantity, @Size(max = 16) String type,
                        BigDecimal limitPrice, BigDecimal stopPrice, @Size(max = 16) String timeInForce,
                        @Size(max = MAX_TEXT) String reason, BigDecimal protectiveStop) {
        ManualOrder order() {
            return new ManualOrder(symbol, side, quantity, type, limitPrice, stopPrice, timeInForce, protectiveStop);
        }
    }

    @Schema(description = "Switch a strategy: confirm = ACTIVATE or DEACTIVATE, a reason of at least 10 characters")
    record SwitchRequest(@JsonAlias("confirmation") @Size(max = 100) String confirm, @Size(max = MAX_TEXT) String reason) {
    }

    /** What an action did. */
    record DoneResponse(String message, List<String> orderIds) {
    }

    @PostMapping("/orders/{orderId}/cancel")
    @Operation(summary = "Cancel one working order (operator, admin; 10 per minute)")
    ResponseEntity<?> cancel(@PathVariable String orderId, @Valid @RequestBody(required = false) ReasonRequest body) {
        return answer(actions.cancelOrder(orderId, body == null ? null : body.reason()));
    }

    @PostMapping("/orders/cancel-all")
    @Operation(summary = "Cancel every working order, or those of one symbol (operator, admin; 5 per minute)")
    ResponseEntity<?> cancelAll(@Valid @RequestBody(required = false) CancelAllRequest body) {
        return answer(actions.cancelAll(body == null ? null : body.symbol(), body == null ? null : body.reason()));
    }

    @PostMapping("/positions/{symbol}/close")
    @Operation(summary = "Close a position at market, or part of it (operator, admin; 10 per minute; refused while the kill switch is engaged)")
    ResponseEntity<?> close(@PathVariable String symbol, @Valid @RequestBody(required = false) CloseRequest body) {
        return answer(actions.closePosition(symbol, body == null ? null : body.quantity(), body == null ? null : body.reason()));
    }

    @PostMapping("/flatten")
    @Operation(summary = "Flatten all (admin; once per 5 minutes): engage the kill switch, cancel every order, close every position, pause")
    ResponseEntity<?> flatten(@Valid @RequestBody(required = false) FlattenRequest body) {
        return answer(actions.flattenAll(body == null ? null : body.reason(), body == null ? null : body.confirm()));
    }

    @PostMapping("/orders/preview")
    @Operation(summary = "What the engine would say to a manual order now (operator, admin); places nothing. "
            + "200 with accepted=false and the risk code when a check refuses it; 422 for a malformed order")
    ResponseEntity<?> preview(@Valid @RequestBody(required = false) OrderRequest body) {
        var invalidText = body == null ? java.util.Optional.<io.tradepilot.security.PlainText.Violation>empty() : body.order().invalidText();
        if (invalidText.isPresent()) return RefusalProblems.response(Refusal.invalidText(invalidText.get()));
        OrderPreview preview = actions.previewOrder(body == null ? null : body.order());
        if (!preview.accepted() && preview.riskCode() != null) {
            for (RefusalCode code : List.of(RefusalCode.INVALID_ORDER, RefusalCode.ENGINE_UNAVAILABLE)) {
                if (code.name().equals(preview.riskCode())) return RefusalProblems.response(new Refusal(code, preview.riskMessage()));
            }
        }
        return ResponseEntity.ok(preview);
    }

    @PostMapping("/orders")
    @Operation(summary = "Place a manual order (operator, admin; 10 per minute): kill switch, breaker and limits checked at confirm; "
            + "answers once the engine's decision is recorded")
    ResponseEntity<?> place(@Valid @RequestBody(required = false) OrderRequest body) {
        return answer(actions.placeOrder(body == null ? null : body.order(), body == null ? null : body.reason()));
    }

    @GetMapping("/strategies")
    @Operation(summary = "The configured strategies: active or not, today's results, working orders and open exposure (any role)")
    List<StrategyStatus> strategies() {
        return strategies.strategies();
    }

    @PostMapping("/strategies/{id}/activate")
    @Operation(summary = "Activate a strategy (operator, admin): confirm = ACTIVATE")
    ResponseEntity<?> activate(@PathVariable String id, @Valid @RequestBody(required = false) SwitchRequest body) {
        return answer(strategies.activate(id, body == null ? null : body.confirm(), body == null ? null : body.reason()));
    }

    @PostMapping("/strategies/{id}/deactivate")
    @Operation(summary = "Deactivate a strategy (operator, admin): confirm = DEACTIVATE; entries stop, exits and positions stay")
    ResponseEntity<?> deactivate(@PathVariable String id, @Valid @RequestBody(required = false) SwitchRequest body) {
        return answer(strategies.deactivate(id, body == null ? null : body.confirm(), body == null ? null : body.reason()));
    }

    private static ResponseEntity<?> answer(ActionResult result) {
        return switch (result) {
            case ActionResult.Done done -> ResponseEntity.ok(new DoneResponse(done.message(), done.orderIds()));
            case ActionResult.Refused refused -> RefusalProblems.response(refused.refusal());
        };
    }
}
