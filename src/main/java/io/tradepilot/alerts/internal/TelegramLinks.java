package io.tradepilot.alerts.internal;

import static io.tradepilot.db.Tables.TELEGRAM_BOT_STATE;
import static io.tradepilot.db.Tables.TELEGRAM_LINK;
import static io.tradepilot.db.Tables.TELEGRAM_LINK_CODE;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The Telegram bot's tables ({@code V115__telegram_bot.sql}): links between Tradepilot users and Telegram users,
 * one-time linking codes (stored as SHA-256), and the single poller's lease and update offset. Callers run each
 * method in a transaction.
 */
final class TelegramLinks {

    /** A Tradepilot user linked to a Telegram user, answered in the private chat {@code chatId}. */
    record Link(String username, long telegramUserId, long chatId, Instant linkedAt) {
    }

    private final DSLContext db;

    TelegramLinks(DSLContext db) {
        this.db = db;
    }

    /** Stores {@code codeHash} as {@code username}'s one linking code (replacing an earlier one). */
    void putCode(String username, String codeHash, Instant expiresAt) {
        db.deleteFrom(TELEGRAM_LINK_CODE).where(TELEGRAM_LINK_CODE.USERNAME.eq(username)).execute();
        db.insertInto(TELEGRAM_LINK_CODE).set(TELEGRAM_LINK_CODE.CODE_HASH, codeHash).set(TELEGRAM_LINK_CODE.USERNAME, username)
                .set(TELEGRAM_LINK_CODE.EXPIRES_AT, expiresAt).execute();
    }

    /** Removes the code and answers its user when it exists and has not expired at {@code now} (one use only). */
    Optional<String> takeCode(String codeHash, Instant now) {
        return db.deleteFrom(TELEGRAM_LINK_CODE).where(TELEGRAM_LINK_CODE.CODE_HASH.eq(codeHash))
                .returning(TELEGRAM_LINK_CODE.USERNAME, TELEGRAM_LINK_CODE.EXPIRES_AT).fetchOptional()
                .filter(r -> r.getExpiresAt().isAfter(now)).map(r -> r.getUsername());
    }

    /** Links {@code username} to the Telegram user (replacing either side's earlier link). */
    void link(String username, long telegramUserId, long chatId, Instant now) {
        db.deleteFrom(TELEGRAM_LINK).where(TELEGRAM_LINK.USERNAME.eq(username).or(TELEGRAM_LINK.TELEGRAM_USER_ID.eq(telegramUserId)))
                .execute();
        db.insertInto(TELEGRAM_LINK).set(TELEGRAM_LINK.USERNAME, username).set(TELEGRAM_LINK.TELEGRAM_USER_ID, telegramUserId)
                .set(TELEGRAM_LINK.CHAT_ID, chatId).set(TELEGRAM_LINK.LINKED_AT, now).execute();
    }

    /** Removes {@code username}'s link and pending code; true when there was a link. */
    boolean unlink(String username) {
        db.deleteFrom(TELEGRAM_LINK_CODE).where(TELEGRAM_LINK_CODE.USERNAME.eq(username)).execute();
        return db.deleteFrom(TELEGRAM_LINK).where(TELEGRAM_LINK.USERNAME.eq(username)).execute() > 0;
    }

    Optional<Link> byTelegramUser(long telegramUserId) {
        return db.selectFrom(TELEGRAM_LINK).where(TELEGRAM_LINK.TELEGRAM_USER_ID.eq(telegramUserId))
                .fetchOptional(r -> new Link(r.getUsername(), r.getTelegramUserId(), r.getChatId(), r.getLinkedAt()));
    }

    Optional<Link> byUsername(String username) {
        return db.selectFrom(TELEGRAM_LINK).where(TELEGRAM_LINK.USERNAME.eq(username))
                .fetchOptional(r -> new Link(r.getUsername(), r.getTelegramUserId(), r.getChatId(), r.getLinkedAt()));
    }

    /**
     * Takes or extends the poller's lease for {@code owner} until {@code until} when it is free, expired at {@code now},
     * or already {@code owner}'s; answers the next update id to ask for, empty when another instance holds it.
     */
    OptionalLong lease(String owner, Instant now, Instant until) {
        return db.update(TELEGRAM_BOT_STATE).set(TELEGRAM_BOT_STATE.OWNER, owner).set(TELEGRAM_BOT_STATE.LEASE_UNTIL, until)
                .where(TELEGRAM_BOT_STATE.ID.eq(1))
                .and(TELEGRAM_BOT_STATE.OWNER.isNull().or(TELEGRAM_BOT_STATE.OWNER.eq(owner))
                        .or(TELEGRAM_BOT_STATE.LEASE_UNTIL.isNull()).or(TELEGRAM_BOT_STATE.LEASE_UNTIL.lt(now)))
                .returning(TELEGRAM_BOT_STATE.NEXT_UPDATE_ID).fetchOptional()
                .map(r -> OptionalLong.of(r.getNextUpdateId())).orElse(OptionalLong.empty());
    }

    /** Records that updates before {@code nextUpdateId} were taken, while {@code owner} holds the lease; false otherwise. */
    boolean advance(String owner, long nextUpdateId) {
        return db.update(TELEGRAM_BOT_STATE).set(TELEGRAM_BOT_STATE.NEXT_UPDATE_ID, DSL.greatest(TELEGRAM_BOT_STATE.NEXT_UPDATE_ID, DSL.val(nextUpdateId)))
                .where(TELEGRAM_BOT_STATE.ID.eq(1)).and(TELEGRAM_BOT_STATE.OWNER.eq(owner)).execute() > 0;
    }

    /** Gives the lease up (a stopping instance), so another can poll at once. */
    void release(String owner) {
        db.update(TELEGRAM_BOT_STATE).set(TELEGRAM_BOT_STATE.OWNER, (String) null).set(TELEGRAM_BOT_STATE.LEASE_UNTIL, (Instant) null)
                .where(TELEGRAM_BOT_STATE.ID.eq(1)).and(TELEGRAM_BOT_STATE.OWNER.eq(owner)).execute();
    }
}
