package io.tradepilot.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API token secrets: {@code tp_} and 32 random bytes (base64url); stored as SHA-256 hex. */
final class TokenSecrets {

    static final String PREFIX = "tp_";
    private static final int DISPLAY_PREFIX_LENGTH = PREFIX.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(secret.length(), DISPLAY_PREFIX_LENGTH));
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether {@code value} has the shape of a token secret (cheap check before a lookup). */
    static boolean looksValid(String value) {
        return value != null && value.startsWith(PREFIX) && value.length() >= 20 && value.length() <= 100
                && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-');
    }
}
