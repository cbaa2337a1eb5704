package io.tradepilot.brokers;

import io.tradepilot.base.problem.Refusal;

/**
 * A broker-account request refused, with the HTTP status it maps to, a stable code and the offending field:
 * 400 {@code INVALID_PARAMETER} (a bad value), 422 {@code INVALID_TEXT} (text that breaks
 * {@link io.tradepilot.security.PlainText}), 404 {@code ACCOUNT_NOT_FOUND}, 409 {@code ACCOUNT_NAME_TAKEN},
 * 409 {@code ACCOUNT_DISABLED} (a disabled account cannot be made active), 409 {@code ACCOUNT_ACTIVE} (the active
 * account cannot be deleted or disabled: deactivate it first), 422 {@code BROKER_NOT_SUPPORTED} (no adapter for the
 * broker in this build), 409 {@code SECRETS_UNREADABLE} (the stored credentials cannot be opened: the secrets key
 * changed; type them again), 503 {@code AUDIT_UNAVAILABLE}. Over REST it is the problem detail itself; {@link #getMessage()}
 * is the detail alone, for forms and the audit log.
 */
public final class BrokerAccountRefusal extends Refusal {

    public BrokerAccountRefusal(int status, String code, String field, String message) {
        super(status, code, field, message);
    }

    /** 400 {@code INVALID_PARAMETER} for {@code field}. */
    public static BrokerAccountRefusal badParameter(String field, String message) {
        return new BrokerAccountRefusal(400, "INVALID_PARAMETER", field, message);
    }

    /** 422 {@code INVALID_TEXT} for {@code field}. */
    public static BrokerAccountRefusal badText(String field, String message) {
        return new BrokerAccountRefusal(422, "INVALID_TEXT", field, message);
    }

    /** 404 {@code ACCOUNT_NOT_FOUND}. */
    public static BrokerAccountRefusal noSuchAccount(long id) {
        return new BrokerAccountRefusal(404, "ACCOUNT_NOT_FOUND", "id", "no broker account " + id);
    }
}
