package io.tradepilot.alerts.internal;

import io.tradepilot.base.format.Json;
import io.tradepilot.alerts.ChannelKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON POST to the channel's URL (its secret). Format {@code JSON}: the alert's fields
 * ({@code id, rule, severity, title, body, raisedAt, repeats, text}); format {@code SLACK}: {@code {"text": …}},
 * which Slack's and Mattermost's incoming webhooks take. Every attempt of one delivery carries the same
 * {@code Idempotency-Key} header.
 */
final class WebhookTransport implements ChannelTransport {

    private static final JsonMapper JSON = Json.mapper();

    private final JsonPost http;

    WebhookTransport(JsonPost http) {
        this.http = http;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public void send(ChannelConfig channel, OutgoingAlert alert) throws DeliveryFailure {
        ObjectNode body = JSON.createObjectNode();
        if ("SLACK".equals(channel.setting("format", "JSON"))) {
            body.put("text", alert.text());
        } else {
            body.put("id", alert.alertId());
            body.put("rule", alert.rule().name());
            body.put("severity", alert.severity().name());
            body.put("title", alert.title());
            body.put("body", alert.body());
            body.put("raisedAt", alert.raisedAt().toString());
            body.put("repeats", alert.repeats());
            body.put("text", alert.text());
        }
        URI uri;
        try {
            uri = URI.create(channel.secret());
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("the webhook URL is not a valid URL", true);
        }
        http.post(uri, JSON.writeValueAsString(body), Map.of("Idempotency-Key", alert.idempotencyKey()), "the webhook",
                secretParts(uri, channel.secret()));
    }

    /**
     * What of a webhook URL must never appear in a message: the URL, its path and query, and each path segment
     * or query value of 4 or more characters (receivers echo parts of the path, and tokens hide in any of them).
     */
    static List<String> secretParts(URI uri, String url) {
        List<String> parts = new ArrayList<>();
        parts.add(url);
        parts.add(uri.getRawPath());
        parts.add(uri.getRawQuery());
        parts.add(uri.getPath());
        for (String piece : (String.valueOf(uri.getRawPath()) + "/" + String.valueOf(uri.getRawQuery())).split("[/&=]")) {
            if (piece.length() >= 4) {
                parts.add(piece);
            }
        }
        return parts.stream().filter(p -> p != null && !p.isEmpty() && !p.equals("/")).toList();
    }
}
