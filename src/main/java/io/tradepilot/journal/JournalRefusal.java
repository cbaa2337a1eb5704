package io.tradepilot.journal;

/**
 * A journal request refused for its input, with the HTTP status it maps to, a stable code and the offending
 * field: bad paging or filter values (400), text that is empty, too long or holds control characters (422),
 * an unknown trade (404), an edit whose audit record cannot be written (503 {@code AUDIT_UNAVAILABLE}).
 */
public final class JournalRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public JournalRefusal(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String field() { return field; }

    /** 400 {@code INVALID_PARAMETER} for {@code field}. */
    public static JournalRefusal badParameter(String field, String message) {
        return new JournalRefusal(400, "INVALID_PARAMETER", field, message);
    }

    /** 422 {@code INVALID_TEXT} for {@code field}. */
    public static JournalRefusal badText(String field, String message) {
        return new JournalRefusal(422, "INVALID_TEXT", field, message);
    }

    /** 404 {@code TRADE_NOT_FOUND}. */
    public static JournalRefusal noSuchTrade(long id) {
        return new JournalRefusal(404, "TRADE_NOT_FOUND", "id", "no trade " + id);
    }
}
