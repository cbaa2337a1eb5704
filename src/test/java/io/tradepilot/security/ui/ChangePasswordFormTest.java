package io.tradepilot.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangePasswordFormTest {

    private final ChangePasswordForm form = new ChangePasswordForm();
    private final List<ChangePasswordForm.ChangePasswordEvent> events = new ArrayList<>();

    {
        form.addChangePasswordListener(events::add);
    }

    @Test
    void a_complete_form_fires_one_event_with_both_passwords() {
        form.current.setValue("old-password-1");
        form.replacement.setValue("new-password-12");
        form.repeat.setValue("new-password-12");

        form.save.click();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.currentPassword()).isEqualTo("old-password-1");
            assertThat(event.newPassword()).isEqualTo("new-password-12");
        });
    }

    @Test
    void differing_new_passwords_fire_nothing_and_mark_the_repeat_field() {
        form.current.setValue("old-password-1");
        form.replacement.setValue("new-password-12");
        form.repeat.setValue("new-password-13");

        form.save.click();

        assertThat(events).isEmpty();
        assertThat(form.repeat.isInvalid()).isTrue();
    }

    @Test
    void a_missing_current_password_fires_nothing() {
        form.replacement.setValue("new-password-12");
        form.repeat.setValue("new-password-12");

        form.save.click();

        assertThat(events).isEmpty();
        assertThat(form.current.isInvalid()).isTrue();
    }

    @Test
    void clearing_empties_every_field() {
        form.current.setValue("a");
        form.replacement.setValue("b");
        form.repeat.setValue("c");

        form.clear();

        assertThat(List.of(form.current.getValue(), form.replacement.getValue(), form.repeat.getValue()))
                .containsOnly("");
    }
}
