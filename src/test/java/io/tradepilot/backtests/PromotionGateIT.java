package io.tradepilot.backtests;

import io.tradepilot.strategies.PromotionGate;
import io.tradepilot.strategies.PromotionStage;
import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Monte Carlo of a stored run over REST (deterministic for a seed, bad input as problems) and the promotion gate
 * end to end: refused without evidence, a backtest of exactly the version, refused with the failing figure under a
 * strict threshold, promoted under lenient ones with the evidence stored; live refused without paper days, then
 * refused at 4 and promoted at 5 paper trading days (only that strategy's PAPER trades since it was applied); a viewer
 * refused 403; every outcome audited.
 */
@TestPropertySource(properties = {"tradepilot.backtests.workers=1", "tradepilot.backtests.deferral=200ms", "tradepilot.backtests.push-interval=200ms"})
@DirtiesContext
class PromotionGateIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired DSLContext db;

    private ApiClient api(TestUser user) {
        return api(users.apiToken(user));
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> put(ApiClient api, String path, String body) {
        return api.send(api.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private long runOf(ApiClient api, String id, int version) {
        HttpResponse<String> r = api.post("/api/v1/backtests", "{\"configKey\": \"" + id + "\", \"configVersion\": " + version
                + ", \"symbols\": [\"SYNTH-ALPHA\", \"SYNTH-BETA\"], \"from\": \"2019-01-01\", \"to\": \"2020-12-31\", \"cash\": 1000000, \"quantity\": 100}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        long run = json(r).get("id").asLong();
        eventually(Duration.ofSeconds(90), () -> "DONE".equals(json(api.get("/api/v1/backtests/" + run)).get("state").asString()), "run " + run + " DONE");
        return run;
    }

    private static String promote(String id, int version, PromotionStage stage, String confirmation) {
        return "{\"stage\": \"" + stage + "\", \"confirmation\": \"" + confirmation + "\", \"reason\": \"gate test\"}";
    }

    private static String thresholds(int minTrades, String minSharpe, String maxDd, int paperDays) {
        return "{\"minTrades\": " + minTrades + ", \"minSharpe\": " + minSharpe + ", \"maxDrawdownP95\": " + maxDd + ", \"minPaperDays\": " + paperDays
                + ", \"reason\": \"gate test\"}";
    }

    private int audits(String action, String outcome, String target) {
        return db.fetchCount(db.selectFrom("audit_event").where("action = '" + action + "' and outcome = '" + outcome + "' and target = '" + target + "'"));
    }

    @Test
    void a_version_is_promoted_only_on_passing_evidence_and_its_monte_carlo_is_deterministic() {
        ApiClient admin = api(users.admin());
        ApiClient viewer = api(users.viewer());
        String id = "gate-" + UUID.randomUUID().toString().substring(0, 8);
        String target = "strategy:" + id;
        HttpResponse<String> saved = put(admin, "/api/v1/strategies/" + id, JSON.writeValueAsString(java.util.Map.of(
                "document", "type: sma-cross\nname: " + id + "\nsymbols: [SYNTH-ALPHA, SYNTH-BETA]\nquantity: 100\nparameters: {fast: 10, slow: 30}\n", "reason", "gate test")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        int version = json(saved).get("version").asInt();
        String paper = "/api/v1/strategies/" + id + "/versions/" + version + "/promotions";
        String confirm = PromotionGate.confirmation(id, version, PromotionStage.READY_FOR_PAPER);

        // no evidence yet
        HttpResponse<String> none = admin.post(paper, promote(id, version, PromotionStage.READY_FOR_PAPER, confirm));
        assertThat(none.statusCode()).as(none.body()).isEqualTo(409);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(none).get("code").asString()).isEqualTo("PROMOTION_REFUSED");
        assertThat(json(none).get("problems").get(0).get("path").asString()).isEqualTo("EVIDENCE");
        assertThat(audits("STRATEGY_PROMOTE", "FAILED", target)).isEqualTo(1);

        // a viewer is refused and audited; a wrong confirmation is refused
        assertThat(viewer.post(paper, promote(id, version, PromotionStage.READY_FOR_PAPER, confirm)).statusCode()).isEqualTo(403);
        assertThat(audits("STRATEGY_PROMOTE", "DENIED", target)).isEqualTo(1);
        assertThat(put(viewer, "/api/v1/promotion-thresholds", thresholds(1, "-100", "1", 0)).statusCode()).isEqualTo(403);
        assertThat(audits("PROMOTION_THRESHOLDS_SAVE", "DENIED", "promotion:thresholds")).isEqualTo(1);
        assertThat(api(users.operator()).post(paper, promote(id, version, PromotionStage.READY_FOR_PAPER, confirm)).statusCode()).isEqualTo(403);
        assertThat(audits("STRATEGY_PROMOTE", "DENIED", target)).isEqualTo(2);
        HttpResponse<String> wrong = admin.post(paper, promote(id, version, PromotionStage.READY_FOR_PAPER, "PROMOTE it"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(json(wrong).get("code").asString()).isEqualTo("CONFIRMATION_MISMATCH");
        assertThat(audits("STRATEGY_PROMOTE", "FAILED", target)).isEqualTo(2);
        HttpResponse<String> badThresholds = put(admin, "/api/v1/promotion-thresholds", thresholds(1, "0", "1.5", 0));
        assertThat(badThresholds.statusCode()).isEqualTo(422);
        assertThat(audits("PROMOTION_THRESHOLDS_SAVE", "FAILED", "promotion:thresholds")).isEqualTo(1);
        assertThat(json(badThresholds).get("field").asString()).isEqualTo("maxDrawdownP95");

        // a backtest of exactly this version
        long run = runOf(admin, id, version);
        String mc = "/api/v1/backtests/" + run + "/montecarlo?method=bootstrap&simulations=2000&seed=7";
        HttpResponse<String> first = admin.get(mc);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(viewer.get(mc).body()).isEqualTo(first.body());
        JsonNode figures = json(first);
        assertThat(figures.get("simulations").asInt()).isEqualTo(2000);
        assertThat(figures.get("trades").asInt()).isPositive();
        assertThat(figures.get("maxDrawdown").get("p95").decimalValue()).isGreaterThanOrEqualTo(figures.get("maxDrawdown").get("p50").decimalValue());
        assertThat(admin.get("/api/v1/backtests/" + run + "/montecarlo?method=bootstrap&simulations=2000&seed=8").body()).isNotEqualTo(first.body());
        record Bad(String query, String field) {
        }
        for (Bad b : List.of(new Bad("method=shuffle", "method"), new Bad("simulations=10001", "simulations"), new Bad("simulations=0", "simulations"),
                new Bad("simulations=many", "simulations"), new Bad("seed=x", "seed"))) {
            HttpResponse<String> r = admin.get("/api/v1/backtests/" + run + "/montecarlo?" + b.query());
            assertThat(r.statusCode()).as(b.query()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(r).get("code").asString()).isEqualTo("INVALID_PARAMETER");
            assertThat(json(r).get("field").asString()).isEqualTo(b.field());
        }
        assertThat(admin.get("/api/v1/backtests/987654/montecarlo").statusCode()).isEqualTo(404);

        // a strict minimum of trades fails alone, with the run's figure
        int trades = figures.get("trades").asInt();
        assertThat(put(admin, "/api/v1/promotion-thresholds", thresholds(trades + 1, "-100", "1", 5)).statusCode()).isEqualTo(200);
        HttpResponse<String> few = admin.post(paper, promote(id, version, PromotionStage.READY_FOR_PAPER, confirm));
        assertThat(few.statusCode()).as(few.body()).isEqualTo(409);
        List<String> failing = new ArrayList<>();
        json(few).get("problems").forEach(p -> failing.add(p.get("path").asString()));
        assertThat(failing).containsExactly("MIN_TRADES");
        assertThat(json(few).get("detail").asString()).contains(trades + " trades").contains("at least " + (trades + 1));

        // lenient thresholds: promoted, the evidence stored
        assertThat(put(admin, "/api/v1/promotion-thresholds", thresholds(trades, "-100", "1", 5)).statusCode()).isEqualTo(200);
        assertThat(audits("PROMOTION_THRESHOLDS_SAVE", "SUCCESS", "promotion:thresholds")).isGreaterThanOrEqualTo(2);
        HttpResponse<String> ok = admin.post(paper, promote(id, version, PromotionStage.READY_FOR_PAPER, confirm));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(json(ok).get("runId").asLong()).isEqualTo(run);
        assertThat(json(ok).get("trades").asInt()).isEqualTo(trades);
        assertThat(json(ok).get("mcSeed").asLong()).isEqualTo(RunMonteCarlo.DEFAULT_SEED);
        assertThat(json(ok).get("thresholds").get("minTrades").asInt()).isEqualTo(trades);
        assertThat(json(ok).get("promotedBy").asString()).isEqualTo(users.admin().username());
        assertThat(audits("STRATEGY_PROMOTE", "SUCCESS", target)).isEqualTo(1);
        JsonNode stored = json(viewer.get("/api/v1/strategies/" + id + "/promotions"));
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("stage").asString()).isEqualTo("READY_FOR_PAPER");
        assertThat(admin.post(paper, promote(id, version, PromotionStage.READY_FOR_PAPER, confirm)).statusCode()).isEqualTo(409);

        // live: no paper trading of a version never applied
        HttpResponse<String> live = admin.post(paper, promote(id, version, PromotionStage.READY_FOR_LIVE,
                PromotionGate.confirmation(id, version, PromotionStage.READY_FOR_LIVE)));
        assertThat(live.statusCode()).as(live.body()).isEqualTo(409);
        List<String> liveFailing = new ArrayList<>();
        json(live).get("problems").forEach(p -> liveFailing.add(p.get("path").asString()));
        assertThat(liveFailing).containsExactly("MIN_PAPER_DAYS");
        JsonNode checks = json(viewer.get("/api/v1/strategies/" + id + "/versions/" + version + "/promotion-checks?stage=READY_FOR_LIVE"));
        assertThat(checks).hasSize(6);

        // paper days count the strategy's PAPER trades entered since the version was first applied, one per day
        java.time.Instant applied = java.time.Instant.now().minus(Duration.ofDays(30));
        db.execute("insert into config_applied (kind, config_key, version, applied_by, applied_at, reason, live) values ('STRATEGY', ?, ?, 'test', cast(? as timestamptz), 'test', false)",
                id, version, applied.toString());
        long trade = 9_000_000;
        for (int day = 1; day <= 4; day++) paperTrade(++trade, id, "PAPER", applied.plus(Duration.ofDays(day)));
        paperTrade(++trade, id, "PAPER", applied.plus(Duration.ofDays(4)).plus(Duration.ofMinutes(5)));   // same day again
        paperTrade(++trade, id, "LIVE", applied.plus(Duration.ofDays(6)));                                // not paper
        paperTrade(++trade, id, "PAPER", applied.minus(Duration.ofDays(3)));                              // before the version
        paperTrade(++trade, "another-" + id, "PAPER", applied.plus(Duration.ofDays(7)));                  // another strategy
        String liveConfirm = PromotionGate.confirmation(id, version, PromotionStage.READY_FOR_LIVE);
        HttpResponse<String> four = admin.post(paper, promote(id, version, PromotionStage.READY_FOR_LIVE, liveConfirm));
        assertThat(four.statusCode()).as(four.body()).isEqualTo(409);
        assertThat(json(four).get("detail").asString()).contains("4 paper trading days").contains("at least 5");
        paperTrade(++trade, id, "PAPER", applied.plus(Duration.ofDays(8)));
        HttpResponse<String> five = admin.post(paper, promote(id, version, PromotionStage.READY_FOR_LIVE, liveConfirm));
        assertThat(five.statusCode()).as(five.body()).isEqualTo(201);
        assertThat(json(five).get("paperDays").asInt()).isEqualTo(5);
        assertThat(json(viewer.get("/api/v1/strategies/" + id + "/promotions"))).hasSize(2);
        assertThat(audits("STRATEGY_PROMOTE", "SUCCESS", target)).isEqualTo(2);
    }

    private HttpResponse<String> apply(ApiClient api, String id, int version) {
        return put(api, "/api/v1/strategies/" + id + "/applied", JSON.writeValueAsString(java.util.Map.of("version", version,
                "confirmation", io.tradepilot.strategies.StrategyConfigs.confirmation(id, version), "reason", "gate test apply")));
    }

    private int saveVersion(ApiClient admin, String id, int fast) {
        HttpResponse<String> saved = put(admin, "/api/v1/strategies/" + id, JSON.writeValueAsString(java.util.Map.of(
                "document", "type: sma-cross\nname: " + id + "\nsymbols: [SYNTH-ALPHA, SYNTH-BETA]\nquantity: 100\nparameters: {fast: " + fast
                        + ", slow: 30}\n", "reason", "gate test")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return json(saved).get("version").asInt();
    }

    private void tradingMode(String mode) {
        db.execute("update trading_mode set mode = ? where id = 1", mode);
    }

    /**
     * Applying needs the stage the trading mode asks for (PAPER: READY_FOR_PAPER, LIVE: READY_FOR_LIVE; refused 409
     * PROMOTION_REQUIRED, audited FAILED), and the paper days of a version count only the trades entered while that
     * version was the applied one.
     */
    @Test
    void applying_needs_the_stage_of_the_trading_mode_and_paper_days_count_per_version() {
        ApiClient admin = api(users.admin());
        String id = "apply-" + UUID.randomUUID().toString().substring(0, 8);
        String target = "strategy:" + id;
        int v1 = saveVersion(admin, id, 10);
        int v2 = saveVersion(admin, id, 12);
        try {
            HttpResponse<String> unpromoted = apply(admin, id, v1);
            assertThat(unpromoted.statusCode()).as(unpromoted.body()).isEqualTo(409);
            assertThat(unpromoted.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(unpromoted).get("code").asString()).isEqualTo("PROMOTION_REQUIRED");
            assertThat(json(unpromoted).get("detail").asString()).contains("Trading is PAPER").contains("READY_FOR_PAPER").contains("not promoted");
            assertThat(audits("STRATEGY_CONFIG_APPLY", "FAILED", target)).isEqualTo(1);

            assertThat(put(admin, "/api/v1/promotion-thresholds", thresholds(0, "-100", "1", 4)).statusCode()).isEqualTo(200);
            runOf(admin, id, v1);
            HttpResponse<String> paper = admin.post("/api/v1/strategies/" + id + "/versions/" + v1 + "/promotions", promote(id, v1,
                    PromotionStage.READY_FOR_PAPER, PromotionGate.confirmation(id, v1, PromotionStage.READY_FOR_PAPER)));
            assertThat(paper.statusCode()).as(paper.body()).isEqualTo(201);

            // a history: v1 applied for ten days, v2 for ten, v1 again; paper trades in each period
            java.time.Instant t0 = java.time.Instant.now().minus(Duration.ofDays(40));
            for (var a : List.of(java.util.Map.entry(v1, 0), java.util.Map.entry(v2, 10), java.util.Map.entry(v1, 20))) {
                db.execute("insert into config_applied (kind, config_key, version, applied_by, applied_at, reason, live) values ('STRATEGY', ?, ?, 'test', "
                        + "cast(? as timestamptz), 'test', false)", id, a.getKey(), t0.plus(Duration.ofDays(a.getValue())).toString());
            }
            long trade = 9_100_000;
            for (int day : new int[]{1, 2, 11, 12, 13, 21}) paperTrade(++trade, id, "PAPER", t0.plus(Duration.ofDays(day)));
            String live = "/api/v1/strategies/" + id + "/versions/" + v1 + "/promotions";
            String liveConfirm = PromotionGate.confirmation(id, v1, PromotionStage.READY_FOR_LIVE);
            HttpResponse<String> three = admin.post(live, promote(id, v1, PromotionStage.READY_FOR_LIVE, liveConfirm));
            assertThat(three.statusCode()).as(three.body()).isEqualTo(409);
            assertThat(json(three).get("detail").asString()).contains("3 paper trading days").contains("at least 4");
            JsonNode v2Checks = json(admin.get("/api/v1/strategies/" + id + "/versions/" + v2 + "/promotion-checks?stage=READY_FOR_LIVE"));
            List<String> v2Days = new ArrayList<>();
            v2Checks.forEach(c -> { if (c.get("name").asString().equals("MIN_PAPER_DAYS")) v2Days.add(c.get("actual").asString()); });
            assertThat(v2Days).containsExactly("3 paper trading days");

            // PAPER: a READY_FOR_PAPER version applies
            HttpResponse<String> applied = apply(admin, id, v1);
            assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
            assertThat(audits("STRATEGY_CONFIG_APPLY", "SUCCESS", target)).isEqualTo(1);

            // LIVE: READY_FOR_PAPER is not enough
            tradingMode("LIVE");
            HttpResponse<String> notLive = apply(admin, id, v1);
            assertThat(notLive.statusCode()).as(notLive.body()).isEqualTo(409);
            assertThat(json(notLive).get("code").asString()).isEqualTo("PROMOTION_REQUIRED");
            assertThat(json(notLive).get("detail").asString()).contains("Trading is LIVE").contains("READY_FOR_LIVE").contains("it is READY_FOR_PAPER");
            assertThat(audits("STRATEGY_CONFIG_APPLY", "FAILED", target)).isEqualTo(2);

            // a fourth day under v1 (the current application counts too): READY_FOR_LIVE, then it applies in LIVE
            paperTrade(++trade, id, "PAPER", java.time.Instant.now().plus(Duration.ofMinutes(1)));
            HttpResponse<String> four = admin.post(live, promote(id, v1, PromotionStage.READY_FOR_LIVE, liveConfirm));
            assertThat(four.statusCode()).as(four.body()).isEqualTo(201);
            assertThat(json(four).get("paperDays").asInt()).isEqualTo(4);
            HttpResponse<String> liveApplied = apply(admin, id, v1);
            assertThat(liveApplied.statusCode()).as(liveApplied.body()).isEqualTo(200);
            HttpResponse<String> v2Live = apply(admin, id, v2);
            assertThat(v2Live.statusCode()).as(v2Live.body()).isEqualTo(409);
            assertThat(audits("STRATEGY_CONFIG_APPLY", "SUCCESS", target)).isEqualTo(2);
            assertThat(audits("STRATEGY_CONFIG_APPLY", "FAILED", target)).isEqualTo(3);
        } finally {
            tradingMode("PAPER");
        }
    }

    private void paperTrade(long tradeId, String strategy, String mode, java.time.Instant entry) {
        java.time.LocalDate day = entry.atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate();
        db.execute("insert into journal_trade (trade_id, symbol, side, strategy, mode, status, outcome, trade_day, entry_time, entry_price, quantity, "
                + "open_quantity, gross_pnl, fees, net_pnl, replay_from, last_fill_seq) values (?, 'SYNTH-ALPHA', 'LONG', ?, ?, 'OPEN', 'OPEN', cast(? as date), cast(? as timestamptz), 100, 1, 1, 0, 0, 0, ?, ?)",
                tradeId, strategy, mode, day.toString(), entry.toString(), tradeId, tradeId);
    }
}
