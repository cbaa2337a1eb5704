package io.tradepilot.runbook.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.runbook.CheckOutcome;
import io.tradepilot.runbook.Incident;
import io.tradepilot.runbook.Incidents;
import io.tradepilot.runbook.Preflight;
import io.tradepilot.runbook.PreflightSheet;
import io.tradepilot.runbook.RiskLimitsReview;
import io.tradepilot.runbook.RunbookRefusal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The runbook over REST, for scripts and for a desk without the browser: the day's pre-flight (checks with their
 * evidence, this user's ticks, completions) and incidents. Reading is for every signed-in role; ticking, completing,
 * reviewing the risk limits and writing incidents for operators and admins (method security in {@link Preflight} and
 * {@link Incidents}: 403, audited DENIED). Every change is audited exactly as from the page. Refusals are problems with
 * a stable {@code code}: 400 {@code INVALID_PARAMETER}, 400 {@code UNKNOWN_ITEM}, 404 {@code INCIDENT_NOT_FOUND}, 409
 * {@code NOT_READY} / {@code WRONG_DAY} / {@code INCIDENT_CLOSED}, 422 {@code INVALID_TEXT} / {@code TEXT_TOO_SHORT} / {@code TEXT_TOO_LONG}, 503 {@code AUDIT_UNAVAILABLE}.
 */
@RestController
@RequestMapping("/api/v1/runbook")
@Tag(name = "Runbook", description = "The daily pre-flight checklist and incidents")
class RunbookApiController {

    private final Preflight preflight;
    private final Incidents incidents;

    RunbookApiController(Preflight preflight, Incidents incidents) {
        this.preflight = preflight;
        this.incidents = incidents;
    }

    /** The pre-flight of the trading day as the signed-in user sees it. */
    record PreflightView(LocalDate day, boolean complete, List<CheckOutcome> checks, PreflightSheet sheet,
                         RiskLimitsReview riskLimits) {
    }

    record TickBody(Boolean ticked) {
    }

    record OpenBody(String title, Long alertId, String firstEntry) {
    }

    record TextBody(String text) {
    }

    @GetMapping("/preflight")
    @Operation(summary = "The trading day's pre-flight: every automatic check run now, this user's ticks, the completions")
    PreflightView preflight() {
        LocalDate day = preflight.tradingDay();
        return view(day, preflight.sheet(day));
    }

    @PutMapping("/preflight/items/{item}")
    @Operation(summary = "Tick ({\"ticked\":true}) or untick a manual item for the trading day (operator, admin)")
    PreflightView tick(@PathVariable String item, @RequestBody TickBody body) {
        if (body == null || body.ticked() == null) {
            throw new RunbookRefusal(400, "INVALID_PARAMETER", "ticked", "ticked is true or false");
        }
        LocalDate day = preflight.tradingDay();
        return view(day, preflight.tick(day, item, body.ticked()));
    }

    @PostMapping("/preflight/complete")
    @Operation(summary = "Complete this user's pre-flight: refused (409 NOT_READY) unless every check passes and every item is ticked (operator, admin)")
    PreflightView complete() {
        LocalDate day = preflight.tradingDay();
        return view(day, preflight.complete(day));
    }

    @PostMapping("/preflight/risk-limits/review")
    @Operation(summary = "Record that this user reviewed the risk limits as configured now (operator, admin)")
    RiskLimitsReview reviewRiskLimits() {
        return preflight.reviewRiskLimits();
    }

    @GetMapping("/incidents")
    @Operation(summary = "The newest incidents, open ones first, without their timelines (limit 1..500)")
    List<Incident> incidents(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return incidents.list(limit);
    }

    @GetMapping("/incidents/{id}")
    @Operation(summary = "One incident with its timeline")
    Incident incident(@PathVariable long id) {
        return incidents.find(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/incidents")
    @Operation(summary = "Open an incident, optionally from an alert (an open one for that alert is returned instead) (operator, admin)")
    ResponseEntity<Incident> open(@RequestBody OpenBody body) {
        if (body == null) {
            throw new RunbookRefusal(400, "INVALID_PARAMETER", "title", "a title is required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(incidents.open(body.title(), body.alertId(), body.firstEntry()));
    }

    @PostMapping("/incidents/{id}/entries")
    @Operation(summary = "Add a timeline entry to an open incident (operator, admin)")
    Incident addEntry(@PathVariable long id, @RequestBody TextBody body) {
        return incidents.addEntry(id, body == null ? null : body.text());
    }

    @PostMapping("/incidents/{id}/close")
    @Operation(summary = "Close an open incident with its resolution (operator, admin)")
    Incident close(@PathVariable long id, @RequestBody TextBody body) {
        return incidents.close(id, body == null ? null : body.text());
    }

    private PreflightView view(LocalDate day, PreflightSheet sheet) {
        return new PreflightView(day, preflight.preflightComplete(day), preflight.runChecks(), sheet, preflight.riskLimits());
    }

    private static RunbookRefusal notFound(long id) {
        return new RunbookRefusal(404, "INCIDENT_NOT_FOUND", null, "There is no incident " + id + ".");
    }
}
