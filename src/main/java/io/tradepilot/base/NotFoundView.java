package io.tradepilot.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for a page that does not exist and, deliberately the same, for one the user's role may not
 * open (Vaadin reports denied navigation as "not found" so as not to reveal what exists).
 */
@AnonymousAllowed
public class NotFoundView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        Main content = new Main();
        content.addClassNames(LumoUtility.Padding.LARGE);
        content.add(new H2("This page is not available"),
                new Paragraph("'/" + event.getLocation().getPath() + "' does not exist, or your role may not open it."),
                new Anchor("", "Back to the dashboard"));
        getElement().appendChild(content.getElement());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
