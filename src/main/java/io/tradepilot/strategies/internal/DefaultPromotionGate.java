package io.tradepilot.strategies.internal;

import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import io.tradepilot.strategies.BacktestEvidence;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.PaperTradingDays;
import io.tradepilot.strategies.Promotion;
import io.tradepilot.strategies.PromotionCheck;
import io.tradepilot.strategies.PromotionGate;
import io.tradepilot.strategies.PromotionStage;
import io.tradepilot.strategies.PromotionThresholds;
import io.tradepilot.strategies.StrategyConfigs;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The promotion gate (see {@link PromotionGate}). Fail closed: without a {@link BacktestEvidence} implementation no
 * version has evidence; without a {@link PaperTradingDays} implementation, or for a version never applied, its
 * paper trading days are 0. Paper days are the version's own: only trades entered while it was the applied version
 * count ({@link JooqPromotionStore#appliedPeriods}).
 */
class DefaultPromotionGate implements PromotionGate {

    static final String PROMOTE = "STRATEGY_PROMOTE";
    static final String THRESHOLDS_SAVE = "PROMOTION_THRESHOLDS_SAVE";

    private final JooqPromotionStore store;
    private final StrategyConfigs configs;
    private final ObjectProvider<BacktestEvidence> evidence;
    private final ObjectProvider<PaperTradingDays> paperDays;
    private final ConfigAudit audit;
    private final Clock clock;

    DefaultPromotionGate(JooqPromotionStore store, StrategyConfigs configs, ObjectProvider<BacktestEvidence> evidence,
                         ObjectProvider<PaperTradingDays> paperDays, ConfigAudit audit, Clock clock) {
        this.store = store;
        this.configs = configs;
        this.evidence = evidence;
        this.paperDays = paperDays;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public PromotionThresholds thresholds() {
        return store.thresholds();
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public PromotionThresholds saveThresholds(int minTrades, BigDecimal minSharpe, BigDecimal maxDrawdownP95, int minPaperDays, String reason) {
        String target = "promotion:thresholds";
        String why;
        try {
            why = TextRules.reason(reason);
            if (minTrades < 0) throw invalid("minTrades", "the minimum trades must be 0 or more");
            if (minSharpe == null) throw invalid("minSharpe", "the minimum Sharpe ratio is required");
            if (maxDrawdownP95 == null || maxDrawdownP95.signum() < 0 || maxDrawdownP95.compareTo(BigDecimal.ONE) > 0) {
                throw invalid("maxDrawdownP95", "the maximum p95 drawdown must be a fraction from 0 to 1");
            }
            if (minPaperDays < 0) throw invalid("minPaperDays", "the minimum paper trading days must be 0 or more");
        } catch (ConfigRefusal r) {
            throw audit.refused(THRESHOLDS_SAVE, target, r);
        }
        String detail = "min trades " + minTrades + ", min Sharpe " + minSharpe.toPlainString() + ", max p95 drawdown " + maxDrawdownP95.toPlainString()
                + ", min paper days " + minPaperDays + ": " + why;
        return audit.change(THRESHOLDS_SAVE, target, detail,
                () -> store.saveThresholds(minTrades, minSharpe, maxDrawdownP95, minPaperDays, CurrentUser.username(), clock.instant(), why));
    }

    private static ConfigRefusal invalid(String field, String message) {
        return new ConfigRefusal(422, "INVALID_THRESHOLDS", field, message);
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public List<PromotionCheck> evaluate(String id, int version, PromotionStage stage) {
        configs.version(id, version);
        return judge(id, version, stage, store.thresholds()).checks();
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public List<Promotion> promotions(String id) {
        return TextRules.valid(id) ? store.promotions(id) : List.of();
    }

    @Override
    @PreAuthorize(DefaultStrategyConfigs.READ)
    public List<PaperTradingDays.Period> appliedPeriods(String id, int version) {
        return TextRules.valid(id) ? store.appliedPeriods(id, version) : List.of();
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = StrategiesDeniedHandler.class)
    public Promotion promote(String id, int version, PromotionStage stage, String confirmation, String reason) {
        String target = "strategy:" + (TextRules.valid(id) ? id : "-");
        String why;
        try {
            if (stage == null) throw new ConfigRefusal(422, "INVALID_REQUEST", "stage", "the stage is required (READY_FOR_PAPER or READY_FOR_LIVE)");
            configs.version(id, version);
            why = TextRules.reason(reason);
            String expected = PromotionGate.confirmation(id, version, stage);
            if (!expected.equals(confirmation == null ? null : confirmation.strip())) {
                throw new ConfigRefusal(422, "CONFIRMATION_MISMATCH", "confirmation", "type '" + expected + "' to promote this version");
            }
            if (stage(id, version).filter(s -> s.compareTo(stage) >= 0).isPresent()) {
                throw new ConfigRefusal(409, "ALREADY_PROMOTED", "stage", id + " v" + version + " is already " + stage(id, version).orElseThrow());
            }
        } catch (ConfigRefusal r) {
            throw audit.refused(PROMOTE, target, r);
        }
        PromotionThresholds t = store.thresholds();
        Judgement j = judge(id, version, stage, t);
        if (!PromotionRules.passed(j.checks())) {
            List<PromotionCheck> failing = j.checks().stream().filter(c -> !c.passed()).toList();
            throw audit.refused(PROMOTE, target, new ConfigRefusal(409, "PROMOTION_REFUSED", "stage",
                    id + " v" + version + " cannot be " + stage + ": " + String.join("; ", failing.stream().map(PromotionCheck::toString).toList()),
                    failing.stream().map(c -> new Problem(c.name(), c.actual() + " (required " + c.required() + ")")).toList()));
        }
        BacktestEvidence.Run run = j.run().orElseThrow();
        Promotion p = new Promotion(0, id, version, stage, run.runId(), run.trades(), run.sharpe(), run.maxDrawdownP95(), run.mcMethod(),
                run.mcSimulations(), run.mcSeed(), stage == PromotionStage.READY_FOR_LIVE ? j.paperDays() : null, t, j.checks(),
                CurrentUser.username(), clock.instant(), why);
        String detail = "v" + version + " " + stage + " on backtest run " + run.runId() + " (thresholds v" + t.version() + "): " + why;
        return audit.change(PROMOTE, target, detail, () -> {
            long newId = store.insert(p).orElseThrow(() -> new ConfigRefusal(409, "ALREADY_PROMOTED", "stage", id + " v" + version + " is already " + stage));
            return new Promotion(newId, p.strategyId(), p.version(), p.stage(), p.runId(), p.trades(), p.sharpe(), p.maxDrawdownP95(), p.mcMethod(),
                    p.mcSimulations(), p.mcSeed(), p.paperDays(), p.thresholds(), p.checks(), p.promotedBy(), p.promotedAt(), p.reason());
        });
    }

    /**
     * Records a method-security denial: {@code STRATEGY_PROMOTE} on {@code strategy:<id>} for {@code promote}, {@code
     * PROMOTION_THRESHOLDS_SAVE} on {@code promotion:thresholds} otherwise.
     */
    static void denied(ConfigAudit audit, MethodInvocation invocation) {
        boolean promote = invocation.getMethod().getName().equals("promote");
        Object[] args = invocation.getArguments();
        String target = promote ? "strategy:" + (args.length > 0 && args[0] instanceof String s && TextRules.valid(s) ? s : "-") : "promotion:thresholds";
        audit.record(promote ? PROMOTE : THRESHOLDS_SAVE, target, AuditOutcome.DENIED, "denied by method security: " + invocation.getMethod().getName());
    }

    private record Judgement(Optional<BacktestEvidence.Run> run, int paperDays, List<PromotionCheck> checks) {
    }

    private Judgement judge(String id, int version, PromotionStage stage, PromotionThresholds t) {
        BacktestEvidence source = evidence.getIfAvailable();
        Optional<BacktestEvidence.Run> run = source == null ? Optional.empty() : source.newestDoneRun(id, version);
        boolean paper = store.promotions(id).stream().anyMatch(p -> p.version() == version && p.stage() == PromotionStage.READY_FOR_PAPER);
        int days = 0;
        if (stage == PromotionStage.READY_FOR_LIVE) {
            PaperTradingDays counter = paperDays.getIfAvailable();
            if (counter != null) days = counter.paperTradingDays(id, store.appliedPeriods(id, version));
        }
        return new Judgement(run, days, PromotionRules.check(stage, run, paper, days, t));
    }
}
