package io.tradepilot.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void a_secret_starts_with_tp_and_carries_256_random_bits() {
        String secret = TokenSecrets.generate();

        assertThat(secret).startsWith("tp_").hasSize(3 + 43);
        assertThat(TokenSecrets.looksValid(secret)).isTrue();
        assertThat(TokenSecrets.generate()).isNotEqualTo(secret);
    }

    @Test
    void the_stored_hash_is_the_sha256_hex_of_the_secret() {
        assertThat(TokenSecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenSecrets.hash("tp_abc")).isNotEqualTo(TokenSecrets.hash("tp_abd"));
    }

    @Test
    void the_display_prefix_shows_only_the_first_eight_characters_after_tp() {
        assertThat(TokenSecrets.displayPrefix("tp_ABCDEFGHIJKLMNOP")).isEqualTo("tp_ABCDEFGH");
    }

    @Test
    void values_that_cannot_be_tokens_are_recognised_without_a_lookup() {
        assertThat(TokenSecrets.looksValid(null)).isFalse();
        assertThat(TokenSecrets.looksValid("Basic abc")).isFalse();
        assertThat(TokenSecrets.looksValid("tp_short")).isFalse();
        assertThat(TokenSecrets.looksValid("tp_" + "a".repeat(30) + "'; drop table")).isFalse();
    }
}
