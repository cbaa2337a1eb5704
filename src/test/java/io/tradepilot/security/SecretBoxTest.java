package io.tradepilot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String TOKEN = "123456789:AAH-secret-token-abcdefghijklmnop";

    @TempDir
    Path dir;

    private static String key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void a_sealed_secret_opens_to_the_same_text_and_holds_none_of_it() {
        SecretBox box = SecretBox.of(key(1), dir.resolve("unused.key"));
        String sealed = box.seal(TOKEN, "alert_channel:TELEGRAM");
        assertThat(sealed).startsWith("v1:").doesNotContain(TOKEN).doesNotContain("secret-token");
        assertThat(box.open(sealed, "alert_channel:TELEGRAM")).isEqualTo(TOKEN);
        assertThat(box.seal(TOKEN, "alert_channel:TELEGRAM")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(dir.resolve("unused.key")).as("a configured key writes no key file").doesNotExist();
    }

    @Test
    void another_key_another_context_or_an_altered_value_do_not_open_and_say_nothing_secret() {
        SecretBox box = SecretBox.of(key(1), dir.resolve("k"));
        String sealed = box.seal(TOKEN, "alert_channel:TELEGRAM");
        assertThatThrownBy(() -> SecretBox.of(key(2), dir.resolve("k")).open(sealed, "alert_channel:TELEGRAM"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> box.open(sealed, "alert_channel:WEBHOOK")).isInstanceOf(IllegalStateException.class);
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.open(altered, "alert_channel:TELEGRAM")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(TOKEN, "alert_channel:TELEGRAM")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void without_a_configured_key_one_is_generated_into_an_owner_only_file_and_reused() throws Exception {
        Path file = dir.resolve("data/secrets.key");
        String sealed = SecretBox.of("", file).seal(TOKEN, "c");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain(TOKEN);
        assertThat(SecretBox.of(null, file).open(sealed, "c")).as("the same key after a restart").isEqualTo(TOKEN);
    }

    @Test
    void a_configured_key_that_is_not_32_bytes_of_base64_refuses_to_start() {
        assertThatThrownBy(() -> SecretBox.of("short", dir.resolve("k"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TRADEPILOT_SECRETS_KEY").hasMessageNotContaining("short");
        assertThatThrownBy(() -> SecretBox.of(Base64.getEncoder().encodeToString(new byte[16]), dir.resolve("k")))
                .isInstanceOf(IllegalStateException.class);
    }
}
