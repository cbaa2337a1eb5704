package io.tradepilot.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresStartFailureTest {

    @TempDir
    Path dir;

    @Test
    void the_likely_cause_is_read_from_postgresqls_own_lines() {
        assertThat(PostgresStartFailure.likelyCause(List.of(
                "LOG:  could not bind IPv4 address \"127.0.0.1\": Address already in use",
                "WARNING:  could not create listen socket for \"127.0.0.1\"",
                "FATAL:  could not create any TCP/IP sockets"))).startsWith("the port is in use");
        assertThat(PostgresStartFailure.likelyCause(List.of(
                "FATAL:  lock file \"postmaster.pid\" already exists",
                "HINT:  Is another postmaster (PID 4242) running in data directory \"/x/postgres\"?")))
                .startsWith("another PostgreSQL runs on this data directory");
        assertThat(PostgresStartFailure.likelyCause(List.of("FATAL:  could not write lock file \"postmaster.pid\": No space left on device")))
                .startsWith("the disk is full");
        assertThat(PostgresStartFailure.likelyCause(List.of("FATAL:  could not create shared memory segment: Cannot allocate memory")))
                .startsWith("not enough memory");
        assertThat(PostgresStartFailure.likelyCause(List.of("FATAL:  data directory \"/x\" has invalid permissions",
                "FATAL:  could not open file \"global/pg_control\": Permission denied"))).startsWith("PostgreSQL may not use its files");
        assertThat(PostgresStartFailure.likelyCause(List.of("FATAL:  database files are incompatible with server")))
                .startsWith("the data directory was created by another PostgreSQL major version");
        assertThat(PostgresStartFailure.likelyCause(List.of("LOG:  invalid value for parameter \"shared_buffers\": \"plenty\"",
                "FATAL:  configuration file \"/x/postgresql.conf\" contains errors"))).startsWith("a setting in the data directory's postgresql.conf");
        assertThat(PostgresStartFailure.likelyCause(List.of("FATAL:  password authentication failed for user \"postgres\"")))
                .startsWith("the password in the password file does not match");
        assertThat(PostgresStartFailure.likelyCause(List.of(
                "LOG:  database system was interrupted; last known up at 2026-12-01 10:00:00 UTC",
                "LOG:  database system was not properly shut down; automatic recovery in progress",
                "LOG:  redo starts at 0/1A2B3C4"))).startsWith("PostgreSQL was still recovering from an unclean stop");
        assertThat(PostgresStartFailure.likelyCause(List.of("LOG:  redo done at 0/1A2B3C4",
                "LOG:  database system is ready to accept connections"))).startsWith("PostgreSQL started but did not answer in time");
        assertThat(PostgresStartFailure.likelyCause(List.of())).startsWith("unknown: PostgreSQL wrote nothing");
        assertThat(PostgresStartFailure.likelyCause(List.of("something else"))).startsWith("not recognised");
    }

    @Test
    void the_message_quotes_only_this_attempts_last_lines_and_the_cause() throws IOException {
        Path log = dir.resolve("postgres.log");
        Files.writeString(log, "FATAL:  an old failure of an earlier start\n");
        long offset = Files.size(log);
        Files.write(log, IntStream.rangeClosed(1, 30).mapToObj(i -> "LOG:  line " + i).toList(), java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(log, "FATAL:  could not create any TCP/IP sockets\npg_ctl: could not start server\n", java.nio.file.StandardOpenOption.APPEND);

        IllegalStateException e = PostgresStartFailure.of(dir.resolve("postgres"), 54329, log, offset,
                new IOException("Gave up waiting for server to start after 120000ms", new ConnectException("Connection refused")));

        assertThat(e.getMessage())
                .startsWith("The embedded PostgreSQL in " + dir.resolve("postgres").toAbsolutePath() + " did not start on 127.0.0.1:54329:"
                        + " Gave up waiting for server to start after 120000ms (Connection refused). Likely cause: the port is in use")
                .contains("Last lines of PostgreSQL's log " + log.toAbsolutePath() + ":\n    LOG:  line 13\n")
                .endsWith("    LOG:  line 30\n    FATAL:  could not create any TCP/IP sockets\n    pg_ctl: could not start server")
                .doesNotContain("line 12\n", "an old failure");
        assertThat(e.getMessage().lines().count()).isEqualTo(1 + PostgresStartFailure.TAIL_LINES);
    }

    @Test
    void a_silent_or_missing_log_is_said_so() {
        IllegalStateException e = PostgresStartFailure.of(dir.resolve("postgres"), 5, dir.resolve("none.log"), 0, new IOException("boom"));
        assertThat(e.getMessage()).contains("Likely cause: unknown: PostgreSQL wrote nothing",
                "PostgreSQL wrote nothing to its log " + dir.resolve("none.log").toAbsolutePath() + " during this attempt.");
    }
}
