-- The alerts' Telegram bot (io.tradepilot.alerts.internal.TelegramBot): which Tradepilot user a Telegram account
-- speaks for, the one-time codes that link them, and the bot's single poller with its update offset.

-- A Tradepilot user linked to a Telegram user (message.from.id). One Telegram user per Tradepilot user and the
-- other way round. The bot answers only in the private chat with that Telegram user.
CREATE TABLE telegram_link (
    username          VARCHAR(100)  PRIMARY KEY,
    telegram_user_id  BIGINT        NOT NULL,
    chat_id           BIGINT        NOT NULL,
    linked_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT telegram_link_user_key UNIQUE (telegram_user_id)
);

-- A one-time linking code a signed-in user asked for; only its SHA-256 is stored. At most one per user.
CREATE TABLE telegram_link_code (
    code_hash   VARCHAR(64)   PRIMARY KEY,
    username    VARCHAR(100)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT telegram_link_code_user_key UNIQUE (username)
);

-- One row (id 1): which instance polls Telegram's getUpdates (Telegram allows one poller per bot) until when,
-- and the next update id to ask for (updates before it were taken).
CREATE TABLE telegram_bot_state (
    id              INTEGER       PRIMARY KEY,
    owner           VARCHAR(100),
    lease_until     TIMESTAMP WITH TIME ZONE,
    next_update_id  BIGINT        NOT NULL,
    CONSTRAINT telegram_bot_state_one_chk CHECK (id = 1)
);
INSERT INTO telegram_bot_state (id, owner, lease_until, next_update_id) VALUES (1, NULL, NULL, 0);
