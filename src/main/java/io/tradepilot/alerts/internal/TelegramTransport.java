package io.tradepilot.alerts.internal;

import io.tradepilot.base.format.Json;
import io.tradepilot.alerts.ChannelKind;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Telegram's Bot API {@code sendMessage} to the channel's {@code chatId}, at the channel's {@code apiBaseUrl} or
 * the configured default ({@code https://api.telegram.org}). The bot token is part of the URL, so no URL is
 * ever part of a message.
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
        String base = channel.setting("apiBaseUrl", defaultBaseUrl).replaceAll("/+$", "");
        ObjectNode message = JSON.createObjectNode();
        message.put("chat_id", channel.setting("chatId"));
        message.put("text", alert.text());
        message.put("disable_web_page_preview", true);
        URI uri;
        try {
            uri = URI.create(base + "/bot" + channel.secret() + "/sendMessage");
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("the Telegram API address or bot token makes no valid URL", true);
        }
        String answer = http.post(uri, JSON.writeValueAsString(message), Map.of(), "Telegram", java.util.List.of(channel.secret()));
        if (!answer.contains("\"ok\":true")) {
            throw new DeliveryFailure("Telegram did not confirm the message: " + DeliveryFailure.scrubbed(answer, channel.secret()), false);
        }
    }
}
