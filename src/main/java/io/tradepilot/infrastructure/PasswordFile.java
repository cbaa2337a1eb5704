package io.tradepilot.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A generated secret kept in a file only its owner may read or write: the password of an embedded server, beside
 * the server's directory in the data directory ({@code data/postgres.password}, {@code data/redis.password}), and
 * the key that seals stored secrets when none is configured ({@code data/secrets.key}, see docs/alerts.md).
 * The secret is never logged and never part of an exception message.
 */
public final class PasswordFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    /** Where the password of the server whose data live in {@code serverDirectory} is kept: {@code <serverDirectory>.password}. */
    static Path of(Path serverDirectory) {
        return serverDirectory.resolveSibling(serverDirectory.getFileName() + ".password");
    }

    /**
     * The password in {@code file}; when the file does not exist, a new one (256 random bits, URL-safe
     * base64) written atomically with owner-only permissions (0600). Permissions wider than that found on
     * an existing file are narrowed to 0600.
     *
     * @throws IllegalStateException when the file holds no usable password (empty, or characters other
     *                               than letters, digits, {@code - _ . ~}, which must pass unchanged in a URL)
     */
    public static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            } else {
                restrictToOwner(file);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!password.matches("[A-Za-z0-9._~-]{16,}")) {
                throw new IllegalStateException("The password file " + file.toAbsolutePath() + " holds no usable password: it needs"
                        + " at least 16 letters, digits or - _ . ~ (see docs/security.md, embedded servers)");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the password file " + file.toAbsolutePath(), e);
        }
    }

    /** Narrows the permissions of {@code file} to owner read and write (0600) where the file system has POSIX permissions. */
    static void restrictToOwner(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        FileAttribute<?>[] ownerOnly = posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, ".password-", ".tmp", ownerOnly);
        try {
            Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
