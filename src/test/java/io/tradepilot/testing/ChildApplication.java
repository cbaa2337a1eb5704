package io.tradepilot.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The application in a JVM of its own, for tests that must {@code kill -9} it: started on this JVM's class path against
 * the tests' PostgreSQL and Redis (the {@code TRADEPILOT_*} system properties {@link TestInfrastructure} sets), its
 * output collected line by line.
 */
public final class ChildApplication {

    private ChildApplication() { }

    /**
     * Starts {@code mainClass} with {@code jvmOptions} and {@code args}, its data directory {@code dir/name}; every line it
     * prints is added to {@code log} and written to {@code dir/name.log}.
     */
    public static Process start(Path dir, String name, List<String> jvmOptions, String mainClass, List<String> args, List<String> log)
            throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        for (String variable : List.of("TRADEPILOT_DB_URL", "TRADEPILOT_DB_USER", "TRADEPILOT_DB_PASSWORD", "TRADEPILOT_REDIS_URL")) {
            builder.environment().put(variable, System.getProperty(variable));
        }
        builder.environment().put("TRADEPILOT_DATA_DIR", dir.resolve(name).toString());
        builder.redirectErrorStream(true);
        Process p = builder.start();
        Path file = dir.resolve(name + ".log");
        Thread.ofPlatform().daemon().name("child-" + name + "-log").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()));
                 var out = Files.newBufferedWriter(file)) {
                for (String line; (line = in.readLine()) != null; ) {
                    log.add(line);
                    out.write(line);
                    out.newLine();
                    out.flush();
                }
            } catch (IOException ignored) {
                // the process went away
            }
        });
        return p;
    }

    /**
     * Waits until {@code condition} holds; fails at once when {@code process} ends first, or after {@code timeout}, with
     * the last 60 lines of its {@code log}.
     */
    public static void await(Duration timeout, BooleanSupplier condition, String what, Process process, List<String> log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                List<String> tail = log.subList(Math.max(0, log.size() - 60), log.size());
                throw new AssertionError("timed out waiting for " + what + (process.isAlive() ? "" : " (the process exited)")
                        + "; its last lines:\n" + String.join("\n", tail));
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    /** A TCP port free on this machine now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
