package io.tradepilot.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The security headers and the session cookie over real HTTP: the sign-in page, a signed-in view, the
 * REST API and Vaadin's static files; the session id never in a URL; {@code Secure} behind TLS.
 */
class SecurityHeadersIT extends IntegrationTestSupport {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SCRIPT = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_sign_in_page_carries_every_security_header() {
        HttpResponse<String> login = get(browser, "/login");

        assertThat(login.statusCode()).isEqualTo(200);
        assertPageHeaders(login);
    }

    @Test
    void a_signed_in_view_carries_every_security_header() {
        TestUser viewer = users.viewer();
        signIn(viewer);

        HttpResponse<String> dashboard = get(browser, "/");

        assertThat(dashboard.statusCode()).as("the dashboard, signed in").isEqualTo(200);
        assertPageHeaders(dashboard);
    }

    @Test
    void api_responses_carry_a_data_only_policy() {
        HttpResponse<String> positions = api(users.apiToken(users.viewer())).get("/api/v1/positions");
        HttpResponse<String> refused = api().get("/api/v1/positions");

        for (HttpResponse<String> response : List.of(positions, refused)) {
            assertThat(header(response, "Content-Security-Policy")).startsWith("default-src 'none'")
                    .contains("frame-ancestors 'none'");
            assertThat(header(response, "Referrer-Policy")).isEqualTo("same-origin");
            assertThat(header(response, "Permissions-Policy")).contains("camera=()").contains("microphone=()")
                    .contains("geolocation=()");
            assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(response, "Cache-Control")).contains("no-store");
        }
    }

    @Test
    void vaadin_static_files_are_cached_without_revalidation_and_get_nosniff() {
        Matcher script = SCRIPT.matcher(get(browser, "/login").body());
        assertThat(script.find()).as("the sign-in page loads Vaadin's bundle").isTrue();

        HttpResponse<String> bundle = get(browser, "/" + script.group(1));

        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(header(bundle, "Cache-Control")).as("hashed names: kept a year, never revalidated")
                .isEqualTo("max-age=31536000, immutable");
        assertThat(bundle.headers().firstValue("Pragma")).as("Chromium revalidates on Pragma: no-cache").isEmpty();
        assertThat(bundle.headers().firstValue("Expires")).isEmpty();
        assertThat(header(bundle, "X-Content-Type-Options")).isEqualTo("nosniff");

        HttpResponse<String> push = get(browser, "/VAADIN/static/push/vaadinPush-min.js");
        assertThat(push.statusCode()).isEqualTo(200);
        assertThat(header(push, "Cache-Control")).contains("max-age=").doesNotContain("no-store").doesNotContain("no-cache");
        assertThat(push.headers().firstValue("Pragma")).isEmpty();
    }

    @Test
    void a_missing_bundle_file_is_not_cached_for_a_year() {
        HttpResponse<String> missing = get(browser, "/VAADIN/build/no-such-file-0000.js");

        assertThat(missing.statusCode()).as("not found, or to the sign-in page").isNotEqualTo(200);
        assertThat(missing.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable")
                .doesNotContain("max-age=3");
    }

    @Test
    void the_session_id_never_goes_into_a_url() {
        for (String path : List.of("/VAADIN/", "/", "/orders", "/VAADIN/no-such-file.js")) {
            HttpResponse<String> response = api().get(path);

            response.headers().firstValue("Location").ifPresent(location ->
                    assertThat(location).as(path).doesNotContainIgnoringCase("jsessionid"));
            assertThat(response.body()).as(path).doesNotContainIgnoringCase("jsessionid=");
        }
    }

    @Test
    void the_session_cookie_is_http_only_same_site_and_secure_when_the_request_came_over_tls() {
        HttpResponse<String> plain = api().get("/login");
        HttpResponse<String> behindTls = api().send(api().request("/login").header("X-Forwarded-Proto", "https"));

        String plainCookie = sessionCookie(plain);
        assertThat(plainCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        assertThat(sessionCookie(behindTls)).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
        assertThat(header(behindTls, "Strict-Transport-Security")).contains("max-age=");
    }

    private static void assertPageHeaders(HttpResponse<String> response) {
        assertThat(header(response, "Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'")
                .contains("style-src 'self' 'unsafe-inline'")
                .contains("object-src 'none'")
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self'");
        assertThat(header(response, "Referrer-Policy")).isEqualTo("same-origin");
        assertThat(header(response, "Permissions-Policy")).contains("camera=()").contains("microphone=()")
                .contains("geolocation=()");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "Cache-Control")).contains("no-store");
    }

    private void signIn(TestUser user) {
        Matcher csrf = CSRF.matcher(get(browser, "/login").body());
        assertThat(csrf.find()).as("the sign-in page's CSRF token").isTrue();
        String form = "username=" + encode(user.username()) + "&password=" + encode(user.password())
                + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> posted = send(browser, api().request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(posted.statusCode()).as("sign-in redirects").isEqualTo(302);
        assertThat(header(posted, "Location")).as("signed in").doesNotContain("error");
    }

    /** A request of the signed-in browser, whose cookies {@link #browser} keeps. */
    private HttpResponse<String> get(HttpClient client, String path) {
        return send(client, api().request(path).GET());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError("no " + name + " header in " + response.headers().map()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
