package io.tradepilot.alerts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Linking the signed-in user to their Telegram account, so that the alerts' Telegram bot answers them
 * ({@code /status}, {@code /positions}, {@code /pnl}, {@code /orders}, {@code /kill}; see docs/alerts.md). Every
 * signed-in user links only themself; the bot then acts with that user's current role. Issuing a code and
 * unlinking are audited ({@code TELEGRAM_LINK_CODE_ISSUED}, {@code TELEGRAM_UNLINKED}); the link itself is audited
 * when the bot takes the code ({@code TELEGRAM_LINKED}).
 */
public interface TelegramLinking {

    /**
     * A new one-time code for the signed-in user (replacing an earlier one), valid until {@code expiresAt}: sent to
     * the bot in a private chat as {@code /start <code>} it links the sender's Telegram account to this user.
     */
    @PreAuthorize("isAuthenticated()")
    LinkCode newCode();

    /** The signed-in user's link, empty when none. */
    @PreAuthorize("isAuthenticated()")
    Optional<Linked> myLink();

    /** Removes the signed-in user's link (and pending code); false when there was none. */
    @PreAuthorize("isAuthenticated()")
    boolean unlink();

    /** A one-time linking code and the message that uses it. */
    record LinkCode(String code, Instant expiresAt, String command) {
    }

    /** A link: the Telegram user id and since when. */
    record Linked(long telegramUserId, Instant linkedAt) {
    }
}
