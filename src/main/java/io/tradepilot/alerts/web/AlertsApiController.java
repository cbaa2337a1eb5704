package io.tradepilot.alerts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradepilot.alerts.AlertAdministration;
import io.tradepilot.alerts.AlertEntry;
import io.tradepilot.alerts.AlertRefusal;
import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.alerts.Channel;
import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.alerts.ChannelRequest;
import io.tradepilot.alerts.QuietHours;
import io.tradepilot.alerts.RuleSetting;
import io.tradepilot.alerts.Severity;
import io.tradepilot.alerts.TelegramLinking;
import io.tradepilot.alerts.TestSendResult;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alerts over REST: the history for every signed-in role; channels, rules and quiet hours for admins (method
 * security in {@link AlertAdministration}; a non-admin gets 403). Bad input is a problem with a stable
 * {@code code} and the {@code field}: 400 {@code INVALID_PARAMETER}, 422 {@code INVALID_TEXT}, 404
 * {@code CHANNEL_NOT_FOUND}, 409 {@code CHANNEL_NAME_TAKEN}, 503 {@code AUDIT_UNAVAILABLE}. Secrets go in
 * ({@code secret}) and never come out: a channel shows {@code secretSet} and a masked {@code secretHint}.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "Alerts", description = "Alert history; channels (Telegram, email, webhooks), rules and quiet hours")
class AlertsApiController {

    private final Alerts alerts;
    private final AlertAdministration administration;
    private final TelegramLinking telegram;

    AlertsApiController(Alerts alerts, AlertAdministration administration, TelegramLinking telegram) {
        this.alerts = alerts;
        this.administration = administration;
        this.telegram = telegram;
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledges an alert as the caller (operator, admin): 404 ALERT_NOT_FOUND, 409 ALERT_ALREADY_ACKNOWLEDGED")
    AlertEntry acknowledge(@PathVariable String id) {
        return alerts.acknowledge(id(id));
    }

    @GetMapping("/unacknowledged")
    @Operation(summary = "How many alerts nobody has acknowledged yet: {count}")
    Map<String, Long> unacknowledged() {
        return Map.of("count", alerts.unacknowledged());
    }

    @PostMapping("/telegram/link")
    @Operation(summary = "A one-time code linking the caller's Telegram account: send the bot '/start <code>' (any role)")
    ResponseEntity<TelegramLinking.LinkCode> telegramLinkCode() {
        return ResponseEntity.status(HttpStatus.CREATED).body(telegram.newCode());
    }

    @GetMapping("/telegram/link")
    @Operation(summary = "The caller's Telegram link (404 TELEGRAM_NOT_LINKED when none)")
    TelegramLinking.Linked telegramLink() {
        return telegram.myLink().orElseThrow(() -> new AlertRefusal(404, "TELEGRAM_NOT_LINKED", null, "no Telegram account is linked"));
    }

    @DeleteMapping("/telegram/link")
    @Operation(summary = "Unlinks the caller's Telegram account (404 TELEGRAM_NOT_LINKED when none)")
    ResponseEntity<Void> telegramUnlink() {
        if (!telegram.unlink()) throw new AlertRefusal(404, "TELEGRAM_NOT_LINKED", null, "no Telegram account is linked");
        return ResponseEntity.noContent().build();
    }

    /** A channel to create or its new configuration; {@code secret} null on an update keeps the stored one. */
    record ChannelBody(String name, String kind, Boolean enabled, String minSeverity, Integer ratePerMinute,
                       Map<String, String> settings, String secret) {

        @Override
        public String toString() {
            return "ChannelBody[name=" + name + ", kind=" + kind + "]";
        }
    }

    /** A rule's setting. */
    record RuleBody(Boolean enabled, String severity, Integer dedupSeconds) {
    }

    /** Quiet hours as HH:mm local times in an IANA zone; equal times: none. */
    record QuietHoursBody(String from, String to, String zone) {
    }

    @GetMapping
    @Operation(summary = "The newest alerts with their deliveries, newest first (limit 1..500, offset >= 0)")
    List<AlertEntry> history(@RequestParam(defaultValue = "0") String offset, @RequestParam(defaultValue = "50") String limit) {
        return alerts.history(integer("offset", offset), integer("limit", limit));
    }

    @GetMapping("/channels")
    @Operation(summary = "Every channel, secrets masked (admin)")
    List<Channel> channels() {
        return administration.channels();
    }

    @PostMapping("/channels")
    @Operation(summary = "Create a channel (admin, audited)")
    ResponseEntity<Channel> create(@RequestBody ChannelBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(administration.createChannel(request(body)));
    }

    @PutMapping("/channels/{id}")
    @Operation(summary = "Replace a channel's configuration; omit secret to keep it (admin, audited)")
    Channel update(@PathVariable String id, @RequestBody ChannelBody body) {
        return administration.updateChannel(id(id), request(body));
    }

    @DeleteMapping("/channels/{id}")
    @Operation(summary = "Delete a channel and its pending deliveries (admin, audited)")
    ResponseEntity<Void> delete(@PathVariable String id) {
        administration.deleteChannel(id(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/channels/{id}/test")
    @Operation(summary = "Send a test message to the channel now (admin, audited)")
    TestSendResult test(@PathVariable String id) {
        return administration.testSend(id(id));
    }

    @GetMapping("/rules")
    @Operation(summary = "Every rule's setting (admin)")
    List<RuleSetting> rules() {
        return administration.rules();
    }

    @PutMapping("/rules/{rule}")
    @Operation(summary = "Set one rule: enabled, severity, de-duplication window in seconds (admin, audited)")
    RuleSetting rule(@PathVariable String rule, @RequestBody RuleBody body) {
        AlertRule r = parse(AlertRule.class, "rule", rule);
        if (body.enabled() == null) {
            throw AlertRefusal.badParameter("enabled", "enabled is true or false");
        }
        if (body.dedupSeconds() == null) {
            throw AlertRefusal.badParameter("dedupSeconds", "dedupSeconds must be between 0 and 86400");
        }
        return administration.updateRule(r, body.enabled(), parse(Severity.class, "severity", body.severity()), body.dedupSeconds());
    }

    @GetMapping("/quiet-hours")
    @Operation(summary = "The quiet hours (admin)")
    QuietHours quietHours() {
        return administration.quietHours();
    }

    @PutMapping("/quiet-hours")
    @Operation(summary = "Set the quiet hours; CRITICAL alerts ignore them (admin, audited)")
    QuietHours setQuietHours(@RequestBody QuietHoursBody body) {
        ZoneId zone;
        try {
            zone = ZoneId.of(body.zone() == null ? "" : body.zone());
        } catch (DateTimeException e) {
            throw AlertRefusal.badParameter("zone", "zone is an IANA time zone such as Asia/Kolkata");
        }
        return administration.setQuietHours(new QuietHours(time("from", body.from()), time("to", body.to()), zone));
    }

    private static ChannelRequest request(ChannelBody body) {
        return new ChannelRequest(body.name(), parse(ChannelKind.class, "kind", body.kind()), body.enabled(),
                body.minSeverity() == null ? null : parse(Severity.class, "minSeverity", body.minSeverity()),
                body.ratePerMinute(), body.settings(), body.secret());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AlertRefusal.badParameter(field, field + " must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value == null ? "" : value);
        } catch (DateTimeException e) {
            throw AlertRefusal.badParameter(field, field + " must be a time (HH:mm)");
        }
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw AlertRefusal.badParameter("id", "id must be an integer");
        }
    }

    private static int integer(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw AlertRefusal.badParameter(field, field + " must be an integer");
        }
    }
}
