package io.tradepilot.security.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.security.AccountService;
import io.tradepilot.security.SecurityRefusal;
import jakarta.annotation.security.PermitAll;

/** Every user changes their own password here. */
@Route("account/password")
@PageTitle("Password · Tradepilot")
@Menu(title = "Password", order = 91, icon = "vaadin:key")
@PermitAll
public class PasswordView extends VerticalLayout {

    public PasswordView(AccountService accounts) {
        ChangePasswordForm form = new ChangePasswordForm();
        form.addChangePasswordListener(event -> {
            try {
                accounts.changeOwnPassword(event.currentPassword(), event.newPassword());
                form.clear();
                Notification.show("Your password has been changed.", 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (SecurityRefusal refusal) {
                Notification.show(refusal.getMessage(), 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        add(new H2("Change your password"), form);
    }
}
