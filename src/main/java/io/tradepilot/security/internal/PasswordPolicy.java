package io.tradepilot.security.internal;

import io.tradepilot.security.PlainText;
import io.tradepilot.security.SecurityRefusal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** What a password must be, and how generated ones are made. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt only reads 72 bytes. */
    static final int MAX_BYTES = 72;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** Throws {@link SecurityRefusal} saying what is wrong with {@code password} for {@code username}. */
    static void check(String username, String password) {
        if (password == null || password.isBlank()) {
            throw new SecurityRefusal("Enter a password.");
        }
        PlainText.singleLineProblem(password).ifPresent(problem -> {
            throw new SecurityRefusal("The password " + problem);
        });
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new SecurityRefusal("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new SecurityRefusal("The password must not be longer than " + MAX_BYTES + " bytes.");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            throw new SecurityRefusal("The password must not contain the username.");
        }
        if (password.chars().distinct().count() < 4) {
            throw new SecurityRefusal("The password is too repetitive.");
        }
    }

    /** A random password of 20 characters from an alphabet without look-alikes (about 116 bits). */
    static String generate() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
