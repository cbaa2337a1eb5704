package io.tradepilot.backtests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.backtests.SweepInfo;
import io.tradepilot.backtests.SweepReport;
import io.tradepilot.backtests.SweepRequest;
import io.tradepilot.backtests.Sweeps;
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
 * Parameter sweeps over REST: submit (202 with the QUEUED sweep and its {@code Location}), list, get (progress),
 * result (the merged cells, best cells with overfitting flags, heatmap), cancel. Reads for every signed-in role; submit
 * and cancel for operators and admins (method security in {@link Sweeps}, denials audited). Refusals are
 * problem+json with a stable {@code code} and the {@code field}.
 */
@RestController
@RequestMapping("/api/v1/backtests/sweeps")
@Tag(name = "Backtest sweeps", description = "Parameter sweeps as chunk jobs on the backtests' clustered scheduler")
class SweepsApiController {

    private final Sweeps sweeps;

    SweepsApiController(Sweeps sweeps) {
        this.sweeps = sweeps;
    }

    @Operation(summary = "Queue a parameter sweep")
    @PostMapping
    ResponseEntity<SweepInfo> submit(@RequestBody SweepRequest request) {
        SweepInfo sweep = sweeps.submit(request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/backtests/sweeps/" + sweep.id())).body(sweep);
    }

    @Operation(summary = "The newest sweeps, newest first")
    @GetMapping
    List<SweepInfo> list(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        return sweeps.sweeps(limit);
    }

    @Operation(summary = "One sweep: state and progress (chunks done of chunks, per worker)")
    @GetMapping("/{id}")
    SweepInfo get(@PathVariable long id) {
        return sweeps.sweep(id);
    }

    @Operation(summary = "A DONE sweep's merged result: cells, best cells with overfitting flags, heatmap")
    @GetMapping("/{id}/result")
    SweepReport result(@PathVariable long id, @RequestParam(name = "metric", required = false) String metric,
                       @RequestParam(name = "x", required = false) String x, @RequestParam(name = "y", required = false) String y) {
        return sweeps.report(id, metric, x, y);
    }

    @Operation(summary = "Cancel a queued or running sweep")
    @PostMapping("/{id}/cancel")
    SweepInfo cancel(@PathVariable long id) {
        return sweeps.cancel(id);
    }
}
