package io.tradepilot.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.alerts.AlertRefusal;
import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.alerts.ChannelRequest;
import io.tradepilot.alerts.Severity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelRulesTest {

    private final ChannelRules rules = new ChannelRules();

    private static ChannelRequest telegram(String name, Map<String, String> settings, String token) {
        return new ChannelRequest(name, ChannelKind.TELEGRAM, null, null, null, settings, token);
    }

    private static AlertRefusal refusal(Runnable r) {
        try {
            r.run();
        } catch (AlertRefusal refusal) {
            return refusal;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void a_valid_telegram_channel_takes_the_defaults() {
        var valid = rules.validate(telegram(" desk ", Map.of("chatId", "-100123"), "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ"), true);
        assertThat(valid.name()).isEqualTo("desk");
        assertThat(valid.enabled()).isTrue();
        assertThat(valid.minSeverity()).isEqualTo(Severity.INFO);
        assertThat(valid.ratePerMinute()).isEqualTo(20);
        assertThat(valid.toString()).doesNotContain("ABCDEFGHIJ");
    }

    @Test
    void a_telegram_channel_answers_commands_only_when_commands_is_true_or_false() {
        String token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        assertThat(rules.validate(telegram("bot", Map.of("chatId", "1", "commands", "true"), token), true).settings())
                .containsEntry("commands", "true");
        assertThat(refusal(() -> rules.validate(telegram("bot", Map.of("chatId", "1", "commands", "yes"), token), true)).field())
                .isEqualTo("settings.commands");
    }

    @Test
    void text_with_control_characters_is_invalid_text_naming_its_field() {
        var name = refusal(() -> rules.validate(telegram("de\u0007sk", Map.of("chatId", "1"), "1:ABCDEFGHIJKLMNOPQRSTUVWXYZ"), true));
        assertThat(name.status()).isEqualTo(422);
        assertThat(name.code()).isEqualTo("INVALID_TEXT");
        assertThat(name.field()).isEqualTo("name");
        var setting = refusal(() -> rules.validate(telegram("desk", Map.of("chatId", "1\n2"), "1:ABCDEFGHIJKLMNOPQRSTUVWXYZ"), true));
        assertThat(setting.field()).isEqualTo("settings.chatId");
    }

    @Test
    void missing_or_malformed_settings_and_secrets_are_refused() {
        assertThat(refusal(() -> rules.validate(telegram("d", Map.of(), "1:ABCDEFGHIJKLMNOPQRSTUVWXYZ"), true)).field()).isEqualTo("settings.chatId");
        var badToken = refusal(() -> rules.validate(telegram("d", Map.of("chatId", "1"), "not-a-token"), true));
        assertThat(badToken.field()).isEqualTo("secret");
        assertThat(badToken.getMessage()).doesNotContain("not-a-token");
        assertThat(refusal(() -> rules.validate(telegram("d", Map.of("chatId", "1"), null), true)).field()).isEqualTo("secret");
        assertThat(rules.validate(telegram("d", Map.of("chatId", "1"), null), false).secret()).as("an update keeps the secret").isNull();
        assertThat(refusal(() -> rules.validate(telegram("d", Map.of("chatId", "1", "host", "x"), null), false)).field())
                .isEqualTo("settings.host");
        var webhook = new ChannelRequest("h", ChannelKind.WEBHOOK, null, null, null, Map.of(), "ftp://example.test/x");
        assertThat(refusal(() -> rules.validate(webhook, true)).field()).isEqualTo("secret");
        var mail = new ChannelRequest("m", ChannelKind.EMAIL, null, null, null,
                Map.of("host", "smtp.example.test", "from", "a@example.test", "to", "not an address"), null);
        assertThat(refusal(() -> rules.validate(mail, true)).field()).isEqualTo("settings.to");
        var rate = new ChannelRequest("h", ChannelKind.WEBHOOK, null, null, 0, Map.of(), "https://example.test/x");
        assertThat(refusal(() -> rules.validate(rate, true)).field()).isEqualTo("ratePerMinute");
    }

    @Test
    void the_backoff_doubles_per_failed_attempt_up_to_its_cap() {
        var sender = new AlertsProperties.Sender(true, Duration.ofSeconds(1), 20, Duration.ofMinutes(2), 8,
                Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(10));
        assertThat(sender.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(sender.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(sender.backoffAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(sender.backoffAfter(20)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_secret_is_shown_only_as_a_hint() {
        assertThat(ChannelSecrets.hint(ChannelKind.TELEGRAM, "123456:ABCDEFGHIJKLMNOPWXYZ")).isEqualTo("••••WXYZ");
        assertThat(ChannelSecrets.hint(ChannelKind.EMAIL, "short")).isEqualTo("••••");
        assertThat(ChannelSecrets.hint(ChannelKind.WEBHOOK, "https://hooks.slack.com/services/T0/B0/XyZ"))
                .isEqualTo("https://hooks.slack.com/••••");
        assertThatThrownBy(() -> new LoginBurst(1, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
