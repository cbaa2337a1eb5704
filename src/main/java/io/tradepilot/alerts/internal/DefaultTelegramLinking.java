package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.TelegramLinking;
import io.tradepilot.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link TelegramLinking} over {@link TelegramLinks}: codes of 10 characters from a 32-letter alphabet (50 bits),
 * stored as SHA-256, valid for {@code codeTtl}, usable once.
 */
class DefaultTelegramLinking implements TelegramLinking {

    static final String CODE_ISSUED = "TELEGRAM_LINK_CODE_ISSUED";
    static final String UNLINKED = "TELEGRAM_UNLINKED";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TelegramLinks links;
    private final AlertsAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration codeTtl;

    DefaultTelegramLinking(TelegramLinks links, AlertsAudit audit, TransactionTemplate transactions, Clock clock, Duration codeTtl) {
        this.links = links;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.codeTtl = codeTtl;
    }

    @Override
    public LinkCode newCode() {
        String user = CurrentUser.username();
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        String plain = new String(code);
        Instant expiresAt = clock.instant().plus(codeTtl);
        audit.audited(CODE_ISSUED, user, "valid until " + expiresAt, transactions, () -> {
            links.putCode(user, hash(plain), expiresAt);
            return null;
        });
        return new LinkCode(plain, expiresAt, "/start " + plain);
    }

    @Override
    public Optional<Linked> myLink() {
        String user = CurrentUser.username();
        return transactions.execute(tx -> links.byUsername(user)).map(l -> new Linked(l.telegramUserId(), l.linkedAt()));
    }

    @Override
    public boolean unlink() {
        String user = CurrentUser.username();
        if (transactions.execute(tx -> links.byUsername(user)).isEmpty()) return false;
        audit.audited(UNLINKED, user, null, transactions, () -> links.unlink(user));
        return true;
    }

    /** The stored form of a code: SHA-256 of its upper-case form, hex. */
    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.trim().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
