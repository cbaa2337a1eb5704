package io.tradepilot.strategies.ui;

import com.vaadin.flow.component.html.Span;
import io.tradepilot.strategies.ConfigRefusal;
import org.springframework.security.access.AccessDeniedException;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** The strategy settings page's message line: a call's refusal or denial shown as an error instead of thrown. */
final class Messages {
    private Messages() {
    }

    /** Runs {@code call}; on a refusal passes it to {@code refused}, shows its message and returns null; a denial likewise. */
    static <T> T attempt(Span message, Supplier<T> call, Consumer<ConfigRefusal> refused) {
        try {
            return call.get();
        } catch (ConfigRefusal r) {
            refused.accept(r);
            say(message, r.getMessage(), true);
            return null;
        } catch (AccessDeniedException denied) {
            say(message, "Your role may not do this.", true);
            return null;
        }
    }

    static void say(Span message, String text, boolean error) {
        message.setText(text);
        message.getStyle().set("color", error ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
    }
}
