package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.base.format.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The alerts' Telegram bot: the bot of the enabled Telegram channel with the setting {@code commands=true} (the
 * lowest id when several) reads its messages with {@code getUpdates} (a long poll of {@code pollTimeout}) and
 * answers each through {@link TelegramCommands}, over the one Bot API client ({@link TelegramTransport}).
 * <p>
 * Telegram serves one poller per bot: across instances, the one holding the lease in {@code telegram_bot_state}
 * polls (taken when free or expired, renewed before each poll, given up on stop). The next update id is stored
 * there <em>before</em> a message is handled, so a command is acted on at most once even when the instance dies
 * mid-command (the user then sends it again) and never by two instances.
 */
final class TelegramBot implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    private final JooqAlertStore store;
    private final ChannelSecrets secrets;
    private final TelegramTransport telegram;
    private final TelegramLinks links;
    private final TelegramCommands commands;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AlertsProperties.Bot settings;
    private final String owner = "bot-" + UUID.randomUUID();
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread thread;

    TelegramBot(JooqAlertStore store, ChannelSecrets secrets, TelegramTransport telegram, TelegramLinks links,
                TelegramCommands commands, TransactionTemplate transactions, Clock clock, AlertsProperties.Bot settings) {
        this.store = store;
        this.secrets = secrets;
        this.telegram = telegram;
        this.links = links;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) return;
        running = true;
        thread = Thread.ofPlatform().name("telegram-bot").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            if (!running) return;
            running = false;
            t = thread;
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        t.interrupt();
        try {
            t.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            transactions.executeWithoutResult(tx -> links.release(owner));
        } catch (RuntimeException e) {
            log.debug("Could not give the Telegram poller's lease up: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            long started = System.nanoTime();
            Duration wait = settings.idle();
            try {
                if (!pollOnce()) wait = settings.idle().multipliedBy(5);
            } catch (DeliveryFailure e) {
                log.warn("The Telegram bot could not poll: {}", e.getMessage());
                wait = settings.idle().multipliedBy(5);
            } catch (RuntimeException e) {
                if (!running) return;
                log.warn("The Telegram bot could not poll: {}", e.toString());
                wait = settings.idle().multipliedBy(5);
            }
            long leftMillis = wait.toMillis() - Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (leftMillis > 0) {
                synchronized (wake) {
                    try {
                        if (running) wake.wait(leftMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * One round: the commands channel, the lease, one {@code getUpdates}, each message answered. False when there was
     * nothing to poll (no commands channel, or another instance polls).
     */
    boolean pollOnce() throws DeliveryFailure {
        Optional<ChannelConfig> channel = transactions.execute(tx -> store.channels().stream()
                .filter(c -> c.kind() == ChannelKind.TELEGRAM && c.enabled() && "true".equals(c.settings().get("commands")))
                .findFirst()).map(secrets::open);
        if (channel.isEmpty()) return false;
        Instant now = clock.instant();
        OptionalLong next = transactions.execute(tx -> links.lease(owner, now, now.plus(settings.pollTimeout()).plus(settings.lease())));
        if (next == null || next.isEmpty()) return false;
        ObjectNode ask = Json.mapper().createObjectNode();
        ask.put("offset", next.getAsLong());
        ask.put("timeout", settings.pollTimeout().toSeconds());
        ask.putArray("allowed_updates").add("message");
        JsonNode updates = telegram.call(channel.get(), "getUpdates", ask, settings.pollTimeout().plus(settings.lease()));
        for (JsonNode update : updates) {
            long id = update.path("update_id").asLong();
            if (!Boolean.TRUE.equals(transactions.execute(tx -> links.advance(owner, id + 1)))) return true;
            JsonNode message = update.path("message");
            if (message.isMissingNode() || !message.path("from").has("id")) continue;
            long chatId = message.path("chat").path("id").asLong();
            Optional<String> answer = commands.answer(message.path("from").path("id").asLong(), chatId,
                    message.path("chat").path("type").asString(""), message.path("text").asString(""));
            if (answer.isPresent()) {
                try {
                    telegram.sendText(channel.get(), Long.toString(chatId), answer.get());
                } catch (DeliveryFailure e) {
                    log.warn("The Telegram bot could not answer a message: {}", e.getMessage());
                }
            }
        }
        return true;
    }
}
