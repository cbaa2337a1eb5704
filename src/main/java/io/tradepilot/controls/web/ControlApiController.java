package io.tradepilot.controls.web;

import io.tradepilot.controls.Change;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.OrderPurpose;
import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalProblems;
import io.tradepilot.controls.TradingGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** The controls over HTTP. Every change goes through {@link ControlService}: same rules, same audit. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Controls", description = "Trading state, kill switch and circuit breaker")
class ControlApiController {

    private final ControlService controls;

    ControlApiController(ControlService controls) {
        this.controls = controls;
    }

    /** One control's state with who changed it last, when and why (null fields when never changed). */
    record ControlView(String state, String changedBy, Instant changedAt, String reason, String tripReason) {
        static ControlView of(Enum<?> state, Optional<Change> change, String tripReason) {
            return new ControlView(state.name(), change.map(Change::user).orElse(null),
                    change.map(Change::at).orElse(null), change.map(Change::reason).orElse(null), tripReason);
        }
    }

    /** The state of the three controls and what the gate says about new orders now. */
    record StateResponse(String status, ControlView trading, ControlView killSwitch, ControlView circuitBreaker,
                         boolean newEntriesAllowed, boolean exitsAllowed, String explanation, Instant readAt) {
    }

    @GetMapping("/state")
    @Operation(summary = "The trading state, kill switch and circuit breaker, and whether new orders may go out",
            description = "503 with code STATE_UNAVAILABLE when the state cannot be read: trading is then blocked.")
    ResponseEntity<?> state() {
        ControlsReading reading = controls.read();
        if (reading instanceof ControlsReading.Unknown unknown) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Control state unknown (" + unknown.cause() + "): trading is blocked.");
            problem.setTitle("Control state unknown");
            problem.setType(problemType("state-unavailable"));
            problem.setProperty("code", "STATE_UNAVAILABLE");
            problem.setProperty("status_of_trading", "UNKNOWN_BLOCKED");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        var known = (ControlsReading.Known) reading;
        var entry = TradingGate.decide(known, OrderPurpose.ENTRY);
        var exit = TradingGate.decide(known, OrderPurpose.EXIT);
        return ResponseEntity.ok(new StateResponse("KNOWN",
                ControlView.of(known.trading().state(), known.trading().lastChange(), null),
                ControlView.of(known.killSwitch().state(), known.killSwitch().lastChange(), null),
                ControlView.of(known.circuitBreaker().state(), known.circuitBreaker().lastChange(),
                        known.circuitBreaker().tripReason().map(Enum::name).orElse(null)),
                entry.allowed(), exit.allowed(), entry.explanation(), known.readAt()));
    }

    @PostMapping("/pause")
    @Operation(summary = "Pause trading (operator, admin): no new entries; exits and cancels still allowed")
    ResponseEntity<?> pause(@Valid @RequestBody(required = false) ControlRequests.PauseRequest body) {
        return answer(controls.pause(body == null ? null : body.reason()));
    }

    @PostMapping("/resume")
    @Operation(summary = "Resume trading (operator, admin)")
    ResponseEntity<?> resume(@Valid @RequestBody(required = false) ControlRequests.PauseRequest body) {
        return answer(controls.resume(body == null ? null : body.reason()));
    }

    @PostMapping("/kill-switch/engage")
    @Operation(summary = "Engage the kill switch (operator, admin): no new orders; reason of at least 10 characters")
    ResponseEntity<?> engage(@Valid @RequestBody ControlRequests.EngageRequest body) {
        return answer(controls.engageKillSwitch(body.reason()));
    }

    @PostMapping("/kill-switch/disengage")
    @Operation(summary = "Disengage the kill switch (admin): notes and confirm = CONFIRM")
    ResponseEntity<?> disengage(@Valid @RequestBody ControlRequests.DisengageRequest body) {
        return answer(controls.disengageKillSwitch(body.notes(), body.confirm()));
    }

    @PostMapping("/circuit-breaker/trip")
    @Operation(summary = "Trip the circuit breaker (operator, admin): no new entries; reason from the list or free text")
    ResponseEntity<?> trip(@Valid @RequestBody ControlRequests.TripRequest body) {
        return answer(controls.tripCircuitBreaker(body.reason(), body.detail()));
    }

    @PostMapping("/circuit-breaker/reset")
    @Operation(summary = "Reset a tripped circuit breaker (operator, admin): reason of at least 20 characters, "
            + "acknowledge = true, at most once a minute across all users (else 429)")
    ResponseEntity<?> reset(@Valid @RequestBody ControlRequests.ResetRequest body) {
        return answer(controls.resetCircuitBreaker(body.reason(), Boolean.TRUE.equals(body.acknowledge())));
    }

    private static ResponseEntity<?> answer(ControlResult result) {
        return switch (result) {
            case ControlResult.Applied applied -> ResponseEntity.ok(applied.change());
            case ControlResult.Refused refused -> problem(refused.refusal());
        };
    }

    static ResponseEntity<ProblemDetail> problem(Refusal refusal) {
        return RefusalProblems.response(refusal);
    }

    private static URI problemType(String slug) {
        return RefusalProblems.problemType(slug);
    }

}
