package io.tradepilot.controls;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.Locale;

/**
 * The one mapping from a {@link Refusal} to an RFC 9457 problem detail, for every REST endpoint that
 * refuses with one: 404 not found, 409 conflict, 422 invalid, 429 rate limited (with {@code Retry-After}
 * in whole seconds, at least 1), 503 unavailable. The body carries the refusal's code as {@code code}, its
 * message as {@code detail} and, when it is about one input field, that field's name as {@code field}; the type
 * is {@code https://tradepilot.io/problems/<code-in-kebab-case>}.
 */
public final class RefusalProblems {

    private RefusalProblems() {
    }

    /** The HTTP status of a refusal. */
    public static HttpStatus status(Refusal refusal) {
        return switch (refusal.code().kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The problem response of a refusal. */
    public static ResponseEntity<ProblemDetail> response(Refusal refusal) {
        HttpStatus status = status(refusal);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.message());
        problem.setTitle(switch (refusal.code().kind()) {
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Not possible in the current state";
            case INVALID -> "Request does not meet the rules";
            case RATE_LIMITED -> "Too many requests";
            case UNAVAILABLE -> switch (refusal.code()) {
                case STATE_UNAVAILABLE -> "Control state unknown";
                case AUDIT_UNAVAILABLE -> "Audit log unavailable";
                default -> "Service unavailable";
            };
        });
        problem.setType(problemType(refusal.code().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", refusal.code().name());
        refusal.field().ifPresent(field -> problem.setProperty("field", field));
        var response = ResponseEntity.status(status);
        refusal.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0)))));
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code https://tradepilot.io/problems/<slug>}. */
    public static URI problemType(String slug) {
        return URI.create("https://tradepilot.io/problems/" + slug);
    }
}
