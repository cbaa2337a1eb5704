package io.tradepilot.alerts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Anchor;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.base.HeaderItem;

/**
 * The header's count of alerts nobody has acknowledged: a bell linking to the Alerts page with the number (red
 * while above 0), read when the layout is built, after every navigation and when this browser tab acknowledged an
 * alert ({@link Changed}). Shows nothing when the count cannot be read (the database is down: the page says so
 * itself).
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
        com.vaadin.flow.shared.Registration[] listening = {null, null};
        link.addAttachListener(attach -> {
            listening[0] = attach.getUI().addAfterNavigationListener(navigated -> refresh(link));
            listening[1] = com.vaadin.flow.component.ComponentUtil.addListener(attach.getUI(), Changed.class, changed -> refresh(link));
        });
        link.addDetachListener(detach -> {
            for (var registration : listening) if (registration != null) registration.remove();
        });
        return link;
    }

    /** Fired on a UI when it acknowledged an alert, so that its header counts again. */
    static final class Changed extends com.vaadin.flow.component.ComponentEvent<com.vaadin.flow.component.UI> {
        Changed(com.vaadin.flow.component.UI ui) {
            super(ui, false);
        }
    }

    /** Tells {@code ui}'s header that the count changed. */
    static void changed(com.vaadin.flow.component.UI ui) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(ui, new Changed(ui));
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
