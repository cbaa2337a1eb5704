package io.tradepilot.controls;

import io.tradepilot.audit.AuditUnavailableException;
import io.tradepilot.security.PlainText;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A change that was not made, with a code for machines and a message for people.
 *
 * @param retryAfter for {@link RefusalCode#RATE_LIMITED}: how long until the change may be asked again
 * @param field      the input field the refusal is about (e.g. {@code reason}), when it is about one
 */
public record Refusal(RefusalCode code, String message, Optional<Duration> retryAfter, Optional<String> field) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(field, "field");
    }

    public Refusal(RefusalCode code, String message) {
        this(code, message, Optional.empty(), Optional.empty());
    }

    public Refusal(RefusalCode code, String message, Optional<Duration> retryAfter) {
        this(code, message, retryAfter, Optional.empty());
    }

    /** {@link RefusalCode#INVALID_TEXT}, naming the field. */
    public static Refusal invalidText(PlainText.Violation violation) {
        return new Refusal(RefusalCode.INVALID_TEXT, violation.message(), Optional.empty(), Optional.of(violation.field()));
    }

    /** {@link RefusalCode#AUDIT_UNAVAILABLE}: the change was not made because it could not be recorded first. */
    public static Refusal auditUnavailable(AuditUnavailableException e) {
        return new Refusal(RefusalCode.AUDIT_UNAVAILABLE, e.getMessage());
    }
}
