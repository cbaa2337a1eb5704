package io.tradepilot.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for text that people (or API clients) give the platform: reasons, notes, details, names,
 * symbols, ids and typed confirmation words. Refused: control characters (C0 {@code U+0000–U+001F},
 * {@code U+007F}, C1 {@code U+0080–U+009F}) and surrogate halves without their partner (not a character at all).
 * A <em>multi-line</em> field — one typed into a text area: a reason, notes, a detail — may hold line breaks and
 * tabs ({@code U+000A}, {@code U+000D}, {@code U+0009}); a <em>single-line</em> field — everything else — may not.
 * Services check their text arguments with it (a refusal names the field; REST answers 422 with code
 * {@code INVALID_TEXT} and {@code field}), forms check their fields with it (a field message), so both say the same.
 * Passwords are checked as single-line text when they are set.
 */
public final class PlainText {

    private PlainText() {
    }

    /**
     * A field whose text breaks the rule.
     *
     * @param field   the field's name as the caller knows it (the JSON property or parameter)
     * @param problem what is wrong, for people, without the field's name (a form shows it under the field)
     */
    public record Violation(String field, String problem) {

        /** What is wrong, naming the field (for a refusal). */
        public String message() {
            return "Field '" + field + "': " + problem;
        }
    }

    /** What is wrong with single-line {@code text}, or empty when it is plain (null is plain). */
    public static Optional<String> singleLineProblem(String text) {
        return problem(text, false);
    }

    /** What is wrong with multi-line {@code text}, or empty when it is plain (null is plain). */
    public static Optional<String> multiLineProblem(String text) {
        return problem(text, true);
    }

    /** The violation of single-line field {@code field} holding {@code text}, if any. */
    public static Optional<Violation> singleLine(String field, String text) {
        return singleLineProblem(text).map(problem -> new Violation(field, problem));
    }

    /** The violation of multi-line field {@code field} holding {@code text}, if any. */
    public static Optional<Violation> multiLine(String field, String text) {
        return multiLineProblem(text).map(problem -> new Violation(field, problem));
    }

    /** The first of {@code checks} that found a violation, in the order given. */
    @SafeVarargs
    public static Optional<Violation> first(Optional<Violation>... checks) {
        for (Optional<Violation> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problem(String text, boolean multiLine) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains a broken character (" + code(c) + ", half of a surrogate pair) at position "
                        + (i + 1) + ". Only plain text is accepted.");
            } else if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                return Optional.of("contains a control character (" + code(c) + ") at position " + (i + 1) + "."
                        + (multiLine ? " Only plain text, line breaks and tabs are accepted." : " Only plain text on one line is accepted."));
            }
        }
        return Optional.empty();
    }

    private static String code(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
