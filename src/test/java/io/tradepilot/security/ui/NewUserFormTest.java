package io.tradepilot.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.security.Roles.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewUserFormTest {

    private final NewUserForm form = new NewUserForm();
    private final List<NewUserForm.CreateUserEvent> events = new ArrayList<>();

    {
        form.addCreateUserListener(events::add);
    }

    @Test
    void an_empty_password_asks_for_a_generated_one() {
        form.username.setValue("carol");
        form.role.setValue(Role.OPERATOR);

        form.create.click();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.username()).isEqualTo("carol");
            assertThat(event.role()).isEqualTo(Role.OPERATOR);
            assertThat(event.password()).isNull();
        });
    }

    @Test
    void a_typed_password_is_passed_on() {
        form.username.setValue("dave");
        form.password.setValue("dave-initial-pw");

        form.create.click();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.password()).isEqualTo("dave-initial-pw");
            assertThat(event.role()).as("default role").isEqualTo(Role.VIEWER);
        });
    }

    @Test
    void no_username_no_event() {
        form.create.click();

        assertThat(events).isEmpty();
    }
}
