package io.tradepilot.strategies.internal;

import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.config.StrategyConfig;
import io.tradepilot.engine.strategy.config.StrategyConfigLoader;
import io.tradepilot.engine.strategy.config.StrategyConfigWriter;
import io.tradepilot.engine.strategy.params.ParamSpec;
import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import io.tradepilot.strategies.ApplyResult;
import io.tradepilot.strategies.ConfigChange;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.ConfigVersion;
import io.tradepilot.strategies.StrategyConfigs;
import io.tradepilot.trading.LiveConfiguration;
import io.tradepilot.trading.LiveStrategy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link StrategyConfigs} over {@link JooqConfigStore}: documents checked by the command line's
 * {@link StrategyConfigLoader} plus the live rules ({@link #liveProblems}), stored in their canonical form
 * ({@link StrategyConfigWriter}), applied through {@link LiveConfiguration}.
 */
class DefaultStrategyConfigs implements StrategyConfigs {

    static final String READ = "hasAnyRole('ADMIN', 'OPERATOR', 'VIEWER')";

    private final JooqConfigStore store;
    private final LiveConfiguration live;
    private final ConfigAudit audit;
    private final Clock clock;
    private final PromotionOnApply promotion;
    private final DefaultUniverses universes;

    /** {@code universes} must be a plain instance (not the method-security bean): it resolves without a role check. */
    DefaultStrategyConfigs(JooqConfigStore store, LiveConfiguration live, ConfigAudit audit, Clock clock, PromotionOnApply promotion,
                           DefaultUniverses universes) {
        this.store = store;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
        this.promotion = promotion;
        this.universes = universes;
    }

    // ------------------------------------------------------------------ reads

    @Override
    @PreAuthorize(READ)
    public List<ConfigVersion> strategies() {
        return store.latest(JooqConfigStore.STRATEGY);
    }

    @Override
    @PreAuthorize(READ)
    public List<ConfigVersion> history(String id) {
        List<ConfigVersion> h = TextRules.valid(id) ? store.history(JooqConfigStore.STRATEGY, id) : List.of();
        if (h.isEmpty()) throw notFound(id);
        return h;
    }

    @Override
    @PreAuthorize(READ)
    public ConfigVersion version(String id, int version) {
        if (!TextRules.valid(id)) throw notFound(id);
        return store.find(JooqConfigStore.STRATEGY, id, version)
                .orElseThrow(() -> new ConfigRefusal(404, "NOT_FOUND", "version", "strategy " + id + " has no version " + version));
    }

    @Override
    @PreAuthorize(READ)
    public List<String> types() {
        return List.copyOf(Strategies.names());
    }

    @Override
    @PreAuthorize(READ)
    public List<ParamSpec> schema(String type) {
        if (type == null || !Strategies.names().contains(type)) {
            throw new ConfigRefusal(404, "NOT_FOUND", "type", "no strategy type '" + type + "' (known: " + String.join(", ", Strategies.names()) + ")");
        }
        return Strategies.definition(type).schema().specs();
    }

    @Override
    @PreAuthorize(READ)
    public List<ConfigChange> diff(String id, int from, int to) {
        return ConfigDiff.between(version(id, from).document(), version(id, to).document());
    }

    // ------------------------------------------------------------------ validation

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    public List<Problem> validate(String document) {
        return checkResolved(document).problems();
    }

    /**
     * {@link #check}, then a document naming a universe ({@code universe:}) resolved to that universe's symbols now;
     * an unknown universe is a problem on {@code universe}.
     */
    StrategyConfigLoader.Result checkResolved(String document) {
        StrategyConfigLoader.Result r = check(document);
        if (!r.ok() || r.config().universe() == null) return r;
        return universes.find(r.config().universe())
                .map(u -> new StrategyConfigLoader.Result(r.config().withSymbols(u.symbols()), List.of()))
                .orElseGet(() -> new StrategyConfigLoader.Result(null, List.of(new Problem("universe",
                        "no universe named '" + r.config().universe() + "' (Strategy settings, Universes)"))));
    }

    /** The command line's validation, then (for a valid document) the live rules. */
    static StrategyConfigLoader.Result check(String document) {
        if (document == null || document.isBlank()) return new StrategyConfigLoader.Result(null, List.of(new Problem("(document)", "is empty")));
        if (document.length() > 20_000) return new StrategyConfigLoader.Result(null, List.of(new Problem("(document)", "is longer than 20000 characters")));
        StrategyConfigLoader.Result r = StrategyConfigLoader.parse(document);
        if (!r.ok()) return r;
        List<Problem> more = liveProblems(r.config());
        return more.isEmpty() ? r : new StrategyConfigLoader.Result(null, more);
    }

    /**
     * What the live engine needs beyond what the command line checks: a strategy id it can key orders by (the
     * document's {@code name}), a quantity for fixed sizing, and a strategy the engine host builds exactly as it
     * will run it ({@link io.tradepilot.engine.strategy.SizingRule#create}: a strategy that trades a fixed quantity,
     * such as sma-cross, refuses a risk-based sizing, reported on {@code sizing}).
     */
    static List<Problem> liveProblems(StrategyConfig c) {
        List<Problem> out = new ArrayList<>();
        if (!TextRules.valid(c.name())) out.add(new Problem("name", "must be 1-64 letters, digits, '_', '.' or '-' (it is the strategy id)"));
        if (c.sizing() == StrategyConfig.Sizing.FIXED && c.quantity() == null) out.add(new Problem("quantity", "is required to trade live (fixed sizing)"));
        if (out.isEmpty()) {
            LiveStrategy live;
            try {
                live = toLive(c);
            } catch (IllegalArgumentException e) {
                return List.of(new Problem("sizing", e.getMessage()));
            }
            try {
                live.build();
            } catch (IllegalArgumentException e) {
                String path = c.sizing() == StrategyConfig.Sizing.FIXED ? "(document)" : "sizing";
                out.add(new Problem(path, e.getMessage() + (path.equals("sizing") ? ": use sizing fixed with a quantity" : "")));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ changes

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public ConfigVersion save(String document, String reason) {
        StrategyConfigLoader.Result r = checkResolved(document);
        String target = "strategy:" + (r.ok() ? r.config().name() : "-");
        if (!r.ok()) throw audit.refused(ConfigAudit.STRATEGY_SAVE, target, ConfigRefusal.invalid(r.problems()));
        String why = reasonOrRefuse(ConfigAudit.STRATEGY_SAVE, target, reason);
        String id = r.config().name();
        List<ConfigVersion> h = store.history(JooqConfigStore.STRATEGY, id);
        Integer basedOn = h.isEmpty() ? null : h.getLast().version();
        return store(id, StrategyConfigWriter.toYaml(r.config()), basedOn, why, "save");
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public ConfigVersion create(String type, String id, List<String> symbols, String reason) {
        String target = "strategy:" + (TextRules.valid(id) ? id : "-");
        try {
            TextRules.id("id", id);
            if (type == null || !Strategies.names().contains(type)) {
                throw new ConfigRefusal(422, "INVALID_CONFIGURATION", "type", "unknown strategy type '" + type + "' (known: "
                        + String.join(", ", Strategies.names()) + ")");
            }
        } catch (ConfigRefusal refusal) {
            throw audit.refused(ConfigAudit.STRATEGY_SAVE, target, refusal);
        }
        if (!store.history(JooqConfigStore.STRATEGY, id).isEmpty()) {
            throw audit.refused(ConfigAudit.STRATEGY_SAVE, target, new ConfigRefusal(409, "ALREADY_EXISTS", "id", "strategy " + id + " exists"));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", type);
        doc.put("name", id);
        doc.put("symbols", symbols == null ? List.of() : symbols);
        doc.put("sizing", "fixed");
        doc.put("quantity", 100);
        StrategyConfigLoader.Result r = check(new org.yaml.snakeyaml.Yaml().dump(doc));
        if (!r.ok()) throw audit.refused(ConfigAudit.STRATEGY_SAVE, target, ConfigRefusal.invalid(r.problems()));
        String why = reasonOrRefuse(ConfigAudit.STRATEGY_SAVE, target, reason);
        return store(id, StrategyConfigWriter.toYaml(r.config()), null, why, "create from type " + type);
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public ConfigVersion cloneAs(String id, String newId, String reason) {
        String target = "strategy:" + (TextRules.valid(newId) ? newId : "-");
        List<ConfigVersion> h = history(id);
        try {
            TextRules.id("newId", newId);
        } catch (ConfigRefusal refusal) {
            throw audit.refused(ConfigAudit.STRATEGY_SAVE, target, refusal);
        }
        if (!store.history(JooqConfigStore.STRATEGY, newId).isEmpty()) {
            throw audit.refused(ConfigAudit.STRATEGY_SAVE, target, new ConfigRefusal(409, "ALREADY_EXISTS", "newId", "strategy " + newId + " exists"));
        }
        StrategyConfigLoader.Result r = checkResolved(h.getLast().document());
        if (!r.ok()) throw audit.refused(ConfigAudit.STRATEGY_SAVE, target, ConfigRefusal.invalid(r.problems()));
        StrategyConfig c = r.config();
        StrategyConfig copy = c.withName(newId);
        String why = reasonOrRefuse(ConfigAudit.STRATEGY_SAVE, target, reason);
        return store(newId, StrategyConfigWriter.toYaml(copy), null, why, "clone of " + id + " v" + h.getLast().version());
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public ConfigVersion rollback(String id, int version, String reason) {
        ConfigVersion old = version(id, version);
        String target = "strategy:" + id;
        StrategyConfigLoader.Result r = checkResolved(old.document());
        if (!r.ok()) throw audit.refused(ConfigAudit.STRATEGY_SAVE, target, ConfigRefusal.invalid(r.problems()));
        String why = reasonOrRefuse(ConfigAudit.STRATEGY_SAVE, target, reason);
        return store(id, old.document(), version, why, "rollback to v" + version);
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public ApplyResult apply(String id, int version, String confirmation, String reason) {
        ConfigVersion v = version(id, version);
        String target = "strategy:" + id;
        String why = reasonOrRefuse(ConfigAudit.STRATEGY_APPLY, target, reason);
        String expected = StrategyConfigs.confirmation(id, version);
        if (!expected.equals(confirmation == null ? null : confirmation.strip())) {
            throw audit.refused(ConfigAudit.STRATEGY_APPLY, target, new ConfigRefusal(422, "CONFIRMATION_MISMATCH", "confirmation",
                    "type '" + expected + "' to apply this version"));
        }
        // a universe is resolved now: its symbols are stored with this application and run at every later start
        StrategyConfigLoader.Result r = checkResolved(v.document());
        if (!r.ok()) throw audit.refused(ConfigAudit.STRATEGY_APPLY, target, ConfigRefusal.invalid(r.problems()));
        List<String> resolved = r.config().universe() == null ? null : r.config().symbols();
        var unpromoted = promotion.refusal(id, version);
        if (unpromoted.isPresent()) throw audit.refused(ConfigAudit.STRATEGY_APPLY, target, unpromoted.get());
        Integer before = store.appliedVersions(JooqConfigStore.STRATEGY).get(id);
        List<String> previousSymbols = List.of();
        List<ConfigChange> changes = List.of();
        if (before != null) {
            ConfigVersion prev = version(id, before);
            changes = ConfigDiff.between(prev.document(), v.document());
            StrategyConfigLoader.Result p = StrategyConfigLoader.parse(prev.document());
            List<String> prevResolved = store.appliedSymbols(JooqConfigStore.STRATEGY).get(id);
            if (prevResolved != null) previousSymbols = prevResolved;
            else if (p.ok()) previousSymbols = p.config().symbols();
        }
        List<String> previous = previousSymbols;
        List<ConfigChange> diff = changes;
        String detail = "v" + version + " (was " + (before == null ? "none" : "v" + before) + ")"
                + (resolved == null ? "" : " universe '" + r.config().universe() + "' resolved to " + String.join(",", resolved)) + ": " + why;
        return audit.change(ConfigAudit.STRATEGY_APPLY, target, detail, () -> {
            LiveConfiguration.Applied applied;
            try {
                applied = live.apply(toLive(r.config()), previous, why);
            } catch (IllegalArgumentException e) {
                throw new ConfigRefusal(409, "NOT_APPLICABLE", "symbols", e.getMessage());
            }
            store.applied(JooqConfigStore.STRATEGY, id, version, CurrentUser.username(), clock.instant(), why, applied.live(), resolved);
            return new ApplyResult(version(id, version), applied.live(), applied.message(), diff);
        });
    }

    private ConfigVersion store(String id, String document, Integer basedOn, String why, String what) {
        return audit.change(ConfigAudit.STRATEGY_SAVE, "strategy:" + id, what + ": " + why,
                () -> store.add(JooqConfigStore.STRATEGY, id, document, basedOn, CurrentUser.username(), clock.instant(), why));
    }

    private String reasonOrRefuse(String action, String target, String reason) {
        return audit.reason(action, target, reason);
    }

    private static ConfigRefusal notFound(String id) {
        return new ConfigRefusal(404, "NOT_FOUND", "id", "no strategy " + id);
    }

    // ------------------------------------------------------------------ conversions

    /** The engine host's form of a valid configuration. */
    static LiveStrategy toLive(StrategyConfig c) {
        return LiveStrategy.of(c);
    }

    /** The document seeded for a strategy of {@code application.yaml}; refuses one the validator refuses. */
    static String seed(LiveStrategy s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", s.type());
        doc.put("name", s.id());
        doc.put("symbols", s.symbols());
        doc.put("parameters", new LinkedHashMap<>(s.params()));
        var rule = s.sizing();
        doc.put("sizing", StrategyConfig.Sizing.valueOf(rule.mode().name()).word());
        if (s.quantity() != null) doc.put("quantity", number(s.quantity()));
        switch (rule.mode()) {
            case FIXED -> { }
            case FIXED_FRACTIONAL -> doc.put("risk_per_trade", number(rule.riskFraction().movePointRight(2)));
            case ATR -> {
                doc.put("risk_per_trade", number(rule.riskFraction().movePointRight(2)));
                doc.put("atr", Map.of("period", rule.atrPeriod(), "multiple", number(rule.atrMultiple())));
            }
            case HALF_KELLY -> doc.put("kelly", Map.of("win_rate", number(rule.winRate()), "average_win", number(rule.averageWin()),
                    "average_loss", number(rule.averageLoss()), "cap", number(rule.kellyCap())));
        }
        if (rule.maxQuantity() != null && rule.mode() != io.tradepilot.engine.strategy.SizingRule.Mode.FIXED) {
            doc.put("max_quantity", number(rule.maxQuantity()));
        }
        if (s.twapAbove() != null && s.twapAbove().signum() > 0) doc.put("twap", Map.of("above", number(s.twapAbove()), "slices", s.twapSlices()));
        doc.put("intraday", s.intraday());
        String yaml = new org.yaml.snakeyaml.Yaml().dump(doc);
        StrategyConfigLoader.Result r = check(yaml);
        if (!r.ok()) throw new IllegalStateException("tradepilot.trading.strategies " + s.id() + ": " + r.report());
        return StrategyConfigWriter.toYaml(r.config());
    }

    /** A YAML number for a decimal of application.yaml: an integer when it is one. */
    private static Object number(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0 ? (Object) d.toBigIntegerExact().longValueExact() : (Object) d.doubleValue();
    }

    /**
     * What an engine start runs: the applied version of every stored strategy that has one; a version naming a
     * universe runs the symbols stored when it was applied (a later edit of the universe changes nothing until the
     * version is applied again). Fails the start (IllegalStateException) when such symbols are missing.
     */
    List<LiveStrategy> appliedForStart() {
        List<LiveStrategy> out = new ArrayList<>();
        Map<String, List<String>> resolved = store.appliedSymbols(JooqConfigStore.STRATEGY);
        for (var e : new java.util.TreeMap<>(store.appliedVersions(JooqConfigStore.STRATEGY)).entrySet()) {
            ConfigVersion v = store.find(JooqConfigStore.STRATEGY, e.getKey(), e.getValue()).orElseThrow();
            StrategyConfigLoader.Result r = check(v.document());
            if (!r.ok()) throw new IllegalStateException("applied strategy " + e.getKey() + " v" + e.getValue() + " is not valid: " + r.report());
            StrategyConfig c = r.config();
            if (c.universe() != null) {
                List<String> symbols = resolved.get(e.getKey());
                if (symbols == null) {
                    throw new IllegalStateException("applied strategy " + e.getKey() + " v" + e.getValue() + " names universe '"
                            + c.universe() + "' but no symbols were stored when it was applied");
                }
                c = c.withSymbols(symbols);
            }
            out.add(toLive(c));
        }
        return out;
    }

    /** Whether nothing is stored yet. */
    boolean empty() {
        return store.empty(JooqConfigStore.STRATEGY);
    }

    /** Stores and applies version 1 of every configured strategy (an empty store only), as the system. */
    void seed(List<LiveStrategy> configured) {
        for (LiveStrategy s : configured) {
            var v = store.add(JooqConfigStore.STRATEGY, s.id(), seed(s), null, "system", clock.instant(), "seeded from application.yaml");
            store.applied(JooqConfigStore.STRATEGY, s.id(), v.version(), "system", clock.instant(), "seeded from application.yaml", false);
        }
        audit.record(ConfigAudit.STRATEGY_SAVE, "strategy:*", AuditOutcome.SUCCESS, "seeded " + configured.size() + " strategies from application.yaml");
    }
}
