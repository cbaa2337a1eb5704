package io.tradepilot.backtests.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.backtests.BacktestDrift;
import io.tradepilot.backtests.BacktestDrifts;
import io.tradepilot.backtests.BacktestRefusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * Backtest versus paper over REST: {@code GET /api/v1/backtests/{id}/drift?toleranceMinutes=1440} (every signed-in role).
 * Refusals are problem+json: 404 {@code UNKNOWN_RUN}, 409 {@code NOT_DONE}, {@code NOT_STORED_VERSION}, 400 {@code
 * INVALID_PARAMETER} on {@code tolerance}.
 */
@RestController
@Tag(name = "Backtests", description = "Backtest runs as background jobs: submit, watch, cancel, results")
class BacktestDriftApiController {

    private final BacktestDrifts drifts;

    BacktestDriftApiController(BacktestDrifts drifts) {
        this.drifts = drifts;
    }

    @Operation(summary = "A finished run of a stored version compared trade by trade with that strategy's PAPER trades over the run's dates")
    @GetMapping("/api/v1/backtests/{id}/drift")
    BacktestDrift drift(@PathVariable long id, @RequestParam(name = "toleranceMinutes", required = false) String toleranceMinutes) {
        Duration tolerance = BacktestDrifts.DEFAULT_TOLERANCE;
        if (toleranceMinutes != null && !toleranceMinutes.isBlank()) {
            try {
                tolerance = Duration.ofMinutes(Long.parseLong(toleranceMinutes.trim()));
            } catch (NumberFormatException e) {
                throw BacktestRefusal.badParameter("tolerance", "The tolerance must be a whole number of minutes.");
            }
        }
        return drifts.drift(id, tolerance);
    }
}
