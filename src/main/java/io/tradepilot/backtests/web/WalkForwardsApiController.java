package io.tradepilot.backtests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.backtests.WalkForwardInfo;
import io.tradepilot.backtests.WalkForwardReport;
import io.tradepilot.backtests.WalkForwardRequest;
import io.tradepilot.backtests.WalkForwards;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Walk-forward optimisations over REST: submit (202 with the QUEUED walk-forward and its {@code Location}), list, get
 * (progress), result (per symbol: the windows' chosen parameters with IS and OOS figures, the stitched OOS equity, the
 * walk-forward efficiency), cancel. Reads for every signed-in role; submit and cancel for operators and admins (method
 * security in {@link WalkForwards}, denials audited). Refusals are problem+json with a stable {@code code} and the
 * {@code field}.
 */
@RestController
@RequestMapping("/api/v1/backtests/walkforwards")
@Tag(name = "Backtest walk-forwards", description = "Walk-forward optimisation as window jobs on the backtests' clustered scheduler")
class WalkForwardsApiController {

    private final WalkForwards walkForwards;

    WalkForwardsApiController(WalkForwards walkForwards) {
        this.walkForwards = walkForwards;
    }

    @Operation(summary = "Queue a walk-forward optimisation")
    @PostMapping
    ResponseEntity<WalkForwardInfo> submit(@RequestBody WalkForwardRequest request) {
        WalkForwardInfo w = walkForwards.submit(request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/backtests/walkforwards/" + w.id())).body(w);
    }

    @Operation(summary = "The newest walk-forwards, newest first")
    @GetMapping
    List<WalkForwardInfo> list(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        return walkForwards.walkForwards(limit);
    }

    @Operation(summary = "One walk-forward: state and progress (windows done of windows, per worker)")
    @GetMapping("/{id}")
    WalkForwardInfo get(@PathVariable long id) {
        return walkForwards.walkForward(id);
    }

    @Operation(summary = "A DONE walk-forward's result: per symbol the windows, the stitched OOS equity and the efficiency")
    @GetMapping("/{id}/result")
    WalkForwardReport result(@PathVariable long id) {
        return walkForwards.report(id);
    }

    @Operation(summary = "Cancel a queued or running walk-forward")
    @PostMapping("/{id}/cancel")
    WalkForwardInfo cancel(@PathVariable long id) {
        return walkForwards.cancel(id);
    }
}
