package io.tradepilot.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tradepilot.base.web.StoreUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;

/**
 * Shown instead of Vaadin's error page when opening a page failed with a data access or transaction failure
 * (Spring's {@link NestedRuntimeException}s: jOOQ's and JPA's translated SQL errors, a transaction that could not
 * start, Redis): when {@link StoreUnavailable} says PostgreSQL or Redis did not answer, a notice that says so and
 * that the page can be reloaded in a few seconds (503); any other such failure a plain "could not be shown" (500),
 * logged. No stack trace or SQL reaches the browser.
 */
@AnonymousAllowed
public class StoreUnavailableView extends Main implements HasErrorParameter<NestedRuntimeException> {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NestedRuntimeException> parameter) {
        removeAll();
        addClassNames(LumoUtility.Padding.LARGE);
        setId("store-unavailable");
        Optional<StoreUnavailable> store = StoreUnavailable.of(parameter.getCaughtException());
        Anchor again = new Anchor(event.getLocation().getPathWithQueryParameters(), "Try again");
        if (store.isPresent()) {
            log.warn("'/{}' could not be shown: {} ({})", event.getLocation().getPath(), store.get().title(),
                    parameter.getCaughtException().getClass().getSimpleName());
            add(new H2(store.get().title()), new Paragraph(store.get().detail()
                    + " Nothing was changed. The controls (kill switch, circuit breaker) still act when the database is down."),
                    again);
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        log.error("'/{}' could not be shown", event.getLocation().getPath(), parameter.getCaughtException());
        add(new H2("This page could not be shown"), new Paragraph("Something went wrong on the server; it has been logged."),
                again);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
