package io.tradepilot.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewTokenFormTest {

    private final NewTokenForm form = new NewTokenForm();
    private final List<NewTokenForm.CreateTokenEvent> events = new ArrayList<>();

    {
        form.addCreateTokenListener(events::add);
    }

    @Test
    void a_named_token_is_requested_with_the_chosen_lifetime() {
        form.name.setValue("  monitoring  ");
        form.lifetime.setValue(NewTokenForm.Lifetime.DAYS_30);

        form.create.click();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.name()).isEqualTo("monitoring");
            assertThat(event.lifetime().duration()).contains(Duration.ofDays(30));
        });
    }

    @Test
    void a_token_without_a_name_is_not_requested() {
        form.create.click();

        assertThat(events).isEmpty();
        assertThat(form.name.isInvalid()).isTrue();
    }

    @Test
    void never_expiring_has_no_duration_and_ninety_days_is_the_default() {
        assertThat(NewTokenForm.Lifetime.NEVER.duration()).isEmpty();
        assertThat(form.lifetime.getValue()).isEqualTo(NewTokenForm.Lifetime.DAYS_90);
    }

    @Test
    void a_name_with_a_control_character_is_refused_under_the_field() {
        form.name.setValue("script\u001b[31m");

        form.create.click();

        assertThat(events).isEmpty();
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).startsWith("The name contains a control character (U+001B)");
    }
}
