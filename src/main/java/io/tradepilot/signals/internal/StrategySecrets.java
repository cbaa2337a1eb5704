package io.tradepilot.signals.internal;

import io.tradepilot.security.SecretBox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook strategy's secret: generated (256 random bits, base64url), sealed through the app's {@link SecretBox}
 * bound to the strategy's id, and checked in constant time — as given, or as the HMAC-SHA256 signature of the body
 * ({@code sha256=<hex>}). Never logged.
 */
class StrategySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretBox box;

    StrategySecrets(SecretBox box) {
        this.box = box;
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String seal(String strategyId, String secret) {
        return box.seal(secret, context(strategyId));
    }

    /** The plaintext secret. @throws IllegalStateException when it cannot be opened (another key) */
    String open(String strategyId, String sealed) {
        return box.open(sealed, context(strategyId));
    }

    /** Whether {@code given} is {@code secret}, in time independent of where they differ. */
    static boolean matches(String secret, String given) {
        return given != null && MessageDigest.isEqual(digest(secret), digest(given));
    }

    /** Whether {@code header} ({@code sha256=<hex>} or the hex alone) is the HMAC-SHA256 of {@code body} under {@code secret}. */
    static boolean signed(String secret, byte[] body, String header) {
        if (header == null) return false;
        String hex = header.strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256=")) hex = hex.substring("sha256=".length());
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** SHA-256 of the text: equal lengths, so the comparison takes the same time whatever was sent. */
    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String context(String strategyId) {
        return "signal-strategy:" + strategyId;
    }
}
