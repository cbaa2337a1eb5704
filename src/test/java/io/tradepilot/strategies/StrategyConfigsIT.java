package io.tradepilot.strategies;

import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.db.Tables.POSITION;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.controls.TradingGate;
import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import io.tradepilot.trading.internal.TradingFixtures;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Stored strategy configurations and risk settings through the REST API (real tokens, real Tomcat, real
 * PostgreSQL and Redis), applied to the context's own engine host running an accelerated synthetic market
 * (a 5-minute bar every 200 ms): sma-cross trades AAA. Each test starts from an empty ledger and an empty store.
 */
@TestPropertySource(properties = {
        "tradepilot.controls.key-prefix=stratcfg-it:",
        // applying mechanics, not the promotion gate (PromotionGateIT): unpromoted versions apply in PAPER
        "tradepilot.strategies.promotion.paper-apply-requires-stage=false",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880100",
        "tradepilot.trading.tick=100ms",
        "tradepilot.trading.standby-retry=1h",
        "tradepilot.trading.limits.daily-loss=0",
        "tradepilot.trading.limits.consecutive-losses=0",
        "tradepilot.trading.limits.drawdown=0",
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols[0]=AAA",
        "tradepilot.trading.strategies[0].quantity=100",
        "tradepilot.trading.strategies[0].params.fast=5",
        "tradepilot.trading.strategies[0].params.slow=15",
        "tradepilot.trading.marketdata.speed=1500",
        "tradepilot.trading.marketdata.max-gap=5m",
        "tradepilot.trading.marketdata.stale-after=10m",
        "tradepilot.trading.marketdata.synthetic.seed=7",
        "tradepilot.trading.marketdata.synthetic.first-day=2025-01-06",
        "tradepilot.trading.marketdata.synthetic.trading-days=30"})
@DirtiesContext
class StrategyConfigsIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REASON = "integration test change";

    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingGate gate;
    @Autowired List<SmartLifecycle> lifecycles;
    @Autowired io.tradepilot.trading.RiskFigures risk;

    private SmartLifecycle host;

    @BeforeEach
    void emptyLedgerAndStore() {
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "stratcfg-it:");
        TradingFixtures.awaitFreshControls(gate);
        host = lifecycles.stream().filter(l -> l.getClass().getSimpleName().equals("EngineHost")).findFirst().orElseThrow();
    }

    @AfterEach
    void stopTheHost() {
        host.stop();
    }

    private static String document(int fast, int slow, int quantity) {
        return "type: sma-cross\nname: sma-cross\nsymbols: [AAA]\nparameters: {fast: " + fast + ", slow: " + slow + "}\n"
                + "sizing: fixed\nquantity: " + quantity + "\n";
    }

    private static String body(Object o) {
        return JSON.writeValueAsString(o);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> put(ApiClient api, String path, Object body) {
        return api.send(api.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body(body))));
    }

    private int save(ApiClient api, String doc) {
        HttpResponse<String> r = put(api, "/api/v1/strategies/sma-cross", Map.of("document", doc, "reason", REASON));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("version").asInt();
    }

    private HttpResponse<String> apply(ApiClient api, int version) {
        return put(api, "/api/v1/strategies/sma-cross/applied", Map.of("version", version,
                "confirmation", StrategyConfigs.confirmation("sma-cross", version), "reason", REASON));
    }

    private record Row(long seq, String side, BigDecimal quantity) {
    }

    private List<Row> orders() {
        return db.select(TRADE_ORDER.ORDER_ID, TRADE_ORDER.SIDE, TRADE_ORDER.QUANTITY).from(TRADE_ORDER)
                .where(TRADE_ORDER.STRATEGY.eq("sma-cross"), TRADE_ORDER.ORDER_TYPE.eq("MARKET"))
                .fetch(r -> new Row(Long.parseLong(r.value1().substring(1)), r.value2(), r.value3())).stream()
                .sorted(java.util.Comparator.comparingLong(Row::seq)).toList();
    }

    private BigDecimal position() {
        BigDecimal q = db.select(POSITION.QUANTITY).from(POSITION).where(POSITION.SYMBOL.eq("AAA")).fetchOne(POSITION.QUANTITY);
        return q == null ? BigDecimal.ZERO : q;
    }

    @Test
    void a_new_version_governs_the_next_entry_while_the_open_position_keeps_its_plan() {
        ApiClient admin = api(users.apiToken(users.admin()));
        int v1 = save(admin, document(5, 15, 100));
        HttpResponse<String> first = apply(admin, v1);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("live").asBoolean()).as("the engine is not running yet: it runs v1 when it starts").isFalse();

        host.start();
        eventually(Duration.ofSeconds(90), () -> position().signum() > 0, "an open position under v1");
        long before = orders().stream().mapToLong(Row::seq).max().orElse(0);

        int v2 = save(admin, document(3, 8, 37));
        HttpResponse<String> applied = apply(admin, v2);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(json(applied).get("live").asBoolean()).isTrue();
        assertThat(applied.body()).contains("parameters.fast").contains("quantity");

        eventually(Duration.ofSeconds(120), () -> orders().stream().anyMatch(o -> o.seq() > before && o.side().equals("BUY")),
                "an entry after the new version");
        // The ledger's position row may trail the orders by a batch, so v1's exit can fall either side of `before`:
        // the invariant is on the whole order sequence. v1's position left with v1's whole quantity before v2's
        // first entry, and from then on every entry uses v2's quantity.
        List<Row> all = orders();
        int firstV2 = java.util.stream.IntStream.range(0, all.size())
                .filter(i -> all.get(i).side().equals("BUY") && all.get(i).quantity().compareTo(new BigDecimal("37")) == 0)
                .findFirst().orElseThrow(() -> new AssertionError("no entry with v2's quantity: " + all));
        assertThat(firstV2).as(all.toString()).isPositive();
        Row exitOfV1 = all.get(firstV2 - 1);
        assertThat(exitOfV1.side()).as(all.toString()).isEqualTo("SELL");
        assertThat(exitOfV1.quantity()).as(all.toString()).isEqualByComparingTo("100");
        for (int i = 0; i < all.size(); i++) {
            Row o = all.get(i);
            if (o.side().equals("BUY")) {
                assertThat(o.quantity()).as("v1's entries before the change, v2's after: " + all).isEqualByComparingTo(i < firstV2 ? "100" : "37");
            }
        }
    }

    /** sma-cross's refusals on the Risk view (the ledger's REJECTED order events), oldest first. */
    private List<io.tradepilot.trading.RiskRejection> refusals() {
        return risk.rejections(500).stream().filter(r -> r.clientOrderId().startsWith("sma-cross:")).toList().reversed();
    }

    private int applyDocument(ApiClient admin, String doc) {
        int v = save(admin, doc);
        HttpResponse<String> applied = apply(admin, v);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(json(applied).get("live").asBoolean()).as(applied.body()).isTrue();
        return v;
    }

    private void awaitRefusal(String code, int after) {
        eventually(Duration.ofSeconds(120), () -> refusals().stream().skip(after).anyMatch(r -> r.code().equals(code)),
                "an entry refused with " + code);
    }

    @Test
    void a_versions_max_positions_hours_and_blackouts_refuse_its_next_entries_live_never_its_exits() {
        ApiClient admin = api(users.apiToken(users.admin()));
        String two = "type: sma-cross\nname: sma-cross\nsymbols: [AAA, BBB]\nparameters: {fast: 3, slow: 8}\nsizing: fixed\nquantity: 10\n";
        assertThat(apply(admin, save(admin, two)).statusCode()).isEqualTo(200);
        host.start();
        eventually(Duration.ofSeconds(90), () -> !orders().isEmpty(), "sma-cross trades");

        // max_positions 1 applied live: with one of its symbols held, an entry in the other is refused
        applyDocument(admin, two + "max_positions: 1\n");
        awaitRefusal("STRATEGY_MAX_POSITIONS", 0);
        io.tradepilot.trading.RiskRejection first = refusals().stream().filter(r -> r.code().equals("STRATEGY_MAX_POSITIONS")).findFirst().orElseThrow();
        assertThat(first.reason()).matches("strategy sma-cross: (AAA|BBB) would be position 2, its max_positions is 1");

        // hours: only the 09:15 bar may enter
        int seen = refusals().size();
        applyDocument(admin, two + "trading_hours: {start: \"09:15\", end: \"09:16\"}\n");
        awaitRefusal("STRATEGY_OUTSIDE_HOURS", seen);
        assertThat(refusals().stream().skip(seen).filter(r -> r.code().equals("STRATEGY_OUTSIDE_HOURS")).findFirst().orElseThrow().reason())
                .contains("outside its trading hours 09:15-09:16 Asia/Kolkata");

        // a blackout on each of the replay's remaining dates
        seen = refusals().size();
        StringBuilder dates = new StringBuilder(two + "blackouts:\n");
        for (var d = java.time.LocalDate.of(2025, 1, 6); d.isBefore(java.time.LocalDate.of(2025, 3, 1)); d = d.plusDays(1)) {
            dates.append("  - {date: \"").append(d).append("\"}\n");
        }
        applyDocument(admin, dates.toString());
        awaitRefusal("STRATEGY_BLACKOUT", seen);
        assertThat(refusals().stream().skip(seen).filter(r -> r.code().equals("STRATEGY_BLACKOUT")).findFirst().orElseThrow().reason())
                .matches("strategy sma-cross: entry on 2025-\\d\\d-\\d\\d at \\d\\d:\\d\\d inside its blackout 2025-\\d\\d-\\d\\d all day");

        // exits are never refused by them (sma-cross is long only: an S in a client order id is an exit)
        assertThat(refusals()).as("refused orders").filteredOn(r -> r.code().startsWith("STRATEGY_"))
                .allSatisfy(r -> assertThat(r.clientOrderId()).doesNotContain(":S:"));
    }

    @Test
    void a_risk_based_sizing_is_stored_with_its_settings_and_refused_on_a_fixed_quantity_strategy_with_its_path() {
        ApiClient admin = api(users.apiToken(users.admin()));
        HttpResponse<String> refused = put(admin, "/api/v1/strategies/sma-cross", Map.of("document",
                document(5, 15, 100).replace("sizing: fixed\n", "sizing: atr\nrisk_per_trade: 0.5\n"), "reason", REASON));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("code").asText()).isEqualTo("INVALID_CONFIGURATION");
        assertThat(json(refused).get("problems").get(0).get("path").asText()).as(refused.body()).isEqualTo("sizing");

        String momentum = "type: momentum\nname: mom\nsymbols: [AAA]\nsizing: atr\nrisk_per_trade: 0.5\n"
                + "atr: {period: 10, multiple: 3}\nmax_quantity: 400\ntwap: {above: 1000, slices: 4}\n";
        HttpResponse<String> stored = put(admin, "/api/v1/strategies/mom", Map.of("document", momentum, "reason", REASON));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(json(stored).get("document").asText()).contains("sizing: \"atr\"", "risk_per_trade: 0.5",
                "atr: {period: 10, multiple: 3}", "max_quantity: 400", "twap: {above: 1000, slices: 4}");
    }

    @Test
    void viewers_read_operators_draft_and_admins_apply_each_attempt_audited() {
        TestUser viewer = users.viewer(), operator = users.operator();
        ApiClient asViewer = api(users.apiToken(viewer)), asOperator = api(users.apiToken(operator)), admin = api(users.apiToken(users.admin()));

        assertThat(put(asViewer, "/api/v1/strategies/sma-cross", Map.of("document", document(5, 15, 100), "reason", REASON)).statusCode())
                .isEqualTo(403);
        int v1 = save(asOperator, document(5, 15, 100));
        int v2 = save(asOperator, document(7, 21, 100));
        assertThat(asViewer.get("/api/v1/strategies/sma-cross").statusCode()).isEqualTo(200);
        assertThat(json(asViewer.get("/api/v1/strategies/configs")).get(0).get("version").asInt()).isEqualTo(v2);

        HttpResponse<String> byOperator = apply(asOperator, v2);
        assertThat(byOperator.statusCode()).isEqualTo(403);

        // an invalid document is refused with the command line's problems and never stored
        HttpResponse<String> invalid = put(asOperator, "/api/v1/strategies/sma-cross", Map.of("document", document(20, 10, 100), "reason", REASON));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(invalid).get("code").asString()).isEqualTo("INVALID_CONFIGURATION");
        assertThat(json(invalid).get("problems").get(0).get("path").asString()).isEqualTo("parameters.slow");
        HttpResponse<String> noReason = put(asOperator, "/api/v1/strategies/sma-cross", Map.of("document", document(5, 16, 100), "reason", " "));
        assertThat(json(noReason).get("code").asString()).isEqualTo("REASON_REQUIRED");
        assertThat(json(asViewer.get("/api/v1/strategies/sma-cross")).size()).isEqualTo(2);

        HttpResponse<String> diff = asViewer.get("/api/v1/strategies/sma-cross/diff?from=" + v1 + "&to=" + v2);
        assertThat(json(diff).findValuesAsString("path")).containsExactly("parameters.fast", "parameters.slow");

        HttpResponse<String> wrong = put(admin, "/api/v1/strategies/sma-cross/applied", Map.of("version", v2, "confirmation", "yes", "reason", REASON));
        assertThat(json(wrong).get("code").asString()).isEqualTo("CONFIRMATION_MISMATCH");
        assertThat(apply(admin, v2).statusCode()).isEqualTo(200);

        HttpResponse<String> rollback = admin.post("/api/v1/strategies/sma-cross/rollback", body(Map.of("version", v1, "reason", REASON)));
        assertThat(rollback.statusCode()).isEqualTo(201);
        JsonNode v3 = json(rollback);
        assertThat(v3.get("basedOn").asInt()).isEqualTo(v1);
        assertThat(v3.get("document").asString()).isEqualTo(json(asViewer.get("/api/v1/strategies/sma-cross/versions/" + v1)).get("document").asString());
        assertThat(json(asViewer.get("/api/v1/strategies/sma-cross/diff?from=" + v1 + "&to=" + v3.get("version").asInt())).size()).isZero();
        assertThat(asViewer.get("/api/v1/strategies/nope/versions/1").statusCode()).isEqualTo(404);

        assertThat(db.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.USERNAME.eq(viewer.username()), AUDIT_EVENT.OUTCOME.eq("DENIED"))
                .fetch(AUDIT_EVENT.ACTION)).containsExactly("STRATEGY_CONFIG_SAVE");
        assertThat(db.select(AUDIT_EVENT.ACTION, AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT).where(AUDIT_EVENT.USERNAME.eq(operator.username()), AUDIT_EVENT.ACTION.like("STRATEGY_%"))
                .orderBy(AUDIT_EVENT.ID).fetch(r -> r.value1() + " " + r.value2())).containsExactly(
                "STRATEGY_CONFIG_SAVE SUCCESS", "STRATEGY_CONFIG_SAVE SUCCESS", "STRATEGY_CONFIG_APPLY DENIED",
                "STRATEGY_CONFIG_SAVE FAILED", "STRATEGY_CONFIG_SAVE FAILED");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("STRATEGY_CONFIG_APPLY").and(AUDIT_EVENT.OUTCOME.eq("SUCCESS"))
                .and(AUDIT_EVENT.TARGET.eq("strategy:sma-cross")))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void risk_settings_tighten_at_once_and_loosen_only_with_the_typed_confirmation() {
        TestUser operator = users.operator();
        ApiClient admin = api(users.apiToken(users.admin())), asOperator = api(users.apiToken(operator));
        // an empty store: the first change seeds nothing by itself, so store the configured limits first
        HttpResponse<String> none = admin.get("/api/v1/risk-settings");
        assertThat(none.statusCode()).isEqualTo(200);
        String base = """
                daily-loss: 0.02
                drawdown: 0.04
                action: "TRIP_CIRCUIT_BREAKER"
                max-total-exposure: 1000000
                blacklist: ["XYZ"]
                """;
        HttpResponse<String> saved = put(admin, "/api/v1/risk-settings", Map.of("document", base, "reason", REASON));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        int v1 = json(saved).get("version").asInt();
        assertThat(json(saved).get("document").asString()).contains("fat-finger-quantity: null").contains("size-reduction:");
        assertThat(put(admin, "/api/v1/risk-settings/applied", Map.of("version", v1, "confirmation", "LOOSEN", "reason", REASON)).statusCode()).isEqualTo(200);

        int tighter = json(put(admin, "/api/v1/risk-settings", Map.of("document", base.replace("0.02", "0.01"), "reason", REASON))).get("version").asInt();
        HttpResponse<String> tightened = put(admin, "/api/v1/risk-settings/applied", Map.of("version", tighter, "confirmation", "", "reason", REASON));
        assertThat(tightened.statusCode()).as(tightened.body()).isEqualTo(200);

        int looser = json(put(admin, "/api/v1/risk-settings", Map.of("document", base.replace("0.02", "0.05"), "reason", REASON))).get("version").asInt();
        HttpResponse<String> refused = put(admin, "/api/v1/risk-settings/applied", Map.of("version", looser, "confirmation", "", "reason", REASON));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("code").asString()).isEqualTo("CONFIRMATION_MISMATCH");
        assertThat(json(refused).get("detail").asString()).contains("daily-loss");
        assertThat(put(admin, "/api/v1/risk-settings/applied", Map.of("version", looser, "confirmation", "LOOSEN", "reason", REASON)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> invalid = put(admin, "/api/v1/risk-settings", Map.of("document", "daily-loss: much\nnope: 1\n", "reason", REASON));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json(invalid).get("problems").findValuesAsString("path")).containsExactlyInAnyOrder("nope", "daily-loss");

        assertThat(put(asOperator, "/api/v1/risk-settings", Map.of("document", base, "reason", REASON)).statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.USERNAME.eq(operator.username()).and(AUDIT_EVENT.ACTION.eq("RISK_SETTINGS_SAVE"))
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")))).isEqualTo(1);
    }
}
