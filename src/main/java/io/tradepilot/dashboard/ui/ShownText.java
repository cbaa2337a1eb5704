package io.tradepilot.dashboard.ui;

import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasText;

/**
 * Changes what a component shows only when it differs. Flow sends a component's text again (its text node
 * cleared and re-added) on every {@code setText}, and a button's state on every {@code setEnabled}, even when
 * the value is the same; the dashboard re-applies its state on every poll and every desk frame, so without this
 * each session's answers and pushes carry the whole unchanged dashboard again.
 */
final class ShownText {

    private ShownText() {
    }

    /** Sets {@code text} on {@code target} unless it already shows exactly that. */
    static void show(HasText target, String text) {
        if (!text.equals(target.getText())) target.setText(text);
    }

    /** Enables or disables {@code target} unless it already is. */
    static void enable(HasEnabled target, boolean enabled) {
        if (target.isEnabled() != enabled) target.setEnabled(enabled);
    }
}
