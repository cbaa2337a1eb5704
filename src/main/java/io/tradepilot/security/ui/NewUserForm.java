package io.tradepilot.security.ui;

import io.tradepilot.security.PlainText;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.tradepilot.security.Roles.Role;

/**
 * A new user's name, role and optional initial password; fires {@link CreateUserEvent}. An empty
 * password means "generate one".
 */
public class NewUserForm extends FormLayout {

    final TextField username = new TextField("Username");
    final Select<Role> role = new Select<>();
    final PasswordField password = new PasswordField("Initial password");
    final Button create = new Button("Create user");

    public NewUserForm() {
        username.setId("new-username");
        username.setHelperText("3–64 characters: a–z, 0–9, '.', '_' or '-'.");
        role.setId("new-user-role");
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setValue(Role.VIEWER);
        password.setId("new-user-password");
        password.setHelperText("Leave empty to generate one; it is shown once.");
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            if (username.getValue().isBlank()) {
                username.setErrorMessage("Enter a username.");
                username.setInvalid(true);
                return;
            }
            var problem = PlainText.singleLineProblem(username.getValue());
            if (problem.isPresent()) {
                username.setErrorMessage("The username " + problem.get());
                username.setInvalid(true);
                return;
            }
            username.setInvalid(false);
            fireEvent(new CreateUserEvent(this, username.getValue().strip(), role.getValue(),
                    password.isEmpty() ? null : password.getValue()));
        });
        add(username, role, password, create);
    }

    public Registration addCreateUserListener(ComponentEventListener<CreateUserEvent> listener) {
        return addListener(CreateUserEvent.class, listener);
    }

    /** The admin asked to create a user. */
    public static final class CreateUserEvent extends ComponentEvent<NewUserForm> {

        private final String username;
        private final Role role;
        private final String password;

        CreateUserEvent(NewUserForm source, String username, Role role, String password) {
            super(source, false);
            this.username = username;
            this.role = role;
            this.password = password;
        }

        public String username() {
            return username;
        }

        public Role role() {
            return role;
        }

        /** The initial password, or {@code null} to generate one. */
        public String password() {
            return password;
        }
    }
}
