package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRefusal;
import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.alerts.ChannelRequest;
import io.tradepilot.alerts.Severity;
import io.tradepilot.security.PlainText;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a channel's configuration must be (see {@link io.tradepilot.alerts.ChannelKind}): a plain single-line name
 * of 1..64 characters, known settings only, each plain single-line text of at most 500 characters, and per kind
 * the settings and the secret it needs. Refusals are {@link AlertRefusal}s naming the field
 * ({@code name}, {@code kind}, {@code settings.<key>}, {@code secret}, {@code ratePerMinute}).
 */
final class ChannelRules {

    private static final Map<ChannelKind, Set<String>> KNOWN = Map.of(
            ChannelKind.TELEGRAM, Set.of("chatId", "apiBaseUrl", "commands"),
            ChannelKind.EMAIL, Set.of("host", "port", "username", "startTls", "from", "to"),
            ChannelKind.WEBHOOK, Set.of("format"));

    /** A configuration that passed: the secret in the clear, to be sealed at once (null: none given). */
    record Valid(String name, ChannelKind kind, boolean enabled, Severity minSeverity, int ratePerMinute,
                 Map<String, String> settings, String secret) {

        @Override
        public String toString() {
            return "Valid[name=" + name + ", kind=" + kind + "]";
        }
    }

    /**
     * Checks {@code r}; {@code creating} requires the secret a kind needs (an update may keep the stored one).
     *
     * @throws AlertRefusal for the first problem found
     */
    Valid validate(ChannelRequest r, boolean creating) {
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > 64) {
            throw AlertRefusal.badText("name", "a channel name has 1 to 64 characters");
        }
        PlainText.singleLine("name", name).ifPresent(v -> {
            throw AlertRefusal.badText("name", "the name " + v.problem());
        });
        if (r.kind() == null) {
            throw AlertRefusal.badParameter("kind", "kind is one of TELEGRAM, EMAIL, WEBHOOK");
        }
        int rate = r.ratePerMinute() == null ? 20 : r.ratePerMinute();
        if (rate < 1 || rate > 600) {
            throw AlertRefusal.badParameter("ratePerMinute", "ratePerMinute must be between 1 and 600");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (var e : r.settings().entrySet()) {
            String field = "settings." + e.getKey();
            if (!KNOWN.get(r.kind()).contains(e.getKey())) {
                throw AlertRefusal.badParameter(field, "a " + r.kind() + " channel takes the settings " + KNOWN.get(r.kind()));
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.length() > 500) {
                throw AlertRefusal.badText(field, e.getKey() + " has at most 500 characters");
            }
            PlainText.singleLine(field, value).ifPresent(v -> {
                throw AlertRefusal.badText(field, e.getKey() + " " + v.problem());
            });
            if (!value.isEmpty()) {
                settings.put(e.getKey(), value);
            }
        }
        String secret = r.secret() == null ? null : r.secret().strip();
        if (secret != null) {
            if (secret.length() > 1000) {
                throw AlertRefusal.badText("secret", "the secret has at most 1000 characters");
            }
            PlainText.singleLine("secret", secret).ifPresent(v -> {
                throw AlertRefusal.badText("secret", "the secret " + v.problem());
            });
            if (secret.isEmpty()) {
                secret = null;
            }
        }
        switch (r.kind()) {
            case TELEGRAM -> {
                require(settings, "chatId", "the chat id");
                if (!settings.get("chatId").matches("-?\\d{1,20}|@[A-Za-z0-9_]{5,64}")) {
                    throw AlertRefusal.badParameter("settings.chatId", "chatId is a number (e.g. -1001234567890) or @channelname");
                }
                if (settings.containsKey("apiBaseUrl")) {
                    httpUrl("settings.apiBaseUrl", settings.get("apiBaseUrl"));
                }
                if (settings.containsKey("commands") && !settings.get("commands").matches("true|false")) {
                    throw AlertRefusal.badParameter("settings.commands", "commands is true (this bot answers linked users) or false");
                }
                if (secret != null && !secret.matches("\\d{1,20}:[A-Za-z0-9_-]{20,100}")) {
                    throw AlertRefusal.badParameter("secret", "the bot token looks like 123456789:AA… (from @BotFather)");
                }
                needSecret(secret, creating, "the bot token");
            }
            case EMAIL -> {
                require(settings, "host", "the SMTP host");
                if (!settings.get("host").matches("[A-Za-z0-9.-]{1,253}")) {
                    throw AlertRefusal.badParameter("settings.host", "host is a host name or address");
                }
                String port = settings.getOrDefault("port", "587");
                if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                    throw AlertRefusal.badParameter("settings.port", "port is between 1 and 65535");
                }
                settings.put("port", port);
                String startTls = settings.getOrDefault("startTls", "true").toLowerCase(java.util.Locale.ROOT);
                if (!startTls.equals("true") && !startTls.equals("false")) {
                    throw AlertRefusal.badParameter("settings.startTls", "startTls is true or false");
                }
                settings.put("startTls", startTls);
                require(settings, "from", "the sender's address");
                require(settings, "to", "the recipients");
                address("settings.from", settings.get("from"));
                address("settings.to", settings.get("to"));
            }
            case WEBHOOK -> {
                String format = settings.getOrDefault("format", "JSON").toUpperCase(java.util.Locale.ROOT);
                if (!format.equals("JSON") && !format.equals("SLACK")) {
                    throw AlertRefusal.badParameter("settings.format", "format is JSON or SLACK");
                }
                settings.put("format", format);
                if (secret != null) {
                    httpUrl("secret", secret);
                }
                needSecret(secret, creating, "the webhook URL");
            }
        }
        return new Valid(name, r.kind(), r.enabled() == null || r.enabled(), r.minSeverity() == null ? Severity.INFO : r.minSeverity(),
                rate, settings, secret);
    }

    private static void require(Map<String, String> settings, String key, String what) {
        if (!settings.containsKey(key)) {
            throw AlertRefusal.badParameter("settings." + key, what + " (" + key + ") is required");
        }
    }

    private static void needSecret(String secret, boolean creating, String what) {
        if (secret == null && creating) {
            throw AlertRefusal.badParameter("secret", what + " (secret) is required");
        }
    }

    private static void httpUrl(String field, String value) {
        try {
            URI uri = URI.create(value);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw AlertRefusal.badParameter(field, "an http(s) URL with a host is required");
        }
    }

    private static void address(String field, String value) {
        try {
            InternetAddress[] addresses = InternetAddress.parse(value, true);
            if (addresses.length == 0 || addresses.length > 20) {
                throw new AddressException();
            }
        } catch (AddressException e) {
            throw AlertRefusal.badParameter(field, "1 to 20 e-mail addresses, separated by commas");
        }
    }
}
