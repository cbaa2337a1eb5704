package io.tradepilot.strategies;

import io.tradepilot.engine.strategy.params.Problem;

import java.util.List;

/**
 * A configuration request refused, with the HTTP status it maps to, a stable code, the offending field and, for
 * an invalid document, every validation problem: {@code INVALID_CONFIGURATION} (422), {@code REASON_REQUIRED}
 * (422), {@code CONFIRMATION_MISMATCH} (422), {@code NOT_FOUND} (404), {@code ALREADY_EXISTS} (409),
 * {@code NOT_APPLICABLE} (409, e.g. a symbol the running feed lacks), {@code PROMOTION_REQUIRED} (409, a version
 * applied before it reached the stage the trading mode needs), {@code AUDIT_UNAVAILABLE} (503).
 */
public final class ConfigRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final List<Problem> problems;

    public ConfigRefusal(int status, String code, String field, String message, List<Problem> problems) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    public ConfigRefusal(int status, String code, String field, String message) {
        this(status, code, field, message, List.of());
    }

    public static ConfigRefusal invalid(List<Problem> problems) {
        return new ConfigRefusal(422, "INVALID_CONFIGURATION", problems.isEmpty() ? null : problems.getFirst().path(),
                "the document is not valid: " + String.join("; ", problems.stream().map(Problem::toString).toList()), problems);
    }

    public int status() { return status; }
    public String code() { return code; }
    public String field() { return field; }
    public List<Problem> problems() { return problems; }
}
