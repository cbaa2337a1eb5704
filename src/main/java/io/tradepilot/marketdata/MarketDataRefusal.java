package io.tradepilot.marketdata;

import io.tradepilot.base.problem.Refusal;

import java.util.List;

/**
 * A market data request refused, with its HTTP status, a stable code and, for a refused file, every problem line
 * by line (the problem detail's {@code issues}): 400 {@code INVALID_PARAMETER}, 404 {@code NOT_FOUND},
 * 404 {@code UNKNOWN_SYMBOL}, 409 {@code SERIES_EXISTS}, 409 {@code OVERLAP}, 409 {@code NO_BROKER},
 * 413 {@code FILE_TOO_LARGE}, 422 {@code INVALID_FILE}, 422 {@code NO_BARS}, 422 {@code CONFIRMATION_MISMATCH},
 * 502 {@code BROKER_FAILED}, 503 {@code AUDIT_UNAVAILABLE}.
 */
public final class MarketDataRefusal extends Refusal {

    private final transient List<QualityIssue> issues;
    private final long totalErrors;

    public MarketDataRefusal(int status, String code, String field, String message) {
        this(status, code, field, message, List.of(), 0);
    }

    private MarketDataRefusal(int status, String code, String field, String message, List<QualityIssue> issues, long totalErrors) {
        super(status, code, field, message);
        this.issues = List.copyOf(issues);
        this.totalErrors = totalErrors;
        if (!issues.isEmpty()) {
            getBody().setProperty("issues", this.issues);
            getBody().setProperty("totalErrors", totalErrors);
        }
    }

    /** 422 {@code INVALID_FILE}: the file's errors (the first ones when there are very many) out of {@code totalErrors}. */
    public static MarketDataRefusal invalidFile(List<QualityIssue> errors, long totalErrors) {
        String lines = errors.stream().limit(5).map(i -> String.valueOf(i.line())).reduce((a, b) -> a + ", " + b).orElse("-");
        return new MarketDataRefusal(422, "INVALID_FILE", "file", "the file was refused, nothing was stored: " + totalErrors
                + (totalErrors == 1 ? " error" : " errors") + " (lines " + lines + (totalErrors > 5 ? ", ..." : "") + ")",
                errors, totalErrors);
    }

    /** 400 {@code INVALID_PARAMETER} for {@code field}. */
    public static MarketDataRefusal badParameter(String field, String message) {
        return new MarketDataRefusal(400, "INVALID_PARAMETER", field, message);
    }

    /** The errors of a refused file, line by line (empty for other refusals). */
    public List<QualityIssue> issues() {
        return issues;
    }

    /** How many errors the refused file had ({@link #issues()} holds at most the first 1000). */
    public long totalErrors() {
        return totalErrors;
    }
}
