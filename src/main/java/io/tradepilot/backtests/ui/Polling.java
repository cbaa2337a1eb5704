package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

import java.util.function.BooleanSupplier;

/** The backtest pages' live refresh: the browser polls once a second while a page is shown. */
final class Polling {

    /** Every poll's interval, in milliseconds. */
    static final int EVERY_MS = 1000;

    private Polling() { }

    /**
     * Calls {@code refresh} on every poll while {@code view} is attached (from its next attach on, and again after each
     * re-attach); polling stops when {@code refresh} answers false (e.g. its job ended) and when the view is detached.
     */
    static void whileAttached(Component view, BooleanSupplier refresh) {
        Registration[] poll = new Registration[1];
        view.addAttachListener(attach -> {
            attach.getUI().setPollInterval(EVERY_MS);
            poll[0] = attach.getUI().addPollListener(e -> {
                if (!refresh.getAsBoolean()) attach.getUI().setPollInterval(-1);
            });
        });
        view.addDetachListener(detach -> {
            if (poll[0] != null) poll[0].remove();
            detach.getUI().setPollInterval(-1);
        });
    }
}
