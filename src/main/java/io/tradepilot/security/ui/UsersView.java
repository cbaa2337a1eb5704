package io.tradepilot.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.security.CreatedUser;
import io.tradepilot.security.Roles;
import io.tradepilot.security.Roles.Role;
import io.tradepilot.security.SecurityRefusal;
import io.tradepilot.security.UserAdministration;
import io.tradepilot.security.UserSummary;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/**
 * Admins manage users here: create, change role, disable or enable, reset the password (the new
 * one is shown once). Hashes are never shown; the service refuses what would lock everyone out.
 */
@Route("admin/users")
@PageTitle("Users · Tradepilot")
@Menu(title = "Users", order = 80, icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private final UserAdministration administration;
    private final Clock clock;
    private final Grid<UserSummary> grid = new Grid<>();

    public UsersView(UserAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;

        Button newUser = new Button("New user", click -> openNewUserDialog());
        newUser.setId("new-user");
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("users");
        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true).setSortable(true);
        grid.addComponentColumn(this::roleSelect).setHeader("Role").setAutoWidth(true);
        grid.addColumn(this::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(user -> Formats.time(user.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(user -> Formats.time(user.passwordChangedAt())).setHeader("Password changed")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        add(new HorizontalLayout(new H2("Users"), newUser), grid);
        refresh();
    }

    private String status(UserSummary user) {
        if (!user.enabled()) {
            return "disabled";
        }
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant())) {
            return "locked until " + Formats.time(user.lockedUntil());
        }
        return "active";
    }

    private Select<Role> roleSelect(UserSummary user) {
        Select<Role> select = new Select<>();
        select.setItems(Role.values());
        select.setValue(user.role());
        select.addValueChangeListener(change -> {
            if (!change.isFromClient() || change.getValue() == null) {
                return;
            }
            run(() -> {
                administration.changeRole(user.username(), change.getValue());
                success(user.username() + " is now " + change.getValue() + ".");
            });
            refresh();
        });
        return select;
    }

    private HorizontalLayout actions(UserSummary user) {
        Button toggle = new Button(user.enabled() ? "Disable" : "Enable", click -> {
            run(() -> administration.setEnabled(user.username(), !user.enabled()));
            refresh();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button reset = new Button("Reset password", click -> confirmReset(user));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(toggle, reset);
    }

    private void confirmReset(UserSummary user) {
        ConfirmDialog confirm = new ConfirmDialog("Reset the password of " + user.username() + "?",
                "A new password is generated and shown once; their sessions end and any lockout is lifted.",
                "Reset", yes -> run(() -> showOnce(user.username() + "'s new password",
                        administration.resetPassword(user.username()))));
        confirm.setCancelable(true);
        confirm.open();
    }

    private void openNewUserDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New user");
        NewUserForm form = new NewUserForm();
        form.addCreateUserListener(event -> run(() -> {
            CreatedUser created = administration.createUser(event.username(), event.role(), event.password());
            dialog.close();
            refresh();
            created.generatedPassword().ifPresentOrElse(
                    password -> showOnce(created.user().username() + "'s password", password),
                    () -> success("Created " + created.user().username() + "."));
        }));
        dialog.add(form);
        dialog.open();
    }

    private void showOnce(String title, String password) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        TextField shown = new TextField("Hand it over safely: it will not be shown again");
        shown.setId("shown-password");
        shown.setValue(password);
        shown.setReadOnly(true);
        shown.setWidthFull();
        dialog.add(shown);
        Button done = new Button("Done", click -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.setWidth("30em");
        dialog.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (SecurityRefusal refusal) {
            Notification.show(refusal.getMessage(), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(administration.listUsers());
    }

    private static void success(String message) {
        Notification.show(message, 4000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
