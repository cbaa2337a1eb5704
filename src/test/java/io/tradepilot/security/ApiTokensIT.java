package io.tradepilot.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.security.Roles.Role;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** API tokens over real HTTP: the bearer filter, the owner's role, refusals as problem details. */
class ApiTokensIT extends IntegrationTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    UserAdministration administration;

    @Test
    void a_token_acts_as_its_owner_with_the_owners_role() {
        TestUser operator = users.operator();
        String token = users.apiToken(operator);

        HttpResponse<String> response = api(token).get("/api/v1/me");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"username\":\"" + operator.username() + "\"")
                .contains("\"role\":\"OPERATOR\"");
    }

    @Test
    void only_a_sha256_hash_and_a_short_prefix_are_stored() throws Exception {
        TestUser viewer = users.viewer();
        String token = users.apiToken(viewer);

        Map<String, Object> row = jdbc.queryForMap("select t.* from api_token t join app_user u on u.id = t.user_id "
                + "where u.username = ?", viewer.username());
        String expectedHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(row.get("token_hash")).isEqualTo(expectedHash);
        assertThat(row.get("token_prefix")).isEqualTo(token.substring(0, 11));
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(token.substring(11)));
    }

    @Test
    void a_revoked_token_is_refused_with_a_problem_detail() {
        TestUser viewer = users.viewer();
        String token = users.apiToken(viewer);
        long id = users.as(viewer, () -> tokens.listMine().getFirst().id());
        users.as(viewer, () -> tokens.revoke(id));

        HttpResponse<String> response = api(token).get("/api/v1/me");

        assertUnauthorized(response, "revoked");
    }

    @Test
    void an_expired_token_is_refused() {
        TestUser viewer = users.viewer();
        String token = users.apiToken(viewer, clock.instant().plus(Duration.ofHours(1)));
        assertThat(api(token).get("/api/v1/me").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertUnauthorized(api(token).get("/api/v1/me"), "expired");
    }

    @Test
    void the_token_of_a_disabled_user_is_refused() {
        TestUser operator = users.operator();
        String token = users.apiToken(operator);
        users.disable(operator);

        assertUnauthorized(api(token).get("/api/v1/me"), "disabled");
    }

    @Test
    void an_unknown_token_a_malformed_one_and_none_at_all_are_refused() {
        assertUnauthorized(api("tp_" + "x".repeat(43)).get("/api/v1/me"), "unknown");
        assertUnauthorized(api("not a token").get("/api/v1/me"), "malformed");
        HttpResponse<String> none = api().get("/api/v1/me");
        assertUnauthorized(none, "Bearer");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void basic_authentication_is_not_accepted_on_the_api() {
        TestUser viewer = users.viewer();
        String basic = java.util.Base64.getEncoder().encodeToString(
                (viewer.username() + ":" + viewer.password()).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = api().send(api().request("/api/v1/me").header("Authorization", "Basic " + basic).GET());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_role_change_applies_to_existing_tokens_at_once() {
        TestUser operator = users.operator();
        String token = users.apiToken(operator);
        users.as(users.admin(), () -> administration.changeRole(operator.username(), Role.VIEWER));

        assertThat(api(token).get("/api/v1/me").body()).contains("\"role\":\"VIEWER\"");
    }

    @Test
    void creating_and_revoking_are_audited_without_the_secret() {
        TestUser viewer = users.viewer();
        String token = users.apiToken(viewer);
        long id = users.as(viewer, () -> tokens.listMine().getFirst().id());
        users.as(viewer, () -> tokens.revoke(id));

        assertThat(jdbc.queryForList("select action from audit_event where username = ? order by id",
                String.class, viewer.username())).containsSubsequence("API_TOKEN_CREATED", "API_TOKEN_REVOKED");
        assertThat(jdbc.queryForList("select coalesce(detail, '') from audit_event where username = ?",
                String.class, viewer.username())).noneMatch(detail -> detail.contains(token.substring(11)));
    }

    @Test
    void nobody_can_revoke_someone_elses_token_except_an_admin() {
        TestUser owner = users.viewer();
        TestUser other = users.operator();
        users.apiToken(owner);
        long id = users.as(owner, () -> tokens.listMine().getFirst().id());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.as(other, () -> tokens.revoke(id)))
                .isInstanceOf(SecurityRefusal.class);
        assertThat(users.as(users.admin(), () -> tokens.revoke(id)).revokedAt()).isNotNull();
    }

    @Test
    void an_expiry_in_the_past_is_refused() {
        TestUser viewer = users.viewer();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.as(viewer,
                        () -> tokens.create("old", clock.instant().minusSeconds(1))))
                .isInstanceOf(SecurityRefusal.class).hasMessageContaining("future");
    }

    private static void assertUnauthorized(HttpResponse<String> response, String detailPart) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").contains(detailPart);
    }
}
