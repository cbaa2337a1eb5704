package io.tradepilot.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.testing.IntegrationTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every error of an {@code /api} or {@code /actuator} path is a problem detail with a stable {@code code},
 * never an HTML page, a redirect or an empty body, and never a 5xx: also for what Tomcat or the security
 * firewall refuse before the application runs. Sent as raw bytes to the real Tomcat port, since HTTP
 * clients refuse to send most of these requests.
 */
class ApiErrorPathsIT extends IntegrationTestSupport {

    private String viewerToken;

    @BeforeEach
    void token() {
        viewerToken = users.apiToken(users.viewer());
    }

    @Test
    void an_encoded_nul_in_an_api_path_is_a_400_problem() {
        assertProblem(raw("GET /api/v1/orders/%00/cancel"), 400, "BAD_REQUEST_PATH");
        assertProblem(raw("GET /actuator/%00"), 400, "BAD_REQUEST_PATH");
    }

    @Test
    void an_encoded_slash_in_an_api_path_is_a_400_problem() {
        assertProblem(raw("GET /api/v1/orders/a%2Fb/cancel"), 400, "BAD_REQUEST_PATH");
    }

    @Test
    void an_encoded_percent_in_an_api_path_is_a_400_problem_and_never_a_redirect_to_the_sign_in_page() {
        assertProblem(raw("POST /api/v1/orders/%25ZZ/cancel", "Content-Length: 0"), 400, "BAD_REQUEST_PATH");
        assertProblem(raw("POST /api/v1/orders/%25ZZ/cancel", "Content-Length: 0",
                "Authorization: Bearer " + viewerToken), 400, "BAD_REQUEST_PATH");
    }

    @Test
    void a_header_section_over_the_limit_is_a_431_problem() {
        assertProblem(raw("GET /api/v1/positions", "X-Padding: " + "a".repeat(20 * 1024)), 431, "HEADER_TOO_LARGE");
    }

    @Test
    void the_non_public_actuator_endpoints_are_a_401_problem() {
        assertProblem(raw("GET /actuator/env"), 401, "AUTHENTICATION_REQUIRED");
        assertProblem(raw("POST /actuator/shutdown", "Content-Length: 0"), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void api_401_403_and_404_carry_codes() {
        assertProblem(raw("GET /api/v1/positions"), 401, "AUTHENTICATION_REQUIRED");
        assertProblem(raw("GET /api/v1/positions", "Authorization: Bearer tp_not-a-real-token"), 401, "INVALID_TOKEN");
        assertProblem(raw("POST /api/v1/flatten", "Content-Length: 0", "Authorization: Bearer " + viewerToken),
                403, "FORBIDDEN");
        assertProblem(raw("GET /api/v1/no-such-thing", "Authorization: Bearer " + viewerToken), 404, "NOT_FOUND");
    }

    @Test
    void a_malformed_symbol_is_a_400_problem_naming_it() {
        HttpResponse<String> response = api(viewerToken).get("/api/v1/bars/A$B");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"INVALID_PARAMETER\"").contains("\"symbol\"");
    }

    @Test
    void a_limit_out_of_range_or_not_a_number_is_a_400_problem_naming_it() {
        for (String endpoint : new String[] {"/api/v1/orders", "/api/v1/equity", "/api/v1/bars/SYNTH-ALPHA"}) {
            for (String limit : new String[] {"-1", "0", "1001", "ten", "99999999999"}) {
                HttpResponse<String> response = api(viewerToken).get(endpoint + "?limit=" + limit);
                assertThat(response.statusCode()).as(endpoint + "?limit=" + limit + ": " + response.body()).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).as(endpoint + "?limit=" + limit)
                        .contains("\"code\":\"INVALID_PARAMETER\"").contains("\"limit\"");
            }
            assertThat(api(viewerToken).get(endpoint + "?limit=1").statusCode()).as(endpoint).isEqualTo(200);
            assertThat(api(viewerToken).get(endpoint + "?limit=1000").statusCode()).as(endpoint).isEqualTo(200);
        }
    }

    private static void assertProblem(Raw response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.header("location")).as("no redirect").isNull();
        assertThat(response.body()).as(response.toString())
                .contains("\"status\":" + status).contains("\"code\":\"" + code + "\"");
    }

    /** Sends {@code requestLine HTTP/1.1} with the headers, as bytes, and reads the whole response. */
    private Raw raw(String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return Raw.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new AssertionError("no answer to " + requestLine, e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private record Raw(int status, Map<String, String> headers, String body) {

        static Raw parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete HTTP response: " + text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new Raw(status, headers, text.substring(end + 4));
        }

        String header(String name) {
            return headers.get(name);
        }
    }
}
