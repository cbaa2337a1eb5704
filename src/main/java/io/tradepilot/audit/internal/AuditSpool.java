package io.tradepilot.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit records the store could not take, kept in a local append-only file until it can: one JSON object per
 * line, each line forced to disk ({@code fsync}) before {@link #append} returns. The directory belongs to one
 * process (a lock file, held while the spool is open); a second one is refused.
 * <p>
 * {@link #drain} moves the file aside ({@code audit-spool-draining-<n>.jsonl}), hands its records to the store in
 * batches and deletes it once all are written; records appended meanwhile start a new file. A crash at any point
 * loses nothing and, since the store keeps one row per event id, duplicates nothing: the next drain writes the
 * same records again. A line that cannot be read (the torn last line of a crash in the middle of a write) is
 * moved to {@code audit-spool-rejected.jsonl} and logged at ERROR; an append after a torn line starts on a line
 * of its own, so it is never glued to the fragment.
 */
final class AuditSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditSpool.class);

    static final String ACTIVE = "audit-spool.jsonl";
    static final String REJECTED = "audit-spool-rejected.jsonl";
    private static final String DRAINING_PREFIX = "audit-spool-draining-";
    private static final String SUFFIX = ".jsonl";
    private static final String LOCK = "audit-spool.lock";

    private final Path directory;
    private final JsonMapper json;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Object files = new Object();
    private final Object draining = new Object();
    private long sequence;

    private AuditSpool(Path directory, JsonMapper json, FileChannel lockChannel, FileLock lock, long sequence) {
        this.directory = directory;
        this.json = json;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.sequence = sequence;
    }

    /**
     * Opens the spool in {@code directory} (created when missing), keeping what an earlier run left there.
     *
     * @throws IllegalStateException when another process, or another spool of this process, uses the directory
     * @throws UncheckedIOException  when the directory cannot be used
     */
    static AuditSpool open(Path directory, JsonMapper json) {
        Path dir = directory.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("Another process uses the audit spool directory " + dir
                        + ": give each Tradepilot process its own (tradepilot.audit.spool-directory, TRADEPILOT_DATA_DIR).");
            }
            long next = 0;
            for (Path file : drainingFiles(dir)) {
                next = Math.max(next, number(file) + 1);
            }
            return new AuditSpool(dir, json, channel, lock, next);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw new IllegalStateException("This process already uses the audit spool directory " + dir, e);
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("Cannot open the audit spool in " + dir, e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    Path directory() {
        return directory;
    }

    /** Appends one record as one line and forces it to disk before returning. */
    void append(AuditRecord record) throws IOException {
        byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (files) {
            // at the end: this spool is the file's only writer (the directory lock, and this monitor)
            try (FileChannel out = FileChannel.open(directory.resolve(ACTIVE), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long end = out.size();
                boolean created = end == 0;
                ByteBuffer buffer = endsTorn(out) ? ByteBuffer.allocate(line.length + 1).put((byte) '\n').put(line).flip()
                        : ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    end += out.write(buffer, end);
                }
                out.force(true);
                if (created) {
                    forceDirectory();
                }
            }
        }
    }

    /** Bytes of records waiting to be written to the store (the active file and those being drained); -1 when unreadable. */
    long sizeBytes() {
        synchronized (files) {
            try {
                Path active = directory.resolve(ACTIVE);
                long size = Files.exists(active) ? Files.size(active) : 0;
                for (Path file : drainingFiles(directory)) size += Files.size(file);
                return size;
            } catch (IOException e) {
                return -1;
            }
        }
    }

    /** Whether no record waits to be written to the store. */
    boolean isEmpty() {
        synchronized (files) {
            try {
                Path active = directory.resolve(ACTIVE);
                return (!Files.exists(active) || Files.size(active) == 0) && drainingFiles(directory).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * Hands every waiting record to {@code writer}, oldest first, at most {@code batchSize} at a time, and forgets
     * a file's records once the writer took them all. Stops at the first batch the writer throws for; that file
     * and the later ones wait for the next drain (writing a batch again must be harmless).
     *
     * @return how many records the writer took
     * @throws RuntimeException what the writer threw
     */
    int drain(Consumer<List<AuditRecord>> writer, int batchSize) throws IOException {
        synchronized (draining) {
            synchronized (files) {
                Path active = directory.resolve(ACTIVE);
                if (Files.exists(active) && Files.size(active) > 0) {
                    Files.move(active, directory.resolve(DRAINING_PREFIX + String.format("%012d", sequence++) + SUFFIX),
                            StandardCopyOption.ATOMIC_MOVE);
                    forceDirectory();
                }
            }
            int written = 0;
            for (Path file : drainingFiles(directory)) {
                List<AuditRecord> records = new ArrayList<>();
                List<String> unreadable = new ArrayList<>();
                // decoded leniently: a line torn inside a multi-byte character is unreadable, not a reason to stop
                for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        records.add(json.readValue(line, AuditRecord.class));
                    } catch (RuntimeException e) {
                        unreadable.add(line);
                    }
                }
                for (int from = 0; from < records.size(); from += batchSize) {
                    writer.accept(records.subList(from, Math.min(records.size(), from + batchSize)));
                }
                written += records.size();
                if (!unreadable.isEmpty()) {
                    reject(unreadable);
                }
                Files.delete(file);
                forceDirectory();
            }
            return written;
        }
    }

    private void reject(List<String> lines) throws IOException {
        try (FileChannel out = FileChannel.open(directory.resolve(REJECTED), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        for (String line : lines) {
            log.error("AUDIT RECORD UNREADABLE in the spool (torn by a crash while it was written?), kept in {}: {}",
                    directory.resolve(REJECTED), line);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel is closed next, which releases it anyway
        }
        close(lockChannel);
    }

    private static boolean endsTorn(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return false;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) != '\n';
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be opened for forcing; the file itself is forced
        }
    }

    private static List<Path> drainingFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(DRAINING_PREFIX)
                    && f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    private static long number(Path draining) {
        String name = draining.getFileName().toString();
        try {
            return Long.parseLong(name.substring(DRAINING_PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
