package io.tradepilot.strategies.internal;

import io.tradepilot.security.PlainText;
import io.tradepilot.strategies.ConfigRefusal;

import java.util.regex.Pattern;

/** Input rules shared by the configuration services: reasons, ids, confirmations. */
final class TextRules {
    private TextRules() {
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** Words of the REST paths under {@code /api/v1/strategies/} that an id would shadow. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("configs", "types", "validate", "universes");

    /** The stripped reason; refuses (422 REASON_REQUIRED / INVALID_TEXT) a blank, overlong or control-character one. */
    static String reason(String reason) {
        if (reason == null || reason.isBlank()) throw new ConfigRefusal(422, "REASON_REQUIRED", "reason", "a reason is required");
        if (reason.strip().length() > 2000) throw new ConfigRefusal(422, "INVALID_TEXT", "reason", "the reason is longer than 2000 characters");
        PlainText.multiLine("reason", reason).ifPresent(v -> {
            throw new ConfigRefusal(422, "INVALID_TEXT", "reason", "reason: " + v.problem());
        });
        return reason.strip();
    }

    /**
     * Refuses (422 INVALID_ID) an id that is not 1–64 letters, digits, '_', '.', '-' starting with a letter or digit, or
     * that is a word of the REST paths ({@code configs}, {@code types}, {@code validate}, {@code universes}).
     */
    static String id(String field, String id) {
        if (!valid(id)) {
            throw new ConfigRefusal(422, "INVALID_ID", field, field + " must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return id;
    }

    /** Whether {@code text} is short single-line text that may be written into an audit target as given. */
    static boolean plain(String text) {
        return text.length() <= 64 && PlainText.singleLineProblem(text).isEmpty();
    }

    static boolean valid(String id) {
        return id != null && ID.matcher(id).matches() && !RESERVED.contains(id);
    }
}
