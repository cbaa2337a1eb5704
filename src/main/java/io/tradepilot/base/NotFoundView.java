package io.tradepilot.base;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown, inside the layout, for a page that does not exist and, deliberately the same, for one the user's role may not
 * open (Vaadin reports denied navigation as "not found" so as not to reveal what exists). Ids {@code not-available},
 * {@code not-available-path}.
 */
@AnonymousAllowed
@ParentLayout(MainLayout.class)
public class NotFoundView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        Main content = new Main();
        describe(content, event.getLocation().getPath());
        getElement().appendChild(content.getElement());
        return HttpServletResponse.SC_NOT_FOUND;
    }

    private static void describe(Main content, String path) {
        content.setId("not-available");
        content.addClassNames(LumoUtility.Padding.LARGE);
        Paragraph what = new Paragraph("'/" + path + "' does not exist, or your role may not open it.");
        what.setId("not-available-path");
        content.add(new H2("This page is not available"), what, new Anchor("", "Back to the dashboard"));
    }
}
