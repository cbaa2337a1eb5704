package io.tradepilot.trading.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The success notification every trading view shows after a done action (id {@code action-notification}). */
final class Notices {

    private Notices() {
    }

    static void done(Outcome outcome) {
        Notification n = Notification.show(outcome.message(), 4000, Notification.Position.TOP_CENTER);
        n.setId("action-notification");
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
