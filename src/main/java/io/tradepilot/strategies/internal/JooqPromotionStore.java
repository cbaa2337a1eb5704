package io.tradepilot.strategies.internal;

import io.tradepilot.strategies.Promotion;
import io.tradepilot.strategies.PaperTradingDays;
import io.tradepilot.strategies.PromotionCheck;
import io.tradepilot.strategies.PromotionStage;
import io.tradepilot.strategies.PromotionThresholds;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The promotion gate's tables: {@code promotion_thresholds} (versioned) and {@code promotion} (db/migration/V136). */
class JooqPromotionStore {

    private static final Table<Record> THRESHOLDS = DSL.table("promotion_thresholds");
    private static final Table<Record> PROMOTION = DSL.table("promotion");
    private static final Field<Integer> T_VERSION = DSL.field("version", Integer.class);
    private static final Field<Integer> MIN_TRADES = DSL.field("min_trades", Integer.class);
    private static final Field<BigDecimal> MIN_SHARPE = DSL.field("min_sharpe", BigDecimal.class);
    private static final Field<BigDecimal> MAX_DD = DSL.field("max_drawdown_p95", BigDecimal.class);
    private static final Field<Integer> MIN_PAPER_DAYS = DSL.field("min_paper_days", Integer.class);
    private static final Field<String> SET_BY = DSL.field("set_by", String.class);
    private static final Field<OffsetDateTime> SET_AT = DSL.field("set_at", OffsetDateTime.class);
    private static final Field<String> REASON = DSL.field("reason", String.class);

    private static final Field<Long> ID = DSL.field("id", Long.class);
    private static final Field<String> KEY = DSL.field("config_key", String.class);
    private static final Field<Integer> VERSION = DSL.field("version", Integer.class);
    private static final Field<String> STAGE = DSL.field("stage", String.class);
    private static final Field<Long> RUN_ID = DSL.field("run_id", Long.class);
    private static final Field<Integer> TRADES = DSL.field("trades", Integer.class);
    private static final Field<Double> SHARPE = DSL.field("sharpe", Double.class);
    private static final Field<Double> DD_P95 = DSL.field("max_drawdown_p95", Double.class);
    private static final Field<String> MC_METHOD = DSL.field("mc_method", String.class);
    private static final Field<Integer> MC_SIMULATIONS = DSL.field("mc_simulations", Integer.class);
    private static final Field<Long> MC_SEED = DSL.field("mc_seed", Long.class);
    private static final Field<Integer> PAPER_DAYS = DSL.field("paper_days", Integer.class);
    private static final Field<Integer> THRESHOLDS_VERSION = DSL.field("thresholds_version", Integer.class);
    private static final Field<String> CHECKS = DSL.field("checks", String.class);
    private static final Field<String> PROMOTED_BY = DSL.field("promoted_by", String.class);
    private static final Field<OffsetDateTime> PROMOTED_AT = DSL.field("promoted_at", OffsetDateTime.class);

    private final DSLContext db;

    JooqPromotionStore(DSLContext db) {
        this.db = db;
    }

    /** The newest thresholds (the migration stores version 1). */
    PromotionThresholds thresholds() {
        return db.selectFrom(THRESHOLDS).orderBy(T_VERSION.desc()).limit(1).fetchOptional().map(JooqPromotionStore::thresholds)
                .orElseThrow(() -> new IllegalStateException("no promotion thresholds stored"));
    }

    PromotionThresholds saveThresholds(int minTrades, BigDecimal minSharpe, BigDecimal maxDrawdownP95, int minPaperDays, String by, Instant at,
                                       String reason) {
        return db.transactionResult(c -> {
            DSLContext tx = c.dsl();
            tx.execute("LOCK TABLE promotion_thresholds IN EXCLUSIVE MODE");
            int next = Optional.ofNullable(tx.select(DSL.max(T_VERSION)).from(THRESHOLDS).fetchOne(0, Integer.class)).orElse(0) + 1;
            tx.insertInto(THRESHOLDS).set(T_VERSION, next).set(MIN_TRADES, minTrades).set(MIN_SHARPE, minSharpe).set(MAX_DD, maxDrawdownP95)
                    .set(MIN_PAPER_DAYS, minPaperDays).set(SET_BY, by).set(SET_AT, at.atOffset(ZoneOffset.UTC)).set(REASON, reason).execute();
            return new PromotionThresholds(next, minTrades, minSharpe, maxDrawdownP95, minPaperDays, by, at, reason);
        });
    }

    private static PromotionThresholds thresholds(Record r) {
        return new PromotionThresholds(r.get(T_VERSION), r.get(MIN_TRADES), r.get(MIN_SHARPE), r.get(MAX_DD), r.get(MIN_PAPER_DAYS), r.get(SET_BY),
                r.get(SET_AT).toInstant(), r.get(REASON));
    }

    /** Every promotion of {@code key}, oldest first. */
    List<Promotion> promotions(String key) {
        Map<Integer, PromotionThresholds> thresholds = db.selectFrom(THRESHOLDS).fetch(JooqPromotionStore::thresholds).stream()
                .collect(Collectors.toMap(PromotionThresholds::version, Function.identity()));
        return db.selectFrom(PROMOTION).where(KEY.eq(key)).orderBy(ID).fetch(r -> new Promotion(r.get(ID), r.get(KEY), r.get(VERSION),
                PromotionStage.valueOf(r.get(STAGE)), r.get(RUN_ID), r.get(TRADES), r.get(SHARPE), r.get(DD_P95), r.get(MC_METHOD),
                r.get(MC_SIMULATIONS), r.get(MC_SEED), r.get(PAPER_DAYS), thresholds.get(r.get(THRESHOLDS_VERSION)), checks(r.get(CHECKS)),
                r.get(PROMOTED_BY), r.get(PROMOTED_AT).toInstant(), r.get(REASON)));
    }

    /** Stores a promotion; false when that version already has that stage. */
    Optional<Long> insert(Promotion p) {
        return db.insertInto(PROMOTION).set(KEY, p.strategyId()).set(VERSION, p.version()).set(STAGE, p.stage().name()).set(RUN_ID, p.runId())
                .set(TRADES, p.trades()).set(SHARPE, p.sharpe()).set(DD_P95, p.maxDrawdownP95()).set(MC_METHOD, p.mcMethod())
                .set(MC_SIMULATIONS, p.mcSimulations()).set(MC_SEED, p.mcSeed()).set(PAPER_DAYS, p.paperDays())
                .set(THRESHOLDS_VERSION, p.thresholds().version()).set(CHECKS, checks(p.checks())).set(PROMOTED_BY, p.promotedBy())
                .set(PROMOTED_AT, p.promotedAt().atOffset(ZoneOffset.UTC)).set(REASON, p.reason())
                .onConflictDoNothing().returningResult(ID).fetchOptional().map(r -> r.value1());
    }

    /**
     * The periods during which {@code version} of strategy {@code key} was the applied one, oldest first: from each
     * application of that version to the next application of any version of {@code key} (none: still applied).
     */
    List<PaperTradingDays.Period> appliedPeriods(String key, int version) {
        var seq = DSL.field("seq", Long.class);
        var at = DSL.field("applied_at", OffsetDateTime.class);
        var ver = DSL.field("version", Integer.class);
        List<PaperTradingDays.Period> out = new ArrayList<>();
        Instant from = null;
        for (var r : db.select(ver, at).from(DSL.table("config_applied"))
                .where(DSL.field("kind", String.class).eq(JooqConfigStore.STRATEGY)).and(DSL.field("config_key", String.class).eq(key))
                .orderBy(seq).fetch()) {
            Instant when = r.value2().toInstant();
            if (from != null) {
                out.add(new PaperTradingDays.Period(from, when.isBefore(from) ? from : when));
                from = null;
            }
            if (r.value1() == version) from = when;
        }
        if (from != null) out.add(new PaperTradingDays.Period(from, null));
        return out;
    }

    private static String checks(List<PromotionCheck> checks) {
        return checks.stream().map(c -> String.join("|", clean(c.name()), clean(c.actual()), clean(c.required()), String.valueOf(c.passed())))
                .collect(Collectors.joining("\n"));
    }

    private static String clean(String s) {
        return s.replace('|', '/').replace('\n', ' ');
    }

    private static List<PromotionCheck> checks(String text) {
        List<PromotionCheck> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length == 4) out.add(new PromotionCheck(f[0], f[1], f[2], Boolean.parseBoolean(f[3])));
        }
        return out;
    }
}
