package io.tradepilot.strategies.internal;

import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import io.tradepilot.strategies.ApplyResult;
import io.tradepilot.strategies.ConfigChange;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.ConfigVersion;
import io.tradepilot.strategies.RiskSettings;
import io.tradepilot.trading.LiveConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@link RiskSettings} over {@link JooqConfigStore}, the limits record read and written by {@link RecordYaml}. */
class DefaultRiskSettings implements RiskSettings, io.tradepilot.strategies.AppliedRiskSettings {

    /** Numeric limits for which a larger value is stricter (all others: a smaller, non-zero value is stricter). */
    static final Set<String> LARGER_IS_STRICTER = Set.of("size-reduction.wins-to-restore");

    private final JooqConfigStore store;
    private final LiveConfiguration live;
    private final ConfigAudit audit;
    private final Clock clock;

    DefaultRiskSettings(JooqConfigStore store, LiveConfiguration live, ConfigAudit audit, Clock clock) {
        this.store = store;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public List<ConfigVersion> history() {
        return store.history(JooqConfigStore.RISK, JooqConfigStore.LIMITS);
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public ConfigVersion version(int version) {
        return store.find(JooqConfigStore.RISK, JooqConfigStore.LIMITS, version)
                .orElseThrow(() -> new ConfigRefusal(404, "NOT_FOUND", "version", "the risk settings have no version " + version));
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public ConfigVersion applied() {
        return history().stream().filter(ConfigVersion::applied).findFirst()
                .orElseThrow(() -> new ConfigRefusal(404, "NOT_FOUND", null, "no risk settings are applied"));
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    public List<Problem> validate(String document) {
        return read(document).problems();
    }

    private RecordYaml.Read<? extends Record> read(String document) {
        if (document == null || document.isBlank()) return new RecordYaml.Read<>(null, List.of(new Problem("(document)", "is empty")));
        return RecordYaml.read(live.limitsType(), document);
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public List<ConfigChange> diff(int from, int to) {
        return ConfigDiff.between(version(from).document(), version(to).document());
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public ConfigVersion save(String document, String reason) {
        var r = read(document);
        if (!r.problems().isEmpty()) throw audit.refused(ConfigAudit.RISK_SAVE, "risk:limits", ConfigRefusal.invalid(r.problems()));
        return store(RecordYaml.write(r.value()), latest(), reason, "save");
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public ConfigVersion rollback(int version, String reason) {
        ConfigVersion old = version(version);
        return store(old.document(), version, reason, "rollback to v" + version);
    }

    private ConfigVersion store(String document, Integer basedOn, String reason, String what) {
        String why;
        try {
            why = TextRules.reason(reason);
        } catch (ConfigRefusal refusal) {
            throw audit.refused(ConfigAudit.RISK_SAVE, "risk:limits", refusal);
        }
        return audit.change(ConfigAudit.RISK_SAVE, "risk:limits", what + ": " + why, () -> store.add(JooqConfigStore.RISK,
                JooqConfigStore.LIMITS, document, basedOn, CurrentUser.username(), clock.instant(), why));
    }

    private Integer latest() {
        List<ConfigVersion> h = store.history(JooqConfigStore.RISK, JooqConfigStore.LIMITS);
        return h.isEmpty() ? null : h.getLast().version();
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    public List<ConfigChange> loosening(int version) {
        ConfigVersion target = version(version);
        Integer applied = store.appliedVersions(JooqConfigStore.RISK).get(JooqConfigStore.LIMITS);
        if (applied == null) return ConfigDiff.between("{}", target.document());
        Record before = read(version(applied).document()).value(), after = read(target.document()).value();
        if (before == null || after == null) return ConfigDiff.between(version(applied).document(), target.document());
        return loosening(RecordYaml.leaves(before), RecordYaml.leaves(after));
    }

    /**
     * The changed leaves that are not provably stricter: a number is stricter when it turns a limit on or lowers it
     * (raises it for {@link #LARGER_IS_STRICTER}); a list when it only adds items; anything else (an action, a time,
     * a component this code does not know the direction of) counts as loosening, so it needs the confirmation.
     */
    static List<ConfigChange> loosening(Map<String, Object> before, Map<String, Object> after) {
        List<ConfigChange> out = new ArrayList<>();
        for (var e : after.entrySet()) {
            Object a = before.get(e.getKey()), b = e.getValue();
            if (Objects.equals(a, b) || (a instanceof BigDecimal x && b instanceof BigDecimal y && x.compareTo(y) == 0)) continue;
            if (!stricter(e.getKey(), a, b)) out.add(new ConfigChange(e.getKey(), String.valueOf(a), String.valueOf(b)));
        }
        return out;
    }

    private static boolean stricter(String path, Object before, Object after) {
        BigDecimal x = number(before), y = number(after);
        if ((before == null || x != null) && y != null) {
            boolean xOff = x == null || x.signum() <= 0, yOff = y.signum() <= 0;
            if (LARGER_IS_STRICTER.contains(path)) return !yOff && (xOff || y.compareTo(x) > 0);
            if (yOff) return false;
            return xOff || y.compareTo(x) < 0;
        }
        if (before instanceof Collection<?> bc && after instanceof Collection<?> ac) return ac.containsAll(bc);
        return false;
    }

    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) return d;
        if (v instanceof Integer || v instanceof Long) return BigDecimal.valueOf(((Number) v).longValue());
        return null;
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public ApplyResult apply(int version, String confirmation, String reason) {
        ConfigVersion v = version(version);
        String why;
        try {
            why = TextRules.reason(reason);
        } catch (ConfigRefusal refusal) {
            throw audit.refused(ConfigAudit.RISK_APPLY, "risk:limits", refusal);
        }
        var r = read(v.document());
        if (!r.problems().isEmpty()) throw audit.refused(ConfigAudit.RISK_APPLY, "risk:limits", ConfigRefusal.invalid(r.problems()));
        List<ConfigChange> looser = loosening(version);
        if (!looser.isEmpty() && !LOOSEN.equals(confirmation == null ? null : confirmation.strip())) {
            throw audit.refused(ConfigAudit.RISK_APPLY, "risk:limits", new ConfigRefusal(422, "CONFIRMATION_MISMATCH", "confirmation",
                    "this version loosens " + String.join(", ", looser.stream().map(ConfigChange::path).toList()) + ": type '" + LOOSEN + "' to apply it"));
        }
        Integer before = store.appliedVersions(JooqConfigStore.RISK).get(JooqConfigStore.LIMITS);
        List<ConfigChange> changes = before == null ? List.of() : ConfigDiff.between(version(before).document(), v.document());
        return audit.change(ConfigAudit.RISK_APPLY, "risk:limits", "v" + version + (looser.isEmpty() ? " (tightens only)" : " (loosens)") + ": " + why, () -> {
            LiveConfiguration.Applied applied = live.applyLimits(r.value(), why);
            store.applied(JooqConfigStore.RISK, JooqConfigStore.LIMITS, version, CurrentUser.username(), clock.instant(), why, applied.live());
            return new ApplyResult(version(version), applied.live(), applied.message(), changes);
        });
    }

    /** The limits an engine start runs: the applied version. */
    @Override
    public java.util.Optional<Applied> appliedRiskSettings() {
        Integer applied = store.appliedVersions(JooqConfigStore.RISK).get(JooqConfigStore.LIMITS);
        if (applied == null) return java.util.Optional.empty();
        return store.find(JooqConfigStore.RISK, JooqConfigStore.LIMITS, applied).map(v -> new Applied(applied, v.document()));
    }

    Record appliedForStart() {
        Integer applied = store.appliedVersions(JooqConfigStore.RISK).get(JooqConfigStore.LIMITS);
        if (applied == null) throw new IllegalStateException("no risk settings are applied");
        var r = read(store.find(JooqConfigStore.RISK, JooqConfigStore.LIMITS, applied).orElseThrow().document());
        if (!r.problems().isEmpty()) throw new IllegalStateException("applied risk settings v" + applied + " are not valid: " + r.problems());
        return r.value();
    }

    boolean empty() {
        return store.empty(JooqConfigStore.RISK);
    }

    /** Stores and applies version 1 from {@code application.yaml}'s limits (an empty store only). */
    void seed(Record configured) {
        var v = store.add(JooqConfigStore.RISK, JooqConfigStore.LIMITS, RecordYaml.write(configured), null, "system", clock.instant(),
                "seeded from application.yaml");
        store.applied(JooqConfigStore.RISK, JooqConfigStore.LIMITS, v.version(), "system", clock.instant(), "seeded from application.yaml", false);
        audit.record(ConfigAudit.RISK_SAVE, "risk:limits", AuditOutcome.SUCCESS, "seeded from application.yaml");
    }
}
