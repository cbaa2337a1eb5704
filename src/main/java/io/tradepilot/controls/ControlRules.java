package io.tradepilot.controls;

import java.time.Duration;

/**
 * The configurable numbers behind the control rules (BEHAVIOUR.md gives the defaults).
 *
 * @param engageReasonMinLength least length of the reason to engage the kill switch (trimmed)
 * @param resetReasonMinLength  least length of the reason to reset the circuit breaker (trimmed)
 * @param textMaxLength         most characters any reason, notes or detail may have
 * @param resetInterval         least time between two circuit breaker resets, across all users
 */
public record ControlRules(int engageReasonMinLength, int resetReasonMinLength, int textMaxLength,
                           Duration resetInterval) {

    /** The word an admin types to disengage the kill switch. */
    public static final String CONFIRMATION_WORD = "CONFIRM";

    public static ControlRules defaults() {
        return new ControlRules(10, 20, 500, Duration.ofMinutes(1));
    }

    Decision.Refused<?> checkText(String text, String what) {
        if (text != null && text.length() > textMaxLength) {
            return new Decision.Refused<>(new Refusal(RefusalCode.REASON_TOO_LONG,
                    what + " must be at most " + textMaxLength + " characters."));
        }
        return null;
    }

    static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}
