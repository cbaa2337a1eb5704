package io.tradepilot.strategies.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.engine.strategy.params.ParamSpec;
import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.strategies.ApplyResult;
import io.tradepilot.strategies.ConfigChange;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.Promotion;
import io.tradepilot.strategies.PromotionCheck;
import io.tradepilot.strategies.PromotionGate;
import io.tradepilot.strategies.PromotionStage;
import io.tradepilot.strategies.PromotionThresholds;
import io.tradepilot.strategies.ConfigVersion;
import io.tradepilot.strategies.RiskSettings;
import io.tradepilot.strategies.StrategyConfigs;
import io.tradepilot.strategies.Universe;
import io.tradepilot.strategies.Universes;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/**
 * Stored strategy configurations and risk settings over REST. Reads for every signed-in role; validating and
 * storing versions for operators and admins (risk settings: admins); applying for admins (method security in
 * {@link StrategyConfigs} and {@link RiskSettings}). Refusals are problem+json with a stable {@code code}, the
 * {@code field} and, for an invalid document, {@code problems} ({@code path}, {@code message}) as the command
 * line reports them. The promotion gate ({@link PromotionGate}): thresholds, promotions, checks, promote (admins).
 */
@RestController
@Tag(name = "Strategies", description = "Versioned strategy configurations and risk settings, applied live")
class StrategiesApiController {

    private final StrategyConfigs strategies;
    private final RiskSettings risk;
    private final PromotionGate gate;
    private final Universes universes;

    StrategiesApiController(StrategyConfigs strategies, RiskSettings risk, PromotionGate gate, Universes universes) {
        this.strategies = strategies;
        this.risk = risk;
        this.gate = gate;
        this.universes = universes;
    }

    record UniverseBody(String name, String exchange, List<String> symbols, Integer version, String reason) {
    }

    record Promote(String stage, String confirmation, String reason) {
    }

    record Thresholds(Integer minTrades, BigDecimal minSharpe, BigDecimal maxDrawdownP95, Integer minPaperDays, String reason) {
    }

    record Document(String document, String reason) {
    }

    /** Valid exactly when there is no problem. */
    record Validation(boolean valid, List<Problem> problems) {
        static Validation of(List<Problem> problems) {
            return new Validation(problems.isEmpty(), problems);
        }
    }

    record Create(String type, String id, List<String> symbols, String reason) {
    }

    record CloneRequest(String newId, String reason) {
    }

    record Rollback(Integer version, String reason) {
    }

    record Apply(Integer version, String confirmation, String reason) {
    }

    // ------------------------------------------------------------------ universes

    @GetMapping("/api/v1/strategies/universes")
    @Operation(summary = "Every named universe (name, exchange, ordered symbols), by name")
    List<Universe> universes() {
        return universes.universes();
    }

    @GetMapping("/api/v1/strategies/universes/{name}")
    @Operation(summary = "One universe")
    Universe universe(@PathVariable String name) {
        return universes.universe(name);
    }

    @PostMapping("/api/v1/strategies/universes")
    @Operation(summary = "Create a universe (operators, admins): name, exchange (NSE, NYSE), symbols in order, reason")
    ResponseEntity<Universe> createUniverse(@RequestBody UniverseBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(universes.create(body.name(), body.exchange(), body.symbols(), body.reason()));
    }

    @PutMapping("/api/v1/strategies/universes/{name}")
    @Operation(summary = "Replace a universe's exchange and symbols (operators, admins); version: the one edited (409 CONCURRENT_CHANGE otherwise)")
    Universe updateUniverse(@PathVariable String name, @RequestBody UniverseBody body) {
        if (body.name() != null && !body.name().equals(name)) {
            throw new ConfigRefusal(422, "ID_MISMATCH", "name", "the body's name is not the universe in the address (a universe cannot be renamed)");
        }
        return universes.update(name, body.exchange(), body.symbols(), body.version(), body.reason());
    }

    @DeleteMapping("/api/v1/strategies/universes/{name}")
    @Operation(summary = "Delete a universe (operators, admins; reason required); 409 UNIVERSE_IN_USE while a strategy's latest version names it")
    ResponseEntity<Void> deleteUniverse(@PathVariable String name, @RequestParam(required = false) String reason) {
        universes.delete(name, reason);
        return ResponseEntity.noContent().build();
    }

    // ------------------------------------------------------------------ strategies

    @GetMapping("/api/v1/strategies/configs")
    @Operation(summary = "The latest version of every stored strategy configuration (GET /api/v1/strategies is their live status)")
    List<ConfigVersion> list() {
        return strategies.strategies();
    }

    @GetMapping("/api/v1/strategies/types")
    @Operation(summary = "Strategy types a configuration can be created from")
    List<String> types() {
        return strategies.types();
    }

    @GetMapping("/api/v1/strategies/types/{type}/schema")
    @Operation(summary = "The parameter schema of a strategy type")
    List<ParamSpec> schema(@PathVariable String type) {
        return strategies.schema(type);
    }

    @PostMapping("/api/v1/strategies/validate")
    @Operation(summary = "Validate a document (operators, admins): every problem with its path")
    Validation validate(@RequestBody Document body) {
        return Validation.of(strategies.validate(body.document()));
    }

    @PostMapping("/api/v1/strategies")
    @Operation(summary = "Create a strategy from a type with the schema's defaults (operators, admins)")
    ResponseEntity<ConfigVersion> create(@RequestBody Create body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(strategies.create(body.type(), body.id(), body.symbols(), body.reason()));
    }

    @GetMapping("/api/v1/strategies/{id}")
    @Operation(summary = "Every version of a strategy, oldest first")
    List<ConfigVersion> history(@PathVariable String id) {
        return strategies.history(id);
    }

    @PutMapping("/api/v1/strategies/{id}")
    @Operation(summary = "Store a document as the strategy's next version (operators, admins); its name must be the id")
    ResponseEntity<ConfigVersion> save(@PathVariable String id, @RequestBody Document body) {
        var parsed = body.document() == null ? null : io.tradepilot.engine.strategy.config.StrategyConfigLoader.parse(body.document());
        if (parsed != null && parsed.ok()) {
            if (!parsed.config().name().equals(id)) {
                throw new ConfigRefusal(422, "ID_MISMATCH", "name", "the document's name '" + parsed.config().name() + "' is not the strategy id " + id);
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(strategies.save(body.document(), body.reason()));
    }

    @GetMapping("/api/v1/strategies/{id}/versions/{version}")
    @Operation(summary = "One version")
    ConfigVersion version(@PathVariable String id, @PathVariable int version) {
        return strategies.version(id, version);
    }

    @GetMapping("/api/v1/strategies/{id}/diff")
    @Operation(summary = "Differences between two versions, path by path")
    List<ConfigChange> diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
        return strategies.diff(id, from, to);
    }

    @PostMapping("/api/v1/strategies/{id}/clone")
    @Operation(summary = "A new strategy with this one's latest settings (operators, admins)")
    ResponseEntity<ConfigVersion> cloneAs(@PathVariable String id, @RequestBody CloneRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(strategies.cloneAs(id, body.newId(), body.reason()));
    }

    @PostMapping("/api/v1/strategies/{id}/rollback")
    @Operation(summary = "A new version equal to an old one (operators, admins)")
    ResponseEntity<ConfigVersion> rollback(@PathVariable String id, @RequestBody Rollback body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(strategies.rollback(id, required(body.version()), body.reason()));
    }

    @PutMapping("/api/v1/strategies/{id}/applied")
    @Operation(summary = "Apply a version to the running engine (admins; confirmation 'APPLY <id> v<version>')")
    ApplyResult apply(@PathVariable String id, @RequestBody Apply body) {
        return strategies.apply(id, required(body.version()), body.confirmation(), body.reason());
    }

    // ------------------------------------------------------------------ risk settings

    @GetMapping("/api/v1/risk-settings")
    @Operation(summary = "Every version of the risk settings, oldest first")
    List<ConfigVersion> riskHistory() {
        return risk.history();
    }

    @GetMapping("/api/v1/risk-settings/versions/{version}")
    @Operation(summary = "One version of the risk settings")
    ConfigVersion riskVersion(@PathVariable int version) {
        return risk.version(version);
    }

    @PostMapping("/api/v1/risk-settings/validate")
    @Operation(summary = "Validate a risk settings document (admins)")
    Validation riskValidate(@RequestBody Document body) {
        return Validation.of(risk.validate(body.document()));
    }

    @PutMapping("/api/v1/risk-settings")
    @Operation(summary = "Store the next version of the risk settings (admins)")
    ResponseEntity<ConfigVersion> riskSave(@RequestBody Document body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(risk.save(body.document(), body.reason()));
    }

    @GetMapping("/api/v1/risk-settings/diff")
    @Operation(summary = "Differences between two versions of the risk settings")
    List<ConfigChange> riskDiff(@RequestParam int from, @RequestParam int to) {
        return risk.diff(from, to);
    }

    @PostMapping("/api/v1/risk-settings/rollback")
    @Operation(summary = "A new version of the risk settings equal to an old one (admins)")
    ResponseEntity<ConfigVersion> riskRollback(@RequestBody Rollback body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(risk.rollback(required(body.version()), body.reason()));
    }

    @PutMapping("/api/v1/risk-settings/applied")
    @Operation(summary = "Apply a version of the risk settings (admins; loosening needs confirmation 'LOOSEN')")
    ApplyResult riskApply(@RequestBody Apply body) {
        return risk.apply(required(body.version()), body.confirmation(), body.reason());
    }

    // ------------------------------------------------------------------ promotion gate

    @GetMapping("/api/v1/promotion-thresholds")
    @Operation(summary = "The promotion gate's thresholds in force")
    PromotionThresholds promotionThresholds() {
        return gate.thresholds();
    }

    @PutMapping("/api/v1/promotion-thresholds")
    @Operation(summary = "Store new promotion gate thresholds (admins)")
    PromotionThresholds savePromotionThresholds(@RequestBody Thresholds body) {
        if (body.minTrades() == null) throw new ConfigRefusal(422, "INVALID_THRESHOLDS", "minTrades", "minTrades is required");
        if (body.minPaperDays() == null) throw new ConfigRefusal(422, "INVALID_THRESHOLDS", "minPaperDays", "minPaperDays is required");
        return gate.saveThresholds(body.minTrades(), body.minSharpe(), body.maxDrawdownP95(), body.minPaperDays(), body.reason());
    }

    @GetMapping("/api/v1/strategies/{id}/promotions")
    @Operation(summary = "Every promotion of a strategy with its evidence, oldest first")
    List<Promotion> promotions(@PathVariable String id) {
        return gate.promotions(id);
    }

    @GetMapping("/api/v1/strategies/{id}/versions/{version}/promotion-checks")
    @Operation(summary = "The checks a version meets now for a stage (nothing stored)")
    List<PromotionCheck> promotionChecks(@PathVariable String id, @PathVariable int version, @RequestParam(name = "stage") String stage) {
        return gate.evaluate(id, version, stage(stage));
    }

    @PostMapping("/api/v1/strategies/{id}/versions/{version}/promotions")
    @Operation(summary = "Promote a version to READY_FOR_PAPER or READY_FOR_LIVE (admins; confirmation 'PROMOTE <id> v<n> <stage>'); 409 PROMOTION_REFUSED lists the failing checks")
    ResponseEntity<Promotion> promote(@PathVariable String id, @PathVariable int version, @RequestBody Promote body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(gate.promote(id, version, stage(body.stage()), body.confirmation(), body.reason()));
    }

    private static PromotionStage stage(String stage) {
        try {
            return PromotionStage.valueOf(stage == null ? "" : stage.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigRefusal(422, "INVALID_REQUEST", "stage", "the stage must be READY_FOR_PAPER or READY_FOR_LIVE");
        }
    }

    private static int required(Integer version) {
        if (version == null) throw new ConfigRefusal(422, "INVALID_REQUEST", "version", "version is required");
        return version;
    }

    @ExceptionHandler(ConfigRefusal.class)
    ResponseEntity<ProblemDetail> refused(ConfigRefusal refusal) {
        HttpStatus status = HttpStatus.valueOf(refusal.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setProperty("code", refusal.code());
        problem.setProperty("field", refusal.field());
        if (!refusal.problems().isEmpty()) problem.setProperty("problems", refusal.problems());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
