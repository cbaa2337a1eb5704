package io.tradepilot.backtests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.BacktestRequest;
import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.RunMonteCarlo;
import io.tradepilot.backtests.RunResult;
import org.springframework.http.MediaType;
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
 * Backtests over REST: submit (202 with the QUEUED run and its {@code Location}), list, get, result, Monte Carlo, HTML report,
 * cancel. Reads for every signed-in role; submit and cancel for operators and admins (method security in
 * {@link Backtests}, denials audited). Refusals are problem+json with a stable {@code code} and the {@code field}.
 */
@RestController
@RequestMapping("/api/v1/backtests")
@Tag(name = "Backtests", description = "Backtest runs as background jobs: submit, watch, cancel, results")
class BacktestsApiController {

    private final Backtests backtests;

    BacktestsApiController(Backtests backtests) {
        this.backtests = backtests;
    }

    @Operation(summary = "Queue a backtest run")
    @PostMapping
    ResponseEntity<BacktestRun> submit(@RequestBody BacktestRequest request) {
        BacktestRun run = backtests.submit(request);
        return ResponseEntity.accepted().location(URI.create("/api/v1/backtests/" + run.id())).body(run);
    }

    @Operation(summary = "The newest runs, newest first")
    @GetMapping
    List<BacktestRun> list(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        return backtests.runs(limit);
    }

    @Operation(summary = "One run: state, progress, ETA, configuration and data fingerprint")
    @GetMapping("/{id}")
    BacktestRun get(@PathVariable long id) {
        return backtests.run(id);
    }

    @Operation(summary = "A finished run's result: per-symbol figures, equity, monthly returns, trades")
    @GetMapping("/{id}/result")
    RunResult result(@PathVariable long id) {
        return backtests.result(id);
    }

    @Operation(summary = "Monte Carlo of a finished run's trades: percentiles of final equity, max drawdown, longest losing streak")
    @GetMapping("/{id}/montecarlo")
    RunMonteCarlo monteCarlo(@PathVariable long id, @RequestParam(name = "method", required = false) String method,
                             @RequestParam(name = "simulations", required = false) String simulations,
                             @RequestParam(name = "seed", required = false) String seed) {
        var m = RunMonteCarlo.method(method);
        int n = RunMonteCarlo.DEFAULT_SIMULATIONS;
        long s = RunMonteCarlo.DEFAULT_SEED;
        try {
            if (simulations != null && !simulations.isBlank()) n = Integer.parseInt(simulations.trim());
        } catch (NumberFormatException e) {
            throw BacktestRefusal.badParameter("simulations", "Simulations must be a whole number from 1 to " + RunMonteCarlo.MAX_SIMULATIONS + ".");
        }
        try {
            if (seed != null && !seed.isBlank()) s = Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw BacktestRefusal.badParameter("seed", "The seed must be a whole number.");
        }
        return RunMonteCarlo.of(backtests.result(id), m, n, s);
    }

    @Operation(summary = "A finished run's HTML report")
    @GetMapping(path = "/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    String report(@PathVariable long id) {
        return backtests.reportHtml(id);
    }

    @Operation(summary = "Cancel a queued or running run")
    @PostMapping("/{id}/cancel")
    BacktestRun cancel(@PathVariable long id) {
        return backtests.cancel(id);
    }
}
