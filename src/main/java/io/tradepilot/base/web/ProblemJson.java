package io.tradepilot.base.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Problem details written where no message converter is at hand (servlet filters, the error dispatch,
 * Tomcat's error report), and the stable {@code code} every problem of the REST API carries.
 */
final class ProblemJson {

    static final String MEDIA_TYPE = "application/problem+json";

    /** The request path could not be accepted (encoded NUL, slash or percent, {@code ..}, bad characters). */
    static final String BAD_REQUEST_PATH = "BAD_REQUEST_PATH";
    /** The request's header section was larger than {@code server.max-http-request-header-size}. */
    static final String HEADER_TOO_LARGE = "HEADER_TOO_LARGE";
    /** A query or path parameter is missing, of the wrong type or out of its range. */
    static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    /** The body is missing or not valid JSON for the endpoint. */
    static final String MALFORMED_BODY = "MALFORMED_BODY";
    /** The body was read but its fields break the endpoint's rules. */
    static final String INVALID_REQUEST = "INVALID_REQUEST";

    private ProblemJson() {
    }

    /** Writes a problem with {@link #codeFor(int) the status's code}. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                      String detail) throws IOException {
        write(request, response, status, title, detail, codeFor(status));
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                      String detail, String code) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(status, title, detail, code, request.getRequestURI()));
    }

    static String body(int status, String title, String detail, String code, String instance) {
        return "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(instance)
                + ",\"code\":" + quote(code) + "}";
    }

    /**
     * The code of a problem that names none of its own: one per status, e.g. {@code NOT_FOUND},
     * {@code METHOD_NOT_ALLOWED}, {@code AUTHENTICATION_REQUIRED}, {@code FORBIDDEN}, {@code BODY_TOO_LARGE},
     * {@code INTERNAL_ERROR}; the status's name otherwise.
     */
    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "AUTHENTICATION_REQUIRED";
            case 403 -> "FORBIDDEN";
            case 413 -> "BODY_TOO_LARGE";
            case 431 -> HEADER_TOO_LARGE;
            case 500 -> "INTERNAL_ERROR";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known != null ? known.name() : "HTTP_" + status;
            }
        };
    }

    /** The reason phrase of a status, for the title. */
    static String titleFor(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /** Whether a request path (raw or decoded) belongs to the REST API or the actuator. */
    static boolean isApiPath(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator/")
                || path.equals("/actuator"));
    }

    /** As {@link #write(HttpServletRequest, HttpServletResponse, int, String, String)}, with a problem type and a stable {@code code}. */
    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                      String detail, String type, String code) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":" + quote(type) + ",\"title\":" + quote(title) + ",\"status\":" + status
                + ",\"detail\":" + quote(detail) + ",\"instance\":" + quote(request.getRequestURI())
                + ",\"code\":" + quote(code) + "}");
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
