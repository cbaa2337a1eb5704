package io.tradepilot.base;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request a module refused, with its HTTP status and a stable code the module owns: over REST it is the problem
 * detail itself ({@code code} property, the message as {@code detail}); {@link #getMessage()} is the message alone, for
 * views and the audit log. Modules extend it with their own codes (e.g. {@code brokers.BrokerRefusal}).
 */
public abstract class CodedRefusal extends ErrorResponseException {

    private final String code;
    private final String detail;

    protected CodedRefusal(int status, String code, String message) {
        super(HttpStatusCode.valueOf(status), problem(status, code, message), null);
        this.code = code;
        this.detail = message;
    }

    private static ProblemDetail problem(int status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), message);
        problem.setProperty("code", code);
        return problem;
    }

    public int status() {
        return getStatusCode().value();
    }

    public String code() {
        return code;
    }

    @Override
    public String getMessage() {
        return detail;
    }
}
