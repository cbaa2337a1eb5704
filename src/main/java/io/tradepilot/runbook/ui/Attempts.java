package io.tradepilot.runbook.ui;

import com.vaadin.flow.component.html.Span;
import io.tradepilot.runbook.RunbookRefusal;
import org.springframework.security.access.AccessDeniedException;

/** Runs a runbook change from a view: a refusal or a denial is shown in the view's error line, never thrown. */
final class Attempts {

    static final String DENIED = "You are not allowed to do this.";

    private Attempts() {
    }

    /** Clears {@code error}, runs {@code change}; on a refusal or denial shows why and runs {@code afterRefusal}. */
    static void run(Span error, Runnable change, Runnable afterRefusal) {
        error.setText("");
        try {
            change.run();
        } catch (RunbookRefusal refusal) {
            error.setText(refusal.getMessage());
            afterRefusal.run();
        } catch (AccessDeniedException denied) {
            error.setText(DENIED);
            afterRefusal.run();
        }
    }
}
