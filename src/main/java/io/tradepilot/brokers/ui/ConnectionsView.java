package io.tradepilot.brokers.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.brokers.BrokerAccount;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.brokers.BrokerAccounts;
import io.tradepilot.brokers.ConnectionCheck;
import io.tradepilot.brokers.VenueHealth;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.access.AccessDeniedException;

/**
 * The Connections page (admins): the broker accounts with their state — active, enabled, connected, last test or
 * error, rate-limit headroom, token expiry — and per account test, edit, make active / deactivate, delete; a form to
 * add one. Credentials are typed once and shown only as masked hints. The service checks the role again and audits
 * every change.
 */
@Route("connections")
@PageTitle("Connections · Tradepilot")
@Menu(title = "Connections", order = 85, icon = "vaadin:plug")
@RolesAllowed(Roles.ADMIN)
class ConnectionsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final BrokerAccounts accounts;
    final Grid<BrokerAccount> grid = new Grid<>();
    final AccountForm form = new AccountForm();

    ConnectionsView(BrokerAccounts accounts) {
        this.accounts = accounts;
        setSizeFull();
        setId("connections-view");
        grid.setId("connections-accounts");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(BrokerAccount::name).setHeader("Account").setAutoWidth(true);
        grid.addColumn(a -> a.broker() + " " + a.environment()).setHeader("Broker").setAutoWidth(true);
        grid.addColumn(BrokerAccount::tradingUrl).setHeader("Trading API").setFlexGrow(1);
        grid.addColumn(BrokerAccount::keyHint).setHeader("Key").setAutoWidth(true);
        grid.addColumn(ConnectionsView::state).setHeader("State").setFlexGrow(1);
        grid.addColumn(ConnectionsView::lastTest).setHeader("Last test").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        form.save.addClickListener(e -> save());
        add(new H3("Broker accounts"), new Paragraph("The active account is the one the engine trades through; with none, it "
                + "trades the built-in paper venue. Keys are stored encrypted and never shown again."), grid, form);
        refresh();
    }

    /** Active / enabled, and for the open session: connected, headroom, broker failing, token expiry, last error. */
    static String state(BrokerAccount a) {
        StringBuilder s = new StringBuilder(a.active() ? "active" : a.enabled() ? "enabled" : "disabled");
        VenueHealth h = a.health();
        if (h != null) {
            s.append(h.connected() ? ", connected" : ", not connected");
            if (h.brokerFailing()) s.append(", broker failing");
            if (h.rateLimitHeadroom() >= 0) s.append(", ").append(h.rateLimitHeadroom()).append(" requests left this minute");
            if (h.lastError() != null) s.append(", last error: ").append(h.lastError());
        }
        var expiry = h != null && h.tokenExpiresAt() != null ? h.tokenExpiresAt() : a.tokenExpiresAt();
        if (expiry != null) s.append(", token valid until ").append(TIME.format(expiry));
        return s.toString();
    }

    static String lastTest(BrokerAccount a) {
        if (a.lastTestAt() == null) return "never tested";
        return (Boolean.TRUE.equals(a.lastTestOk()) ? "OK" : "failed: " + a.lastError()) + " (" + TIME.format(a.lastTestAt()) + ")";
    }

    private HorizontalLayout actions(BrokerAccount a) {
        Button test = new Button("Test", e -> test(a));
        test.setId("account-test-" + a.id());
        Button edit = new Button("Edit", e -> form.edit(a));
        Button activation = a.active()
                ? new Button("Deactivate", e -> run(accounts::deactivate, "No account active: trading the paper venue"))
                : new Button("Make active", e -> run(() -> accounts.activate(a.id()), a.name() + " is the active account"));
        activation.setId("account-activation-" + a.id());
        activation.setEnabled(a.active() || a.enabled());
        Button delete = new Button("Delete", e -> run(() -> accounts.delete(a.id()), "Deleted " + a.name()));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setEnabled(!a.active());
        return new HorizontalLayout(test, edit, activation, delete);
    }

    void refresh() {
        grid.setItems(accounts.accounts());
    }

    private void test(BrokerAccount a) {
        try {
            ConnectionCheck check = accounts.test(a.id());
            notify((check.ok() ? "Connected: " : "Connection failed: ") + check.detail(), !check.ok());
        } catch (BrokerAccountRefusal refusal) {
            notify(refusal.getMessage(), true);
        } catch (AccessDeniedException denied) {
            notify("Your role does not allow this.", true);
        }
        refresh();
    }

    private void save() {
        form.clearErrors();
        try {
            Long id = form.editing();
            BrokerAccount saved = id == null ? accounts.create(form.request()) : accounts.update(id, form.request());
            form.clear();
            notify((id == null ? "Added " : "Saved ") + saved.name(), false);
            refresh();
        } catch (BrokerAccountRefusal refusal) {
            if (!form.show(refusal)) notify(message(refusal), true);
        } catch (AccessDeniedException denied) {
            notify("Your role does not allow this.", true);
        }
    }

    private void run(Runnable action, String success) {
        try {
            action.run();
            notify(success, false);
        } catch (BrokerAccountRefusal refusal) {
            notify(message(refusal), true);
        } catch (AccessDeniedException denied) {
            notify("Your role does not allow this.", true);
        }
        refresh();
    }

    private static String message(BrokerAccountRefusal refusal) {
        return "AUDIT_UNAVAILABLE".equals(refusal.code()) ? "The audit log cannot be written, so nothing was changed" : refusal.getMessage();
    }

    private static void notify(String message, boolean error) {
        Notification n = Notification.show(message, error ? 8000 : 4000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }
}
