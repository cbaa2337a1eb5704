package io.tradepilot.brokers.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.db.Tables.BROKER_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerAccountRequest;
import io.tradepilot.brokers.BrokerAccounts;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Broker accounts end to end on real PostgreSQL, with WireMock as Alpaca's trading API: an admin adds an account
 * (credentials sealed in the database, masked in every answer, never in the log or the audit log), tests it, makes it
 * active (the engine host then gets its session) and deactivates it; bad input gets problems with stable codes;
 * operators and viewers are refused on the server and each refusal is audited.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokerAccountsIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "PKSTANDIN00KEY4321";
    private static final String SECRET = "alpaca-secret-never-logged-0987";
    private static final WireMockServer ALPACA = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Autowired DSLContext db;
    @Autowired VenueAccounts venueAccounts;
    @Autowired BrokerAccounts accounts;
    @Autowired List<io.tradepilot.brokers.VenueSessionFactory> factories;

    private String admin;

    @BeforeAll
    static void startStandIn() {
        ALPACA.start();
    }

    @AfterAll
    static void stopStandIn() {
        ALPACA.stop();
    }

    @BeforeEach
    void clean() {
        db.execute("TRUNCATE broker_active_account, broker_account RESTART IDENTITY CASCADE");
        ALPACA.resetAll();
        ALPACA.stubFor(get(urlPathEqualTo("/v2/account")).withHeader("APCA-API-KEY-ID", equalTo(KEY))
                .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET)).willReturn(okJson("""
                        {"id":"acc-1","account_number":"PA3STANDIN","status":"ACTIVE","currency":"USD","cash":"100000.00",
                         "buying_power":"200000","equity":"100000","trading_blocked":false}""")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/positions")).willReturn(okJson("[]")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders")).willReturn(okJson("[]")));
        admin = users.apiToken(users.admin());
    }

    private String body(String name, String key, String secret) {
        return """
                {"broker":"alpaca","name":"%s","environment":"PAPER","tradingUrl":"%s","marketDataUrl":"%s",
                 "tradeStreamUrl":"","dataStreamUrl":"ws://127.0.0.1:9/v2/iex","keyId":"%s","secret":"%s"}"""
                .formatted(name, ALPACA.baseUrl(), ALPACA.baseUrl(), key, secret);
    }

    private JsonNode created(String name) {
        HttpResponse<String> response = api(admin).post("/api/v1/brokers/accounts", body(name, KEY, SECRET));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    @Test
    void an_admin_adds_tests_activates_and_deactivates_the_stand_in_alpaca_and_no_credential_ever_shows(CapturedOutput output) {
        JsonNode account = created("alpaca paper");
        long id = account.get("id").asLong();
        assertThat(account.get("broker").asString()).isEqualTo("ALPACA");
        assertThat(account.get("keyHint").asString()).isEqualTo("••••4321");
        assertThat(account.get("dataFeed").asString()).isEqualTo("iex");
        assertThat(account.get("tradeStreamUrl").asString()).isEqualTo("wss://paper-api.alpaca.markets/stream");
        assertThat(account.get("active").asBoolean()).isFalse();

        JsonNode test = JSON.readTree(api(admin).post("/api/v1/brokers/accounts/" + id + "/test", "").body());
        assertThat(test.get("ok").asBoolean()).isTrue();
        assertThat(test.get("detail").asString()).contains("PA3STANDIN").contains("ACTIVE");
        ALPACA.verify(getRequestedFor(urlPathEqualTo("/v2/account")).withHeader("APCA-API-KEY-ID", equalTo(KEY)));

        assertThat(venueAccounts.activeSession()).isEmpty();
        HttpResponse<String> activated = api(admin).post("/api/v1/brokers/accounts/" + id + "/activate", "");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(JSON.readTree(activated.body()).get("active").asBoolean()).isTrue();
        Optional<VenueSession> session = venueAccounts.activeSession();
        assertThat(session).isPresent();
        try (VenueSession s = session.get()) {
            assertThat(s.broker()).isEqualTo("alpaca");
            assertThat(s.accountId()).isEqualTo(Long.toString(id));
            assertThat(s.live()).isFalse();
            assertThat(s.book().cash()).isEqualByComparingTo("100000.00");
            JsonNode listed = JSON.readTree(api(admin).get("/api/v1/brokers/accounts").body()).get(0);
            assertThat(listed.get("health")).isNotNull();
            assertThat(listed.get("health").get("rateLimitHeadroom").asInt()).isBetween(0, 200);
        }
        HttpResponse<String> deleteActive = api(admin).send(api(admin).request("/api/v1/brokers/accounts/" + id).DELETE());
        assertProblem(deleteActive, 409, "ACCOUNT_ACTIVE");

        assertThat(api(admin).post("/api/v1/brokers/accounts/deactivate", "").statusCode()).isEqualTo(204);
        assertThat(venueAccounts.activeSession()).isEmpty();
        assertThat(api(admin).send(api(admin).request("/api/v1/brokers/accounts/" + id).DELETE()).statusCode()).isEqualTo(204);

        // sealed in the database, masked in the API, never in the log or the audit log
        List<String> stored = db.select(BROKER_ACCOUNT.KEY_ID).from(BROKER_ACCOUNT).fetch(BROKER_ACCOUNT.KEY_ID);
        assertThat(stored).isEmpty();
        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(KEY);
        assertThat(db.select(AUDIT_EVENT.ACTION, AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.like("BROKER_ACCOUNT_%"))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")).fetch(AUDIT_EVENT.ACTION))
                .contains("BROKER_ACCOUNT_CREATED", "BROKER_ACCOUNT_TESTED", "BROKER_ACCOUNT_ACTIVATED",
                        "BROKER_ACCOUNT_DEACTIVATED", "BROKER_ACCOUNT_DELETED");
        assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.like("BROKER_ACCOUNT_%")).fetch(AUDIT_EVENT.DETAIL))
                .allSatisfy(detail -> assertThat(String.valueOf(detail)).doesNotContain(SECRET).doesNotContain(KEY));
    }

    @Test
    void credentials_are_sealed_at_rest_and_kept_when_an_update_omits_them() {
        long id = created("sealed").get("id").asLong();
        var row = db.selectFrom(BROKER_ACCOUNT).where(BROKER_ACCOUNT.ID.eq(id)).fetchOne();
        assertThat(row.getKeyId()).startsWith("v1:").doesNotContain(KEY);
        assertThat(row.getSecret()).startsWith("v1:").doesNotContain(SECRET);

        HttpResponse<String> updated = api(admin).send(api(admin).request("/api/v1/brokers/accounts/" + id)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"broker":"ALPACA","name":"sealed renamed","environment":"PAPER","tradingUrl":"%s","marketDataUrl":"%s"}"""
                        .formatted(ALPACA.baseUrl(), ALPACA.baseUrl()))));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.body()).doesNotContain(SECRET).contains("••••4321").contains("sealed renamed");
        assertThat(JSON.readTree(api(admin).post("/api/v1/brokers/accounts/" + id + "/test", "").body()).get("ok").asBoolean()).isTrue();
    }

    @Test
    void a_test_with_credentials_alpaca_refuses_says_so_and_is_recorded_on_the_account() {
        JsonNode account = JSON.readTree(api(admin).post("/api/v1/brokers/accounts", body("wrong keys", "PKWRONGKEY0000", "nope-secret")).body());
        ALPACA.stubFor(get(urlPathEqualTo("/v2/account")).withHeader("APCA-API-KEY-ID", equalTo("PKWRONGKEY0000"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"request is not authorized\"}")));
        JsonNode test = JSON.readTree(api(admin).post("/api/v1/brokers/accounts/" + account.get("id").asLong() + "/test", "").body());
        assertThat(test.get("ok").asBoolean()).isFalse();
        assertThat(test.get("detail").asString()).contains("HTTP 401").contains("not authorized").doesNotContain("nope-secret");
        JsonNode listed = JSON.readTree(api(admin).get("/api/v1/brokers/accounts").body()).get(0);
        assertThat(listed.get("lastTestOk").asBoolean()).isFalse();
        assertThat(listed.get("lastError").asString()).contains("HTTP 401");
    }

    @Test
    void bad_input_gets_a_problem_with_a_stable_code_and_the_field() {
        created("taken");
        assertProblem(api(admin).post("/api/v1/brokers/accounts", body("taken", KEY, SECRET)), 409, "ACCOUNT_NAME_TAKEN");
        assertProblem(api(admin).post("/api/v1/brokers/accounts", body("bell\\u0007", KEY, SECRET)), 422, "INVALID_TEXT");
        assertProblem(api(admin).post("/api/v1/brokers/accounts", """
                {"broker":"ALPACA","name":"x","environment":"PAPER","tradingUrl":"ftp://example.test","keyId":"k","secret":"s"}"""),
                400, "INVALID_PARAMETER", "tradingUrl");
        assertProblem(api(admin).post("/api/v1/brokers/accounts", """
                {"broker":"ALPACA","name":"x","environment":"PAPER","tradingUrl":"https://u:p@example.test","keyId":"k","secret":"s"}"""),
                400, "INVALID_PARAMETER", "tradingUrl");
        assertProblem(api(admin).post("/api/v1/brokers/accounts", """
                {"broker":"SCHWAB","name":"x","environment":"PAPER","keyId":"k","secret":"s"}"""), 400, "INVALID_PARAMETER", "broker");
        assertProblem(api(admin).post("/api/v1/brokers/accounts", """
                {"broker":"ALPACA","name":"x","environment":"PAPER"}"""), 400, "INVALID_PARAMETER", "keyId");
        assertProblem(api(admin).post("/api/v1/brokers/accounts/999999/activate", ""), 404, "ACCOUNT_NOT_FOUND");
        assertProblem(api(admin).post("/api/v1/brokers/accounts/abc/test", ""), 400, "INVALID_PARAMETER", "id");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("BROKER_ACCOUNT_CREATED"), AUDIT_EVENT.OUTCOME.eq("FAILED")))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void operators_and_viewers_are_refused_every_account_call_and_each_refusal_is_audited() {
        long id = created("admins only").get("id").asLong();
        for (TestUser caller : List.of(users.operator(), users.viewer())) {
            String token = users.apiToken(caller);
            assertProblem(api(token).get("/api/v1/brokers/accounts"), 403, "FORBIDDEN");
            assertProblem(api(token).post("/api/v1/brokers/accounts", body("never " + caller.username(), KEY, SECRET)), 403, "FORBIDDEN");
            assertProblem(api(token).post("/api/v1/brokers/accounts/" + id + "/activate", ""), 403, "FORBIDDEN");
            assertProblem(api(token).post("/api/v1/brokers/accounts/" + id + "/test", ""), 403, "FORBIDDEN");
            assertProblem(api(token).post("/api/v1/brokers/accounts/deactivate", ""), 403, "FORBIDDEN");
            assertProblem(api(token).send(api(token).request("/api/v1/brokers/accounts/" + id).DELETE()), 403, "FORBIDDEN");
            assertThatThrownBy(() -> users.as(caller, () -> accounts.delete(id))).isInstanceOf(AccessDeniedException.class);

            List<String> denied = db.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.USERNAME.eq(caller.username()))
                    .and(AUDIT_EVENT.OUTCOME.eq("DENIED")).fetch(AUDIT_EVENT.ACTION);
            assertThat(denied).contains("BROKER_ACCOUNT_ACCOUNTS", "BROKER_ACCOUNT_CREATE", "BROKER_ACCOUNT_ACTIVATE",
                    "BROKER_ACCOUNT_TEST", "BROKER_ACCOUNT_DEACTIVATE", "BROKER_ACCOUNT_DELETE");
        }
        assertThat(db.fetchCount(BROKER_ACCOUNT)).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("BROKER_ACCOUNT_DELETE"), AUDIT_EVENT.TARGET.eq("broker-account:" + id)))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_kite_account_is_stored_but_cannot_be_made_active_without_its_adapter() {
        HttpResponse<String> response = api(admin).post("/api/v1/brokers/accounts", """
                {"broker":"KITE","name":"zerodha","environment":"LIVE","keyId":"kiteapikey12345","secret":"kite-api-secret-xyz"}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode kite = JSON.readTree(response.body());
        assertThat(kite.get("tradingUrl").asString()).isEqualTo("https://api.kite.trade");
        assertThat(kite.get("dataStreamUrl").asString()).isEqualTo("wss://ws.kite.trade");
        boolean kiteAdapter = factories.stream().anyMatch(f -> f.broker() == BrokerKind.KITE);
        if (!kiteAdapter) {
            assertProblem(api(admin).post("/api/v1/brokers/accounts/" + kite.get("id").asLong() + "/activate", ""), 422, "BROKER_NOT_SUPPORTED");
        }
        assertThat(BrokerKind.KITE.adapter()).isEqualTo("kite");
        assertThat(new BrokerAccountRequest(BrokerKind.KITE, "n", AccountEnvironment.LIVE, null, null, null, null, null, null,
                "kiteapikey12345", "kite-api-secret-xyz").toString()).doesNotContain("kite-api-secret-xyz").doesNotContain("kiteapikey12345");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertProblem(response, status, code, null);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        if (field != null) assertThat(problem.get("field").asString()).isEqualTo(field);
    }
}
