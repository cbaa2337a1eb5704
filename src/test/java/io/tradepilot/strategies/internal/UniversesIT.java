package io.tradepilot.strategies.internal;

import io.tradepilot.strategies.StrategyConfigs;
import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import io.tradepilot.trading.LiveConfiguration;
import io.tradepilot.trading.LiveStrategy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Named universes through the REST API (real tokens, Tomcat, PostgreSQL): create, read, edit, delete; every bad input
 * a 422 problem naming its field and item; every change audited, refusals FAILED and a viewer's attempt DENIED; a
 * strategy version naming a universe stores the symbols resolved when it is applied, so a later edit changes nothing
 * that runs; a backtest on a universe equals one on the same symbols and records them; symbols without stored data are
 * named, not dropped.
 */
@TestPropertySource(properties = "tradepilot.backtests.workers=2")  // this context runs backtests (the default context runs none)
@DirtiesContext
class UniversesIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "/api/v1/strategies/universes";
    private static final String REASON = "universes integration test";

    @Autowired JdbcTemplate jdbc;
    @Autowired JooqConfigStore store;
    @Autowired LiveConfiguration live;
    @Autowired ConfigAudit audit;
    @Autowired Clock appClock;
    @Autowired PromotionOnApply promotion;
    @Autowired org.jooq.DSLContext db;

    @BeforeEach
    void paper() {
        jdbc.update("update trading_mode set mode = 'PAPER', size_factor = 1.00, changed_by = 'system', reason = 'test'");
    }

    private ApiClient api(TestUser user) {
        return api(users.apiToken(user));
    }

    private static String name(String prefix) {
        return prefix + " " + System.nanoTime() % 1_000_000_000;
    }

    private static String path(String name) {
        return BASE + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String body(Object o) {
        return JSON.writeValueAsString(o);
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> put(ApiClient api, String path, Object body) {
        return api.send(api.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body(body))));
    }

    private static HttpResponse<String> delete(ApiClient api, String name, String reason) {
        return api.send(api.request(path(name) + (reason == null ? "" : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8))).DELETE());
    }

    private static HttpResponse<String> create(ApiClient api, String name, String exchange, List<String> symbols) {
        Map<String, Object> b = new java.util.LinkedHashMap<>();
        b.put("name", name);
        b.put("exchange", exchange);
        b.put("symbols", symbols);
        b.put("reason", REASON);
        return api.post(BASE, body(b));
    }

    private int audits(String username, String action, String outcome) {
        return jdbc.queryForObject("select count(*) from audit_event where username = ? and action = ? and outcome = ?", Integer.class,
                username, action, outcome);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void operators_create_edit_and_delete_a_universe_every_role_reads_it_and_each_change_is_audited() {
        TestUser op = users.create(io.tradepilot.security.Roles.Role.OPERATOR);
        ApiClient operator = api(op);
        ApiClient viewer = api(users.viewer());
        String name = name("IT Banks");

        HttpResponse<String> created = create(operator, name, "NSE", List.of("HDFCBANK", "ICICIBANK", "M&M", "BAJAJ-AUTO"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("version").asInt()).isEqualTo(1);
        JsonNode read = json(viewer.get(path(name)));
        assertThat(read.get("exchange").asString()).isEqualTo("NSE");
        assertThat(texts(read.get("symbols"))).containsExactly("HDFCBANK", "ICICIBANK", "M&M", "BAJAJ-AUTO");
        assertThat(read.get("updatedBy").asString()).isEqualTo(op.username());
        assertThat(json(viewer.get(BASE)).findValuesAsString("name")).contains(name);
        assertThat(create(operator, name, "NSE", List.of("TCS")).statusCode()).isEqualTo(409);

        HttpResponse<String> edited = put(operator, path(name), Map.of("exchange", "NSE", "symbols", List.of("SBIN", "HDFCBANK"), "version", 1,
                "reason", REASON));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(json(edited).get("version").asInt()).isEqualTo(2);
        assertThat(texts(json(viewer.get(path(name))).get("symbols"))).containsExactly("SBIN", "HDFCBANK");
        HttpResponse<String> stale = put(operator, path(name), Map.of("exchange", "NSE", "symbols", List.of("SBIN"), "version", 1, "reason", REASON));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("code").asString()).isEqualTo("CONCURRENT_CHANGE");

        assertThat(delete(operator, name, null).statusCode()).as("a reason is required").isEqualTo(422);
        assertThat(delete(operator, name, REASON).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = viewer.get(path(name));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone).get("code").asString()).isEqualTo("NOT_FOUND");

        assertThat(audits(op.username(), "UNIVERSE_SAVE", "SUCCESS")).isEqualTo(2);
        assertThat(audits(op.username(), "UNIVERSE_SAVE", "FAILED")).as("the existing name, the stale version").isEqualTo(2);
        assertThat(audits(op.username(), "UNIVERSE_DELETE", "SUCCESS")).isEqualTo(1);
        assertThat(audits(op.username(), "UNIVERSE_DELETE", "FAILED")).as("no reason").isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from audit_event where username = ? and action = 'UNIVERSE_SAVE' and outcome = 'SUCCESS'"
                + " and target = ? and detail like 'v2 %'", String.class, op.username(), "universe:" + name)).contains("2 symbols (was 4)");
    }

    @Test
    void bad_input_is_a_problem_naming_each_bad_item_and_is_audited_failed() {
        TestUser op = users.create(io.tradepilot.security.Roles.Role.OPERATOR);
        ApiClient operator = api(op);
        List<String> symbols = new ArrayList<>(List.of("TCS", " ", "TCS", "IN\u0001FY", "reliance"));
        symbols.add(null);
        HttpResponse<String> r = create(operator, name("IT Bad"), "NSE", symbols);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_UNIVERSE");
        assertThat(problem.get("field").asString()).isEqualTo("symbols");
        List<String> paths = problem.get("problems").findValuesAsString("path");
        assertThat(paths).containsExactly("symbols[1]", "symbols[2]", "symbols[3]", "symbols[4]", "symbols[5]");
        assertThat(problem.get("problems").get(1).get("message").asString()).isEqualTo("duplicate symbol 'TCS'");
        assertThat(problem.get("problems").get(2).get("message").asString()).contains("control character");
        assertThat(problem.get("problems").get(3).get("message").asString()).contains("'reliance' is not an NSE symbol");

        JsonNode names = json(create(operator, "bad\u0007name", "LSE", List.of()));
        assertThat(names.get("problems").findValuesAsString("path")).containsExactly("name", "exchange", "symbols");
        assertThat(json(create(operator, " leading", "NSE", List.of("TCS"))).get("field").asString()).isEqualTo("name");
        HttpResponse<String> noReason = operator.post(BASE, body(Map.of("name", name("IT NoReason"), "exchange", "NSE", "symbols", List.of("TCS"))));
        assertThat(json(noReason).get("code").asString()).isEqualTo("REASON_REQUIRED");
        HttpResponse<String> missing = put(operator, path("IT never stored"), Map.of("exchange", "NSE", "symbols", List.of("TCS"), "reason", REASON));
        assertThat(missing.statusCode()).isEqualTo(404);

        assertThat(audits(op.username(), "UNIVERSE_SAVE", "FAILED")).isEqualTo(5);
        assertThat(audits(op.username(), "UNIVERSE_SAVE", "SUCCESS")).isZero();
    }

    @Test
    void viewers_are_refused_every_change_and_each_denial_is_audited() {
        TestUser v = users.viewer();
        ApiClient viewer = api(v);
        int before = audits(v.username(), "UNIVERSE_SAVE", "DENIED");
        int deletesBefore = audits(v.username(), "UNIVERSE_DELETE", "DENIED");
        assertThat(create(viewer, name("IT Viewer"), "NSE", List.of("TCS")).statusCode()).isEqualTo(403);
        assertThat(put(viewer, path("NIFTY 50"), Map.of("exchange", "NSE", "symbols", List.of("TCS"), "reason", REASON)).statusCode()).isEqualTo(403);
        assertThat(delete(viewer, "NIFTY 50", REASON).statusCode()).isEqualTo(403);
        assertThat(audits(v.username(), "UNIVERSE_SAVE", "DENIED")).isEqualTo(before + 2);
        assertThat(audits(v.username(), "UNIVERSE_DELETE", "DENIED")).isEqualTo(deletesBefore + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'UNIVERSE_DELETE' and target = ?",
                Integer.class, v.username(), "universe:NIFTY 50")).isEqualTo(deletesBefore + 1);
    }

    @Test
    void the_seeded_nifty_50_lists_fifty_nse_symbols() {
        JsonNode nifty = json(api(users.viewer()).get(path("NIFTY 50")));
        assertThat(nifty.get("exchange").asString()).isEqualTo("NSE");
        assertThat(texts(nifty.get("symbols"))).hasSize(50).doesNotHaveDuplicates().contains("RELIANCE", "M&M", "BAJAJ-AUTO", "ETERNAL", "JIOFIN");
    }

    @Test
    void a_version_naming_a_universe_runs_the_symbols_resolved_when_it_was_applied_until_it_is_applied_again() {
        ApiClient operator = api(users.operator());
        ApiClient admin = api(users.apiToken(users.admin()));
        String universe = name("IT Run");
        String id = "it-universe-" + System.nanoTime() % 1_000_000_000;
        assertThat(create(operator, universe, "NSE", List.of("SYNTH-ALPHA", "SYNTH-BETA")).statusCode()).isEqualTo(201);

        String unknown = "type: sma-cross\nname: " + id + "\nuniverse: \"IT no such universe\"\nparameters: {fast: 10, slow: 30}\nquantity: 10\n";
        HttpResponse<String> refused = put(operator, "/api/v1/strategies/" + id, Map.of("document", unknown, "reason", REASON));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(json(refused).get("problems").findValuesAsString("path")).containsExactly("universe");

        String doc = "type: sma-cross\nname: " + id + "\nuniverse: \"" + universe + "\"\nparameters: {fast: 10, slow: 30}\nquantity: 10\n";
        HttpResponse<String> saved = put(operator, "/api/v1/strategies/" + id, Map.of("document", doc, "reason", REASON));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(json(saved).get("document").asString()).contains("universe: \"" + universe + "\"").doesNotContain("symbols");
        HttpResponse<String> inUse = delete(operator, universe, REASON);
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(json(inUse).get("code").asString()).isEqualTo("UNIVERSE_IN_USE");

        jdbc.update("insert into promotion (config_key, version, stage, run_id, trades, sharpe, max_drawdown_p95, mc_method,"
                + " mc_simulations, mc_seed, thresholds_version, checks, promoted_by, promoted_at, reason)"
                + " values (?, 1, 'READY_FOR_PAPER', 0, 40, 1.2, 0.1, 'RESHUFFLE', 1000, 7, 1, 'IT|1|1|true', 'IT', now(), 'IT')", id);
        HttpResponse<String> applied = put(admin, "/api/v1/strategies/" + id + "/applied", Map.of("version", 1,
                "confirmation", StrategyConfigs.confirmation(id, 1), "reason", REASON));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select symbols from config_applied where kind = 'STRATEGY' and config_key = ? order by seq desc limit 1",
                String.class, id)).isEqualTo("SYNTH-ALPHA,SYNTH-BETA");

        // the universe changes: what runs (and every later start) keeps the list resolved at the application
        assertThat(put(operator, path(universe), Map.of("exchange", "NSE", "symbols", List.of("SYNTH-GAMMA"), "reason", REASON)).statusCode())
                .isEqualTo(200);
        DefaultStrategyConfigs starts = new DefaultStrategyConfigs(store, live, audit, appClock, promotion, new DefaultUniverses(db, store, audit, appClock));
        LiveStrategy running = starts.appliedForStart().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        assertThat(running.symbols()).containsExactly("SYNTH-ALPHA", "SYNTH-BETA");

        // applying the version again takes the universe as it is now
        assertThat(put(admin, "/api/v1/strategies/" + id + "/applied", Map.of("version", 1,
                "confirmation", StrategyConfigs.confirmation(id, 1), "reason", REASON)).statusCode()).isEqualTo(200);
        running = starts.appliedForStart().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
        assertThat(running.symbols()).containsExactly("SYNTH-GAMMA");
        assertThat(jdbc.queryForObject("select detail from audit_event where action = 'STRATEGY_CONFIG_APPLY' and target = ? and outcome = 'SUCCESS'"
                + " order by id desc limit 1", String.class, "strategy:" + id)).contains("universe '" + universe + "' resolved to SYNTH-GAMMA");

        jdbc.update("delete from config_applied where kind = 'STRATEGY' and config_key = ?", id);
        jdbc.update("delete from promotion where config_key = ?", id);
    }

    private static String run(String instruments) {
        return "{\"draft\": " + JSON.writeValueAsString("type: sma-cross\nname: it-draft\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n")
                + ", " + instruments + ", \"from\": \"2019-01-01\", \"to\": \"2020-12-31\", \"cash\": 1000000, \"quantity\": 100}";
    }

    private static JsonNode done(ApiClient api, long id) {
        eventually(Duration.ofSeconds(120), () -> {
            String state = json(api.get("/api/v1/backtests/" + id)).get("state").asString();
            assertThat(state).as("run " + id).isNotIn("FAILED", "CANCELLED");
            return "DONE".equals(state);
        }, "run " + id + " DONE");
        return json(api.get("/api/v1/backtests/" + id));
    }

    @Test
    void a_backtest_on_a_universe_equals_one_on_its_symbols_records_them_and_names_symbols_without_data() {
        ApiClient operator = api(users.operator());
        String universe = name("IT Backtest");
        assertThat(create(operator, universe, "NSE", List.of("SYNTH-BETA", "SYNTH-ALPHA")).statusCode()).isEqualTo(201);

        HttpResponse<String> bySymbols = operator.post("/api/v1/backtests", run("\"symbols\": [\"SYNTH-BETA\", \"SYNTH-ALPHA\"]"));
        assertThat(bySymbols.statusCode()).as(bySymbols.body()).isEqualTo(202);
        HttpResponse<String> byUniverse = operator.post("/api/v1/backtests", run("\"universe\": " + JSON.writeValueAsString(universe)));
        assertThat(byUniverse.statusCode()).as(byUniverse.body()).isEqualTo(202);
        JsonNode a = done(operator, json(bySymbols).get("id").asLong());
        JsonNode b = done(operator, json(byUniverse).get("id").asLong());

        assertThat(texts(b.get("symbols"))).containsExactly("SYNTH-BETA", "SYNTH-ALPHA").isEqualTo(texts(a.get("symbols")));
        assertThat(b.get("universe").asString()).isEqualTo(universe);
        assertThat(a.get("universe").isNull()).isTrue();
        assertThat(b.get("dataFingerprint").asString()).isEqualTo(a.get("dataFingerprint").asString());
        JsonNode ra = json(operator.get("/api/v1/backtests/" + a.get("id").asLong() + "/result"));
        JsonNode rb = json(operator.get("/api/v1/backtests/" + b.get("id").asLong() + "/result"));
        assertThat(rb.get("trades")).isEqualTo(ra.get("trades"));
        assertThat(rb.get("trades").size()).isPositive();
        assertThat(rb.get("symbols")).isEqualTo(ra.get("symbols"));

        // the universe changes later: the stored run keeps the symbols it ran on
        assertThat(put(operator, path(universe), Map.of("exchange", "NSE", "symbols", List.of("SYNTH-ALPHA", "IT-NODATA-1", "IT-NODATA-2"),
                "reason", REASON)).statusCode()).isEqualTo(200);
        assertThat(texts(json(operator.get("/api/v1/backtests/" + b.get("id").asLong())).get("symbols"))).containsExactly("SYNTH-BETA", "SYNTH-ALPHA");

        HttpResponse<String> noData = operator.post("/api/v1/backtests", run("\"universe\": " + JSON.writeValueAsString(universe)));
        assertThat(noData.statusCode()).as(noData.body()).isEqualTo(422);
        assertThat(json(noData).get("code").asString()).isEqualTo("NO_DATA");
        assertThat(json(noData).get("field").asString()).isEqualTo("universe");
        assertThat(json(noData).get("detail").asString()).contains("IT-NODATA-1, IT-NODATA-2 (2 of 3)");
        HttpResponse<String> both = operator.post("/api/v1/backtests", run("\"symbols\": [\"SYNTH-ALPHA\"], \"universe\": " + JSON.writeValueAsString(universe)));
        assertThat(json(both).get("field").asString()).isEqualTo("universe");
        HttpResponse<String> unknown = operator.post("/api/v1/backtests", run("\"universe\": \"IT no such universe\""));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("field").asString()).isEqualTo("universe");
    }
}
