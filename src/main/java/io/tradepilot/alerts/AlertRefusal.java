package io.tradepilot.alerts;

import io.tradepilot.base.problem.Refusal;

/**
 * An alerts request refused for its input, with the HTTP status it maps to, a stable code and the offending
 * field: bad values (400 {@code INVALID_PARAMETER}, 422 {@code INVALID_TEXT} for text that breaks
 * {@link io.tradepilot.security.PlainText} or its length), an unknown channel (404 {@code CHANNEL_NOT_FOUND}), a
 * name already taken (409 {@code CHANNEL_NAME_TAKEN}), a change whose audit record cannot be written
 * (503 {@code AUDIT_UNAVAILABLE}). Over REST it is the problem detail itself (the API's problem handler writes
 * it, with {@code code} and {@code field}); {@link #getMessage()} is the detail alone, for forms and the audit log.
 */
public final class AlertRefusal extends Refusal {

    public AlertRefusal(int status, String code, String field, String message) {
        super(status, code, field, message);
    }

    /** 400 {@code INVALID_PARAMETER} for {@code field}. */
    public static AlertRefusal badParameter(String field, String message) {
        return new AlertRefusal(400, "INVALID_PARAMETER", field, message);
    }

    /** 422 {@code INVALID_TEXT} for {@code field}. */
    public static AlertRefusal badText(String field, String message) {
        return new AlertRefusal(422, "INVALID_TEXT", field, message);
    }

    /** 404 {@code CHANNEL_NOT_FOUND}. */
    public static AlertRefusal noSuchChannel(long id) {
        return new AlertRefusal(404, "CHANNEL_NOT_FOUND", "id", "no alert channel " + id);
    }
}
