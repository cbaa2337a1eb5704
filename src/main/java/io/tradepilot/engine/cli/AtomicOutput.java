package io.tradepilot.engine.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Output that appears whole or not at all: content is written to a temporary file (or staging
 * directory) next to the target and moved into place only when writing succeeded; on any failure the
 * temporary content is deleted and the target is left as it was.
 */
public final class AtomicOutput {

    /** Writes content. */
    @FunctionalInterface
    public interface WriterBody {
        void write(BufferedWriter out) throws IOException;
    }

    /** Writes files into a staging directory. */
    @FunctionalInterface
    public interface DirectoryBody {
        void write(Path stagingDirectory) throws IOException;
    }

    private AtomicOutput() {
    }

    /** Writes {@code target} (UTF-8) atomically, replacing an existing file. */
    public static void writeFile(Path target, WriterBody body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            move(tmp, abs);
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    /**
     * Stages files for {@code directory} and moves each into it when {@code body} succeeded (creating
     * the directory if needed; existing files of the same names are replaced).
     */
    public static void writeDirectory(Path directory, DirectoryBody body) throws IOException {
        Path abs = directory.toAbsolutePath();
        Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".staging-");
        try {
            body.write(staging);
            Files.createDirectories(abs);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                for (Path f : files) move(f, abs.resolve(f.getFileName().toString()));
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
