package io.tradepilot.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.security.SecurityRefusal;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void a_password_of_twelve_varied_characters_is_accepted() {
        assertThatCode(() -> PasswordPolicy.check("alice", "correct-horse")).doesNotThrowAnyException();
    }

    @Test
    void a_password_shorter_than_twelve_characters_is_refused_with_the_rule() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "short-pass1"))
                .isInstanceOf(SecurityRefusal.class).hasMessageContaining("at least 12");
    }

    @Test
    void a_password_over_seventy_two_bytes_is_refused_because_bcrypt_would_ignore_the_rest() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "é".repeat(37)))
                .isInstanceOf(SecurityRefusal.class).hasMessageContaining("72 bytes");
    }

    @Test
    void a_password_containing_the_username_is_refused() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "my-ALICE-password"))
                .isInstanceOf(SecurityRefusal.class).hasMessageContaining("username");
    }

    @Test
    void a_repetitive_password_is_refused() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "abababababababab"))
                .isInstanceOf(SecurityRefusal.class);
    }

    @Test
    void generated_passwords_are_twenty_characters_satisfy_the_policy_and_differ() {
        String first = PasswordPolicy.generate();
        String second = PasswordPolicy.generate();

        assertThat(first).hasSize(20).isNotEqualTo(second);
        assertThatCode(() -> PasswordPolicy.check("admin", first)).doesNotThrowAnyException();
    }
}
