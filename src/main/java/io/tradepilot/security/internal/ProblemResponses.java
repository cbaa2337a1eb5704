package io.tradepilot.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * RFC 9457 problem details written by the security filters of the REST API and the actuator, before
 * any controller runs: 401 (with {@code WWW-Authenticate: Bearer}; code {@code AUTHENTICATION_REQUIRED}
 * without a token, {@code INVALID_TOKEN} for a refused one) and 403 (code {@code FORBIDDEN}).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String AUTHENTICATION_REQUIRED = "AUTHENTICATION_REQUIRED";
    static final String INVALID_TOKEN = "INVALID_TOKEN";
    static final String FORBIDDEN = "FORBIDDEN";

    private final String unauthenticatedDetail;

    /** For the REST API: a request without a token is told to send one. */
    ProblemResponses() {
        this("Send a valid API token: 'Authorization: Bearer tp_...'.");
    }

    ProblemResponses(String unauthenticatedDetail) {
        this.unauthenticatedDetail = unauthenticatedDetail;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(request, response, AUTHENTICATION_REQUIRED, unauthenticatedDetail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, FORBIDDEN, "Your role does not allow this.");
    }

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, String code, String detail)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"tradepilot\"");
        write(request, response, HttpStatus.UNAUTHORIZED, code, detail);
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                      String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = "{\"type\":\"about:blank\",\"title\":" + json(status.getReasonPhrase())
                + ",\"status\":" + status.value()
                + ",\"detail\":" + json(detail)
                + ",\"instance\":" + json(request.getRequestURI())
                + ",\"code\":" + json(code) + "}";
        response.getWriter().write(body);
    }

    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
