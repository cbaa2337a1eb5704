package io.tradepilot.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.tradepilot.base.web.StoreUnavailable;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every Vaadin session's error handler, for failures after a page is open (a click, a refresh, a push): when
 * {@link StoreUnavailable} says PostgreSQL or Redis did not answer, the user sees a notification saying so
 * (the page stays as it was) instead of Vaadin's generic error; every other failure goes to Vaadin's default
 * handling. Failures while opening a page are {@link StoreUnavailableView}'s.
 */
@Component
class StoreUnavailableErrors implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableErrors.class);
    static final int NOTICE_MILLIS = 8_000;

    private final ErrorHandler fallback = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        Optional<StoreUnavailable> store = StoreUnavailable.of(event.getThrowable());
        UI ui = UI.getCurrent();
        if (store.isEmpty() || ui == null) {
            fallback.error(event);
            return;
        }
        log.warn("An action failed: {} ({})", store.get().title(), event.getThrowable().getClass().getSimpleName());
        notice(store.get());
    }

    /** Shows the notice in the current UI. */
    static Notification notice(StoreUnavailable store) {
        Notification notification = Notification.show(store.title() + ": " + store.detail()
                        + " What you did may not have been completed: check before doing it again.",
                NOTICE_MILLIS, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("store-unavailable-notice");
        return notification;
    }
}
