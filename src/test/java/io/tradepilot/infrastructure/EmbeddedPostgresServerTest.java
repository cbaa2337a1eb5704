package io.tradepilot.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerTest {

    @Test
    void only_rules_that_all_ask_for_the_scram_password_or_reject_count_as_password_only() {
        assertThat(EmbeddedPostgresServer.passwordOnly(EmbeddedPostgresServer.PG_HBA.lines().toList())).isTrue();
        // what initdb -A trust (older Tradepilot versions) wrote
        assertThat(EmbeddedPostgresServer.passwordOnly(List.of(
                "# TYPE  DATABASE        USER            ADDRESS                 METHOD",
                "local   all             all                                     trust",
                "host    all             all             127.0.0.1/32            trust"))).isFalse();
        assertThat(EmbeddedPostgresServer.passwordOnly(List.of(
                "local   all             all                                     scram-sha-256",
                "host    all             all             0.0.0.0/0               md5"))).isFalse();
        assertThat(EmbeddedPostgresServer.passwordOnly(List.of(
                "local   all   all   SCRAM-SHA-256   # comment",
                "hostssl all   all   10.0.0.0/8      reject",
                "",
                "   # only a comment"))).isTrue();
        assertThat(EmbeddedPostgresServer.passwordOnly(List.of("host all all"))).as("a rule without a method").isFalse();
    }

    @Test
    void the_log_lives_beside_the_data_directory() {
        assertThat(EmbeddedPostgresServer.logFile(java.nio.file.Path.of("/d/postgres"))).isEqualTo(java.nio.file.Path.of("/d/postgres.log"));
    }
}
