package io.tradepilot.infrastructure;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Explains why the embedded PostgreSQL did not come up: PostgreSQL's own last log lines of this attempt
 * and the likely cause read from them (port in use, another or stale postmaster, shared memory, disk
 * full, permissions, an unfinished crash recovery, a wrong password), so that the operator need not
 * guess from "Gave up waiting … Connection refused".
 */
final class PostgresStartFailure {

    /** How many of PostgreSQL's last log lines the message quotes. */
    static final int TAIL_LINES = 20;
    /** Most bytes read from the end of the log (the lines of one start attempt are far fewer). */
    private static final int TAIL_BYTES = 64 * 1024;

    private PostgresStartFailure() {
    }

    /**
     * The exception to throw when the server did not start.
     *
     * @param log       PostgreSQL's log file (its standard output and error)
     * @param logOffset the log's size before this attempt: only what was written since is quoted
     */
    static IllegalStateException of(Path dataDirectory, int port, Path log, long logOffset, Exception cause) {
        List<String> lines = lastLines(log, logOffset, TAIL_LINES);
        StringBuilder message = new StringBuilder("The embedded PostgreSQL in ").append(dataDirectory.toAbsolutePath())
                .append(" did not start on 127.0.0.1:").append(port).append(": ").append(summary(cause))
                .append(". Likely cause: ").append(likelyCause(lines)).append('.');
        if (lines.isEmpty()) {
            message.append(" PostgreSQL wrote nothing to its log ").append(log.toAbsolutePath()).append(" during this attempt.");
        } else {
            message.append(" Last lines of PostgreSQL's log ").append(log.toAbsolutePath()).append(':');
            lines.forEach(l -> message.append("\n    ").append(l));
        }
        return new IllegalStateException(message.toString(), cause);
    }

    /** The likely cause in a few words, from PostgreSQL's log lines of the failed attempt. */
    static String likelyCause(List<String> lines) {
        String log = String.join("\n", lines).toLowerCase(Locale.ROOT);
        if (lines.isEmpty()) {
            return "unknown: PostgreSQL wrote nothing, so it probably never ran (its binaries could not be executed, or the machine is too"
                    + " busy to start it in time)";
        }
        if (has(log, "address already in use", "could not bind", "could not create any tcp/ip sockets")) {
            return "the port is in use by another program: stop it or set TRADEPILOT_EMBEDDED_PG_PORT to a free port";
        }
        if (has(log, "lock file \"postmaster.pid\" already exists", "is another postmaster")) {
            return "another PostgreSQL runs on this data directory, or left a postmaster.pid whose process id is now another"
                    + " program's: stop that server, or remove postmaster.pid when no PostgreSQL runs";
        }
        if (has(log, "no space left on device", "disk full")) {
            return "the disk is full: free space where the data directory lives";
        }
        if (has(log, "could not create shared memory segment", "could not map anonymous shared memory", "shmget", "shared memory",
                "out of memory", "cannot allocate memory")) {
            return "not enough memory or shared memory for PostgreSQL: free memory or raise the shared memory limits";
        }
        if (has(log, "permission denied", "operation not permitted")) {
            return "PostgreSQL may not use its files: check the owner and permissions of the data directory";
        }
        if (has(log, "database files are incompatible with server")) {
            return "the data directory was created by another PostgreSQL major version";
        }
        if (has(log, "invalid value for parameter", "contains errors", "unrecognized configuration parameter")) {
            return "a setting in the data directory's postgresql.conf is invalid: correct or remove it";
        }
        if (has(log, "password authentication failed")) {
            return "the password in the password file does not match the database's: restore the right file (docs/security.md)";
        }
        if (has(log, "ready to accept connections")) {
            return "PostgreSQL started but did not answer in time: the machine is very busy";
        }
        if (has(log, "not properly shut down", "was interrupted", "automatic recovery in progress", "redo starts at")) {
            return "PostgreSQL was still recovering from an unclean stop when the wait ended (a busy machine): start again, the"
                    + " recovery continues where it stopped";
        }
        return "not recognised: see PostgreSQL's own lines below";
    }

    private static boolean has(String log, String... needles) {
        return Arrays.stream(needles).anyMatch(log::contains);
    }

    private static String summary(Throwable cause) {
        StringBuilder s = new StringBuilder(String.valueOf(cause.getMessage()));
        for (Throwable c = cause.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null) s.append(" (").append(c.getMessage()).append(')');
        }
        return s.toString();
    }

    /** The last {@code max} non-blank lines written to {@code log} after {@code offset}; none when it cannot be read. */
    static List<String> lastLines(Path log, long offset, int max) {
        try {
            if (!Files.isRegularFile(log)) {
                return List.of();
            }
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                long end = file.length();
                long start = Math.max(Math.min(offset, end), end - TAIL_BYTES);
                byte[] bytes = new byte[(int) (end - start)];
                file.seek(start);
                file.readFully(bytes);
                List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList());
                return List.copyOf(lines.subList(Math.max(0, lines.size() - max), lines.size()));
            }
        } catch (IOException e) {
            return List.of();
        }
    }
}
