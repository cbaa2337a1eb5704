package io.tradepilot.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.security.ApiTokenService;
import io.tradepilot.security.ApiTokenSummary;
import io.tradepilot.security.CreatedApiToken;
import io.tradepilot.security.SecurityRefusal;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;

/**
 * The user's personal API tokens: create one (its secret is shown once), see them all, revoke.
 * A token acts with the user's role.
 */
@Route("account/tokens")
@PageTitle("API tokens · Tradepilot")
@Menu(title = "API tokens", order = 92, icon = "vaadin:connect")
@PermitAll
public class ApiTokensView extends VerticalLayout {

    private final ApiTokenService tokens;
    private final Clock clock;
    private final Grid<ApiTokenSummary> grid = new Grid<>();

    public ApiTokensView(ApiTokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        NewTokenForm form = new NewTokenForm();
        form.addCreateTokenListener(event -> {
            try {
                Instant expiresAt = event.lifetime().duration().map(clock.instant()::plus).orElse(null);
                CreatedApiToken created = tokens.create(event.name(), expiresAt);
                form.clear();
                showOnce(created);
                refresh();
            } catch (SecurityRefusal refusal) {
                error(refusal.getMessage());
            }
        });

        grid.setId("api-tokens");
        grid.addColumn(ApiTokenSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ApiTokenSummary::prefix).setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(token -> Formats.time(token.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(token -> token.expiresAt() == null ? "never" : Formats.time(token.expiresAt()))
                .setHeader("Expires").setAutoWidth(true);
        grid.addColumn(token -> Formats.time(token.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        grid.addColumn(this::status).setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new H2("API tokens"),
                new Paragraph("Tokens let scripts call the REST API as you, with your role: "
                        + "send 'Authorization: Bearer <token>'. A token's secret is shown only when it is created."),
                form, grid);
        refresh();
    }

    private String status(ApiTokenSummary token) {
        if (token.revokedAt() != null) {
            return "revoked " + Formats.time(token.revokedAt());
        }
        return token.usableAt(clock.instant()) ? "active" : "expired";
    }

    private Button revokeButton(ApiTokenSummary token) {
        Button revoke = new Button("Revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        revoke.setEnabled(token.revokedAt() == null);
        revoke.addClickListener(click -> {
            ConfirmDialog confirm = new ConfirmDialog("Revoke '" + token.name() + "'?",
                    "Scripts using this token will be refused from now on.", "Revoke", yes -> {
                try {
                    tokens.revoke(token.id());
                    refresh();
                } catch (SecurityRefusal refusal) {
                    error(refusal.getMessage());
                }
            });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        return revoke;
    }

    private void showOnce(CreatedApiToken created) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Token '" + created.token().name() + "' created");
        TextField secret = new TextField("Copy it now: it will not be shown again");
        secret.setId("new-token-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        dialog.add(secret);
        Button done = new Button("I have copied it", click -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setWidth("36em");
        dialog.open();
    }

    private void refresh() {
        grid.setItems(tokens.listMine());
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
