package io.tradepilot.brokers.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tradepilot.brokers.BrokerRefusal;
import io.tradepilot.brokers.KiteLoginStatus;
import io.tradepilot.brokers.KiteLogins;
import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerAccount;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.brokers.BrokerAccountRequest;
import io.tradepilot.brokers.BrokerAccounts;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.kite.KiteLogin;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kite login end to end in the application against a WireMock stand-in of Kite's {@code /session/token}, for a
 * Kite account stored like any other (Connections page): the state check, the checksum with the account's api_key and
 * api_secret, the token stored sealed with the account, its validity until 06:00 IST, roles and audit records.
 */
class KiteLoginIT extends IntegrationTestSupport {

    private static final String API_KEY = "itkiteapikey";
    private static final String SECRET = "it-kite-secret-never-logged";
    private static final WireMockServer KITE = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        KITE.start();
    }

    @DynamicPropertySource
    static void kite(DynamicPropertyRegistry registry) {
        registry.add("tradepilot.brokers.kite.login-url", () -> KITE.baseUrl() + "/connect/login");
    }

    @AfterAll
    static void stopKite() {
        KITE.stop();
    }

    @Autowired
    KiteLogins logins;

    @Autowired
    BrokerAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private TestUser admin;
    private long account;

    @BeforeEach
    void reset() {
        KITE.resetAll();
        admin = users.newAdmin();
        BrokerAccount created = users.as(admin, () -> accounts.create(new BrokerAccountRequest(BrokerKind.KITE,
                "kite-it-" + System.nanoTime(), AccountEnvironment.LIVE, KITE.baseUrl(), KITE.baseUrl(), null, null, null, true,
                API_KEY, SECRET)));
        account = created.id();
    }

    private static String stateOf(URI login) {
        String query = login.getRawQuery();
        String params = URLDecoder.decode(query.substring(query.indexOf("redirect_params=") + "redirect_params=".length()), StandardCharsets.UTF_8);
        return params.substring("state=".length());
    }

    private void stubSession(String requestToken, String accessToken) {
        KITE.stubFor(post(urlEqualTo("/session/token"))
                .withRequestBody(containing("checksum=" + KiteLogin.checksum(API_KEY, requestToken, SECRET)))
                .willReturn(okJson("{\"status\":\"success\",\"data\":{\"user_id\":\"AB1234\",\"user_name\":\"IT\",\"access_token\":\""
                        + accessToken + "\",\"public_token\":\"pub\",\"login_time\":\"2026-12-07 08:55:00\"}}")));
    }

    private KiteLoginStatus statusOf(TestUser user) {
        List<KiteLoginStatus> all = users.as(user, () -> logins.status());
        return all.stream().filter(s -> s.accountId() == account).findFirst().orElseThrow();
    }

    @Test
    void an_admin_signs_in_and_the_token_is_stored_sealed_with_the_account_valid_until_six_ist() {
        stubSession("reqtoken1", "daytoken1");
        assertThat(statusOf(admin).state()).isEqualTo(KiteLoginStatus.State.NOT_LOGGED_IN);

        URI login = users.as(admin, () -> logins.beginLogin(account));
        assertThat(login.toString()).startsWith(KITE.baseUrl() + "/connect/login?v=3&api_key=" + API_KEY + "&redirect_params=");
        KiteLoginStatus status = users.as(admin, () -> logins.completeLogin("reqtoken1", stateOf(login)));

        assertThat(status.state()).isEqualTo(KiteLoginStatus.State.LOGGED_IN);
        assertThat(status.validUntil()).isEqualTo(KiteLogin.validUntil(clock.instant()));
        assertThat(statusOf(admin)).isEqualTo(status);
        Map<String, Object> row = jdbc.queryForMap("select * from broker_account where id = ?", account);
        assertThat(row.get("access_token").toString()).startsWith("v1:").doesNotContain("daytoken1");
        assertThat(jdbc.queryForMap("select * from audit_event where username = ? and action = 'KITE_LOGIN' order by id desc limit 1",
                admin.username())).containsEntry("outcome", "SUCCESS").containsEntry("target", "broker-account:" + account)
                .hasEntrySatisfying("detail", d -> assertThat(d.toString()).contains("AB1234").doesNotContain("daytoken1"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'BROKER_ACCOUNT_TOKEN_STORED'"
                + " and outcome = 'SUCCESS'", Integer.class, admin.username())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where detail like '%daytoken1%' or detail like '%" + SECRET + "%'",
                Integer.class)).isZero();
        KITE.verify(1, postRequestedFor(urlEqualTo("/session/token")).withRequestBody(containing("request_token=reqtoken1")));

        clock.advance(Duration.ofHours(25));
        assertThat(statusOf(admin).state()).isEqualTo(KiteLoginStatus.State.EXPIRED);
    }

    @Test
    void a_state_that_is_unknown_used_or_another_admins_is_refused_and_nothing_is_sent() {
        TestUser other = users.newAdmin();
        stubSession("reqtoken2", "daytoken2");
        URI login = users.as(admin, () -> logins.beginLogin(account));

        assertThatThrownBy(() -> users.as(admin, () -> logins.completeLogin("reqtoken2", "0123456789abcdef")))
                .isInstanceOfSatisfying(BrokerRefusal.class, r -> assertThat(r.code()).isEqualTo("LOGIN_STATE_INVALID"));
        assertThatThrownBy(() -> users.as(other, () -> logins.completeLogin("reqtoken2", stateOf(login))))
                .isInstanceOfSatisfying(BrokerRefusal.class, r -> assertThat(r.code()).isEqualTo("LOGIN_STATE_INVALID"));
        assertThatThrownBy(() -> users.as(admin, () -> logins.completeLogin("reqtoken2", stateOf(login)))) // consumed by the other's try
                .isInstanceOfSatisfying(BrokerRefusal.class, r -> assertThat(r.code()).isEqualTo("LOGIN_STATE_INVALID"));
        assertThatThrownBy(() -> users.as(admin, () -> logins.completeLogin("bad&token", "x")))
                .isInstanceOfSatisfying(BrokerRefusal.class, r -> assertThat(r.code()).isEqualTo("INVALID_PARAMETER"));
        KITE.verify(0, postRequestedFor(urlEqualTo("/session/token")));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'KITE_LOGIN' and outcome = 'FAILED'",
                Integer.class, admin.username())).isEqualTo(3);
        assertThat(statusOf(admin).state()).isEqualTo(KiteLoginStatus.State.NOT_LOGGED_IN);
    }

    @Test
    void a_request_token_kite_refuses_is_refused_and_audited() {
        KITE.stubFor(post(urlEqualTo("/session/token")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Token is invalid or has expired.\",\"error_type\":\"TokenException\"}")));
        URI login = users.as(admin, () -> logins.beginLogin(account));

        assertThatThrownBy(() -> users.as(admin, () -> logins.completeLogin("stale", stateOf(login))))
                .isInstanceOfSatisfying(BrokerRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo("REQUEST_TOKEN_REFUSED");
                    assertThat(r.status()).isEqualTo(422);
                });
        assertThat(statusOf(admin).state()).isEqualTo(KiteLoginStatus.State.NOT_LOGGED_IN);
        assertThat(jdbc.queryForMap("select * from audit_event where username = ? and action = 'KITE_LOGIN' order by id desc limit 1",
                admin.username())).containsEntry("outcome", "FAILED");
    }

    @Test
    void a_login_for_an_account_that_is_not_kite_or_does_not_exist_is_refused() {
        BrokerAccount alpaca = users.as(admin, () -> accounts.create(new BrokerAccountRequest(BrokerKind.ALPACA,
                "alpaca-it-" + System.nanoTime(), AccountEnvironment.PAPER, null, null, null, null, null, true, "alpacakey12345", "alpacasecret")));
        assertThatThrownBy(() -> users.as(admin, () -> logins.beginLogin(alpaca.id())))
                .isInstanceOfSatisfying(BrokerAccountRefusal.class, r -> assertThat(r.code()).isEqualTo("INVALID_PARAMETER"));
        assertThatThrownBy(() -> users.as(admin, () -> logins.beginLogin(999_999L)))
                .isInstanceOfSatisfying(BrokerAccountRefusal.class, r -> assertThat(r.code()).isEqualTo("ACCOUNT_NOT_FOUND"));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'KITE_LOGIN_STARTED'"
                + " and outcome = 'FAILED'", Integer.class, admin.username())).isEqualTo(2);
    }

    @Test
    void operators_and_viewers_are_denied_the_login_and_each_denial_is_audited() {
        for (TestUser caller : new TestUser[] {users.operator(), users.viewer()}) {
            assertThatThrownBy(() -> users.as(caller, () -> logins.beginLogin(account))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> users.as(caller, () -> logins.completeLogin("x", "y"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> users.as(caller, () -> logins.status())).isInstanceOf(AccessDeniedException.class);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action in"
                    + " ('KITE_BEGIN_LOGIN', 'KITE_COMPLETE_LOGIN', 'KITE_STATUS') and outcome = 'DENIED'", Integer.class,
                    caller.username())).isEqualTo(3);
        }
    }
}
