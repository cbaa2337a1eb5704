package io.tradepilot.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Exclusive use of a data directory by this process, for as long as it lives. Holding the lock
 * proves that no other live Tradepilot uses the directory, so an embedded server still running on
 * it can only be an orphan of a process that died without stopping it (kill -9, power loss) and may
 * be stopped before a new one starts.
 */
final class DataDirectoryLock {

    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    @SuppressWarnings("unused") // held until the process ends
    private final FileLock lock;

    private DataDirectoryLock(Path directory, FileLock lock) {
        this.directory = directory;
        this.lock = lock;
    }

    /** Locks {@code directory} (created when missing); refuses when another live process holds it. */
    static DataDirectoryLock acquire(Path directory) {
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(".tradepilot.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("Another Tradepilot process is using the data directory "
                        + directory.toAbsolutePath() + ": stop it, or set TRADEPILOT_DATA_DIR to another directory.");
            }
            return new DataDirectoryLock(directory, lock);
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("This process already uses the data directory " + directory, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data directory " + directory.toAbsolutePath(), e);
        }
    }

    /**
     * Stops the process whose id is on the first line of {@code pidFile} when it still runs and its
     * command line contains {@code commandFragment} (so a recycled process id is never touched):
     * SIGTERM, which both PostgreSQL and Redis answer with a clean shutdown, then SIGKILL after a minute.
     * This runs before the application's logging exists, so it returns what it did (for the log) instead.
     *
     * @return what was stopped and how, or empty when there was no orphan
     */
    Optional<String> stopOrphan(String server, Path pidFile, String commandFragment) {
        Optional<ProcessHandle> orphan = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(commandFragment)).orElse(false));
        if (orphan.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle process = orphan.get();
        String what = "Stopped an orphaned embedded " + server + " (pid " + process.pid() + ") left running on "
                + directory.toAbsolutePath() + " by a Tradepilot process that did not shut down cleanly";
        process.destroy();
        try {
            process.onExit().get(ORPHAN_STOP_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return Optional.of(what);
        } catch (java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
            return Optional.of(what + ": it did not stop within " + ORPHAN_STOP_TIMEOUT.toSeconds() + " s and was killed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping an orphaned " + server, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Could not wait for the orphaned " + server + " to stop", e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: the server's own start will report a port or lock conflict
        }
    }
}
