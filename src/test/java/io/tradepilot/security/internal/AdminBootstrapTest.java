package io.tradepilot.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.Roles.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    private final AppUserRepository users = mock(AppUserRepository.class);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void at_first_start_the_admin_gets_the_password_from_the_environment_and_it_is_not_logged(CapturedOutput output) {
        when(users.count()).thenReturn(0L);

        bootstrap("env-given-Secret-123").run(null);

        AppUser admin = savedUser();
        assertThat(admin.username()).isEqualTo("admin");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(encoder.matches("env-given-Secret-123", admin.passwordHash())).isTrue();
        assertThat(output.getAll()).doesNotContain("env-given-Secret-123");
    }

    @Test
    void without_a_configured_password_a_random_one_is_generated_and_printed_once(CapturedOutput output) {
        when(users.count()).thenReturn(0L);

        bootstrap("").run(null);

        Matcher printed = Pattern.compile("password: (\\S{20})").matcher(output.getAll());
        assertThat(printed.find()).as("the password is printed").isTrue();
        String password = printed.group(1);
        assertThat(printed.find()).as("only once").isFalse();
        assertThat(encoder.matches(password, savedUser().passwordHash())).isTrue();
        assertThat(output.getAll()).contains("shown only this once");
    }

    @Test
    void nothing_happens_when_users_exist(CapturedOutput output) {
        when(users.count()).thenReturn(3L);

        bootstrap("").run(null);

        verify(users, never()).save(any());
        assertThat(output.getAll()).doesNotContain("password:");
    }

    @Test
    void a_configured_password_that_breaks_the_policy_stops_the_start_without_echoing_it() {
        when(users.count()).thenReturn(0L);

        assertThatThrownBy(() -> bootstrap("short").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRADEPILOT_ADMIN_PASSWORD")
                .hasMessageNotContaining("short\"");
        verify(users, never()).save(any());
    }

    private AdminBootstrap bootstrap(String configured) {
        return new AdminBootstrap(users, encoder, mock(AuditLog.class), clock, configured);
    }

    private AppUser savedUser() {
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        verify(users).save(saved.capture());
        return saved.getValue();
    }
}
