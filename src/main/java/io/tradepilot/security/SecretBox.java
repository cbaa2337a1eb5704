package io.tradepilot.security;

import io.tradepilot.infrastructure.PasswordFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM: a fresh 96-bit nonce per seal, the 128-bit tag, and a context
 * (e.g. the channel kind) bound as associated data, so a sealed value cannot be moved to another context.
 * Sealed text is {@code v1:} + base64(nonce ‖ ciphertext ‖ tag). The key is never logged, nor any plaintext;
 * exceptions carry no secret.
 */
public final class SecretBox {

    public static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The secrets key must be 32 bytes (256 bits)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * The box whose key is {@code configured} (TRADEPILOT_SECRETS_KEY: 32 bytes in base64 or base64url) when set,
     * else the key kept in {@code keyFile}, generated there (owner-only, 0600) at the first start.
     *
     * @throws IllegalStateException when the configured key or the file's is not 32 bytes of base64: start
     *                               nothing that would seal with a weak or wrong key
     */
    public static SecretBox of(String configured, Path keyFile) {
        boolean fromEnvironment = configured != null && !configured.isBlank();
        String text = fromEnvironment ? configured.strip() : PasswordFile.readOrCreate(keyFile);
        byte[] key = decode(text);
        if (key == null || key.length != 32) {
            throw new IllegalStateException(fromEnvironment
                    ? "TRADEPILOT_SECRETS_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)"
                    : "The secrets key file " + keyFile.toAbsolutePath() + " does not hold 32 bytes of base64");
        }
        return new SecretBox(key);
    }

    /** {@code plaintext} sealed for {@code context}. */
    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a secret (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The plaintext of {@code sealed}, which was sealed for {@code context}.
     *
     * @throws IllegalStateException when it was sealed with another key or for another context, or was altered
     */
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored secret is not sealed (expected " + PREFIX + "…)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be opened: sealed with another key"
                    + " (TRADEPILOT_SECRETS_KEY changed?) or altered");
        }
    }

    private static byte[] decode(String text) {
        try {
            return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
