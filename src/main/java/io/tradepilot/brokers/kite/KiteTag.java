package io.tradepilot.brokers.kite;

import io.tradepilot.engine.orders.ClientOrderId;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Kite has no client order id; an order carries a {@code tag} (alphanumeric, at most 20 characters). The engine's
 * client order ids are longer ({@code strategy:symbol:millis:B:0}), so the adapter sends a short form that is a pure
 * function of the id: {@code TP} + the first 18 base-36 digits of SHA-256(client order id), upper case. The same id
 * gives the same tag in every process and after every restart, so an order is found again by its tag without a stored
 * map; different ids collide with a probability of about 2<sup>-93</sup> per pair.
 */
public final class KiteTag {

    /** Kite's limit on a tag's length. */
    public static final int MAX_LENGTH = 20;
    private static final String PREFIX = "TP";

    private KiteTag() {
    }

    /** The tag for {@code clientOrderId}: 20 characters, {@code [0-9A-Z]}. */
    public static String of(ClientOrderId clientOrderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientOrderId.value().getBytes(StandardCharsets.UTF_8));
            String b36 = new BigInteger(1, digest).toString(36).toUpperCase(java.util.Locale.ROOT);
            String digits = "0".repeat(Math.max(0, MAX_LENGTH - PREFIX.length() - b36.length())) + b36;
            return PREFIX + digits.substring(0, MAX_LENGTH - PREFIX.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
