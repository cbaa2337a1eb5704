package io.tradepilot.alerts;

/**
 * An alerts request refused for its input, with the HTTP status it maps to, a stable code and the offending
 * field: bad values (400 {@code INVALID_PARAMETER}, 422 {@code INVALID_TEXT} for text that breaks
 * {@link io.tradepilot.security.PlainText} or its length), an unknown channel (404 {@code CHANNEL_NOT_FOUND}), a
 * name already taken (409 {@code CHANNEL_NAME_TAKEN}), a change whose audit record cannot be written
 * (503 {@code AUDIT_UNAVAILABLE}).
 */
public final class AlertRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public AlertRefusal(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String field() { return field; }

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
