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
import io.tradepilot.brokers.BrokerRefusal;
import io.tradepilot.brokers.KiteLoginStatus;
import io.tradepilot.brokers.KiteLogins;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The Kite login page (admins): the state of the day's Kite login and a button to sign in at Kite. Register this
 * page's address ({@code https://<host>/kite-login}) as the Kite Connect app's redirect URL: Kite comes back here with
 * {@code request_token}, which the page hands to {@link KiteLogins#completeLogin} and then drops from the address.
 */
@Route("kite-login")
@PageTitle("Kite login · Tradepilot")
@Menu(title = "Kite login", order = 85, icon = "vaadin:sign-in")
@RolesAllowed(Roles.ADMIN)
class KiteLoginView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter IST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'IST'").withZone(ZoneId.of("Asia/Kolkata"));

    private final KiteLogins logins;
    final Paragraph state = new Paragraph();
    final Paragraph outcome = new Paragraph();
    final Button signIn = new Button("Sign in at Kite");

    KiteLoginView(KiteLogins logins) {
        this.logins = logins;
        state.setId("kite-login-state");
        outcome.setId("kite-login-outcome");
        signIn.setId("kite-sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickListener(e -> begin());
        add(new H2("Kite login"), new Paragraph("Kite access tokens last one trading day: they stop working at 06:00 IST. "
                + "Sign in every morning before the market opens."), state, signIn, outcome);
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
            return "Signed in at Kite as " + s.kiteUserId() + "; the token works until " + IST.format(s.validUntil()) + ".";
        } catch (BrokerRefusal r) {
            return r.getMessage() + " (" + r.code() + ")";
        }
    }

    private void begin() {
        try {
            UI.getCurrent().getPage().setLocation(logins.beginLogin());
        } catch (BrokerRefusal r) {
            outcome.setText(r.getMessage() + " (" + r.code() + ")");
        }
    }

    void refresh() {
        KiteLoginStatus s = logins.status();
        signIn.setEnabled(s.state() != KiteLoginStatus.State.NOT_CONFIGURED);
        state.setText(describe(s));
    }

    static String describe(KiteLoginStatus s) {
        return switch (s.state()) {
            case NOT_CONFIGURED -> "No Kite Connect app is configured (tradepilot.brokers.kite.api-key and api-secret).";
            case NOT_LOGGED_IN -> "Account " + s.accountId() + ": nobody has signed in at Kite yet.";
            case LOGGED_IN -> "Account " + s.accountId() + ": signed in as " + s.kiteUserId() + " by " + s.loggedInBy()
                    + "; valid until " + IST.format(s.validUntil()) + ".";
            case EXPIRED -> "Account " + s.accountId() + ": the token expired at " + IST.format(s.validUntil()) + ". Sign in again.";
            case LOGIN_NEEDED -> "Account " + s.accountId() + ": login needed — Kite refused the token (" + s.problem() + ").";
        };
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

}
