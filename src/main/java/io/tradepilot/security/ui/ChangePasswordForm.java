package io.tradepilot.security.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.shared.Registration;

/**
 * The change-own-password form. It checks only that the fields are filled and the new password is
 * typed twice alike, then fires a {@link ChangePasswordEvent}; the rules are the service's.
 */
public class ChangePasswordForm extends FormLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField replacement = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button save = new Button("Change password");

    public ChangePasswordForm() {
        current.setId("current-password");
        replacement.setId("new-password");
        repeat.setId("repeat-password");
        save.setId("change-password");
        replacement.setHelperText("At least 12 characters; not your username.");
        current.setRequired(true);
        replacement.setRequired(true);
        repeat.setRequired(true);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(click -> submit());
        add(current, replacement, repeat, save);
        setMaxWidth("28em");
    }

    private void submit() {
        current.setInvalid(current.isEmpty());
        current.setErrorMessage("Enter your current password.");
        boolean same = replacement.getValue().equals(repeat.getValue());
        repeat.setInvalid(!same);
        repeat.setErrorMessage("The two new passwords differ.");
        replacement.setInvalid(replacement.isEmpty());
        replacement.setErrorMessage("Enter a new password.");
        if (!current.isEmpty() && !replacement.isEmpty() && same) {
            fireEvent(new ChangePasswordEvent(this, current.getValue(), replacement.getValue()));
        }
    }

    /** Empties every field, e.g. after a successful change. */
    public void clear() {
        current.clear();
        replacement.clear();
        repeat.clear();
    }

    public Registration addChangePasswordListener(ComponentEventListener<ChangePasswordEvent> listener) {
        return addListener(ChangePasswordEvent.class, listener);
    }

    /** The user asked to change their password. */
    public static final class ChangePasswordEvent extends ComponentEvent<ChangePasswordForm> {

        private final String currentPassword;
        private final String newPassword;

        ChangePasswordEvent(ChangePasswordForm source, String currentPassword, String newPassword) {
            super(source, false);
            this.currentPassword = currentPassword;
            this.newPassword = newPassword;
        }

        public String currentPassword() {
            return currentPassword;
        }

        public String newPassword() {
            return newPassword;
        }
    }
}
