package io.tradepilot.brokers.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.problem.Refusal;
import io.tradepilot.brokers.KiteLoginStatus;
import io.tradepilot.brokers.KiteLogins;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The Kite login page (admins): the day's login of every Kite account (Connections page) and, per account, a button to
 * sign in at Kite. Register this page's address ({@code https://<host>/kite-login}) as the Kite Connect app's redirect
 * URL: Kite comes back here with {@code request_token}, which the page hands to {@link KiteLogins#completeLogin} and then
 * drops from the address.
 */
@Route("kite-login")
@PageTitle("Kite login · Tradepilot")
@Menu(title = "Kite login", order = 85, icon = "vaadin:sign-in")
@RolesAllowed(Roles.ADMIN)
class KiteLoginView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter IST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'IST'").withZone(ZoneId.of("Asia/Kolkata"));

    private final KiteLogins logins;
    final VerticalLayout accounts = new VerticalLayout();
    final Paragraph outcome = new Paragraph();

    KiteLoginView(KiteLogins logins) {
        this.logins = logins;
        accounts.setId("kite-login-accounts");
        accounts.setPadding(false);
        outcome.setId("kite-login-outcome");
        add(new H2("Kite login"), new Paragraph("Kite access tokens last one trading day: they stop working at 06:00 IST. "
                + "Sign in every morning before the market opens."), accounts, outcome);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String requestToken = first(query, "request_token");
        String status = first(query, "status");
        if (requestToken == null && status == null) return;
        if (!"success".equals(status) || requestToken == null) {
            outcome.setText("Kite did not complete the sign-in (status " + status + "). Try again.");
        } else {
            outcome.setText(complete(requestToken, first(query, "state")));
        }
        refresh();
        // drop the one-time token from the address bar and the history
        UI.getCurrent().getPage().getHistory().replaceState(null, event.getLocation().getPath());
    }

    /** Exchanges the token; the sentence for the page. */
    String complete(String requestToken, String loginState) {
        try {
            KiteLoginStatus s = logins.completeLogin(requestToken, loginState);
            return "Signed in at Kite for " + s.accountName() + "; the token works until " + IST.format(s.validUntil()) + ".";
        } catch (Refusal r) {
            return r.getMessage() + " (" + r.code() + ")";
        }
    }

    private void begin(long accountId) {
        try {
            UI.getCurrent().getPage().setLocation(logins.beginLogin(accountId));
        } catch (Refusal r) {
            outcome.setText(r.getMessage() + " (" + r.code() + ")");
        }
    }

    void refresh() {
        accounts.removeAll();
        List<KiteLoginStatus> all = logins.status();
        if (all.isEmpty()) {
            accounts.add(new Paragraph("No Kite account yet: add one on the Connections page (api_key as key id, api_secret as secret)."));
        }
        for (KiteLoginStatus s : all) {
            Button signIn = new Button("Sign in at Kite", e -> begin(s.accountId()));
            signIn.setId("kite-sign-in-" + s.accountId());
            if (!s.usable()) signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Paragraph state = new Paragraph(describe(s));
            state.setId("kite-login-state-" + s.accountId());
            accounts.add(state, signIn);
        }
    }

    static String describe(KiteLoginStatus s) {
        return switch (s.state()) {
            case NOT_LOGGED_IN -> s.accountName() + ": nobody has signed in at Kite yet.";
            case LOGGED_IN -> s.accountName() + ": signed in; valid until " + IST.format(s.validUntil()) + ".";
            case EXPIRED -> s.accountName() + ": the token expired at " + IST.format(s.validUntil()) + ". Sign in again.";
            case LOGIN_NEEDED -> s.accountName() + ": " + s.problem() + ". Sign in again.";
        };
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
