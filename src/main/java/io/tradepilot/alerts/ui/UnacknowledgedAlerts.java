package io.tradepilot.alerts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Anchor;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.base.HeaderItem;

/**
 * The header's count of alerts nobody has acknowledged: a bell linking to the Alerts page with the number (red
 * while above 0), read when the layout is built and after every navigation. Shows nothing when the count cannot
 * be read (the database is down: the page says so itself).
 */
@org.springframework.stereotype.Component
class UnacknowledgedAlerts implements HeaderItem {

    private final Alerts alerts;

    UnacknowledgedAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public Component create() {
        Anchor link = new Anchor("alerts");
        link.getElement().setAttribute("router-link", true);
        link.setId("unacknowledged-alerts");
        link.getElement().setAttribute("title", "Unacknowledged alerts");
        refresh(link);
        com.vaadin.flow.shared.Registration[] listening = {null};
        link.addAttachListener(attach -> listening[0] = attach.getUI().addAfterNavigationListener(navigated -> refresh(link)));
        link.addDetachListener(detach -> {
            if (listening[0] != null) listening[0].remove();
        });
        return link;
    }

    /** Shows the current count on {@code link}. */
    void refresh(Anchor link) {
        link.removeAll();
        long n;
        try {
            n = alerts.unacknowledged();
        } catch (RuntimeException unavailable) {
            link.setVisible(false);
            return;
        }
        link.setVisible(true);
        com.vaadin.flow.component.html.Span count = new com.vaadin.flow.component.html.Span(Long.toString(n));
        count.getElement().getThemeList().add(n > 0 ? "badge error primary pill" : "badge contrast pill");
        link.add(new Icon(VaadinIcon.BELL), count);
    }
}
