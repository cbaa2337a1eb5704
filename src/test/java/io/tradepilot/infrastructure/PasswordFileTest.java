package io.tradepilot.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void lives_beside_the_server_directory() {
        assertThat(PasswordFile.of(dir.resolve("postgres"))).isEqualTo(dir.resolve("postgres.password"));
    }

    @Test
    void a_missing_file_gets_a_new_random_password_readable_only_by_its_owner_and_keeps_it() throws Exception {
        Path file = dir.resolve("sub/redis.password");
        String first = PasswordFile.readOrCreate(file);
        assertThat(first).matches("[A-Za-z0-9_-]{43}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PasswordFile.readOrCreate(file)).isEqualTo(first);
        assertThat(PasswordFile.readOrCreate(dir.resolve("other.password"))).isNotEqualTo(first);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void wider_permissions_are_narrowed_and_an_unusable_password_is_refused() throws Exception {
        Path file = dir.resolve("postgres.password");
        Files.writeString(file, "a-restored-password-0123\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(PasswordFile.readOrCreate(file)).isEqualTo("a-restored-password-0123");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.writeString(file, "p@ss word with spaces");
        assertThatThrownBy(() -> PasswordFile.readOrCreate(file)).hasMessageContaining("holds no usable password")
                .message().doesNotContain("p@ss");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> PasswordFile.readOrCreate(file)).hasMessageContaining("holds no usable password");
    }
}
