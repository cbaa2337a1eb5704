package io.tradepilot.alerts.internal;

import io.tradepilot.base.format.Json;
import io.tradepilot.alerts.ChannelKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one client of Telegram's Bot API: alerts go out with {@code sendMessage} to the channel's {@code chatId}, and
 * the bot ({@link TelegramBot}) reads {@code getUpdates} and answers with {@code sendMessage} through the same
 * calls, at the channel's {@code apiBaseUrl} or the configured default ({@code https://api.telegram.org}). The bot
 * token is part of the URL, so no URL is ever part of a message.
 */
final class TelegramTransport implements ChannelTransport {

    private static final JsonMapper JSON = Json.mapper();

    private final JsonPost http;
    private final String defaultBaseUrl;

    TelegramTransport(JsonPost http, String defaultBaseUrl) {
        this.http = http;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.TELEGRAM;
    }

    @Override
    public void send(ChannelConfig channel, OutgoingAlert alert) throws DeliveryFailure {
        sendText(channel, channel.setting("chatId"), alert.text());
    }

    /** Sends {@code text} (plain, no markup) to {@code chatId} with the channel's bot. */
    void sendText(ChannelConfig channel, String chatId, String text) throws DeliveryFailure {
        ObjectNode message = JSON.createObjectNode();
        message.put("chat_id", chatId);
        message.put("text", text);
        message.put("disable_web_page_preview", true);
        call(channel, "sendMessage", message, null);
    }

    /**
     * Calls the Bot API method {@code method} with {@code body} and answers its {@code result}.
     *
     * @param answerTimeout how long to wait for the answer (a long poll's timeout and a margin); null: the sender's timeout
     * @throws DeliveryFailure when Telegram did not answer {@code "ok": true}; never with the token in its message
     */
    JsonNode call(ChannelConfig channel, String method, ObjectNode body, Duration answerTimeout) throws DeliveryFailure {
        String base = channel.setting("apiBaseUrl", defaultBaseUrl).replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(base + "/bot" + channel.secret() + "/" + method);
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("the Telegram API address or bot token makes no valid URL", true);
        }
        String json = JSON.writeValueAsString(body);
        List<String> secrets = List.of(channel.secret());
        String answer = answerTimeout == null ? http.post(uri, json, Map.of(), "Telegram", secrets)
                : http.post(uri, json, Map.of(), "Telegram", secrets, answerTimeout);
        JsonNode parsed;
        try {
            parsed = JSON.readTree(answer);
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.path("ok").asBoolean(false)) {
            throw new DeliveryFailure("Telegram did not confirm " + method + ": " + DeliveryFailure.scrubbed(answer, channel.secret()), false);
        }
        return parsed.path("result");
    }
}
