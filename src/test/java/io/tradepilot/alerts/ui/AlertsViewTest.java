package io.tradepilot.alerts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.tradepilot.alerts.AlertAdministration;
import io.tradepilot.alerts.AlertEntry;
import io.tradepilot.alerts.AlertRefusal;
import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.alerts.Channel;
import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.alerts.TelegramLinking;
import io.tradepilot.alerts.ChannelRequest;
import io.tradepilot.alerts.QuietHours;
import io.tradepilot.alerts.RuleSetting;
import io.tradepilot.alerts.Severity;
import io.tradepilot.alerts.TestSendResult;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The Alerts page without a browser: viewers see the history only; an admin's form sends what was typed and shows refusals under their fields. */
class AlertsViewTest {

    private final List<ChannelRequest> created = new ArrayList<>();

    private final Alerts alerts = new Alerts() {
        public Optional<Long> raise(AlertRule rule, String key, String sourceId, String title, String body) {
            return Optional.empty();
        }

        private String acknowledgedBy;

        public List<AlertEntry> history(int offset, int limit) {
            return List.of(new AlertEntry(1, AlertRule.KILL_SWITCH_ENGAGED, Severity.CRITICAL, "Kill switch engaged by olga", "why",
                    Instant.EPOCH, 0, List.of(new AlertEntry.Delivery(1, "desk", AlertEntry.DeliveryStatus.SENT, 1, Instant.EPOCH,
                    Instant.EPOCH, null), new AlertEntry.Delivery(2, "mail", AlertEntry.DeliveryStatus.PENDING, 2, Instant.EPOCH, null, "HTTP 503")),
                    acknowledgedBy, acknowledgedBy == null ? null : Instant.parse("2026-12-07T09:30:00Z")));
        }

        public AlertEntry acknowledge(long id) {
            acknowledgedBy = "olga";
            return history(0, 1).getFirst();
        }

        public long unacknowledged() {
            return acknowledgedBy == null ? 1 : 0;
        }
    };

    private final AlertAdministration administration = new AlertAdministration() {
        public List<Channel> channels() {
            return List.of();
        }

        public Channel createChannel(ChannelRequest request) {
            created.add(request);
            if (request.name().contains("\u0007")) {
                throw AlertRefusal.badText("name", "the name contains a control character");
            }
            return null;
        }

        public Channel updateChannel(long id, ChannelRequest request) {
            return null;
        }

        public void deleteChannel(long id) {
        }

        public TestSendResult testSend(long id) {
            return new TestSendResult(true, "delivered");
        }

        public List<RuleSetting> rules() {
            return Arrays.stream(AlertRule.values()).map(RuleSetting::defaults).toList();
        }

        public RuleSetting updateRule(AlertRule rule, boolean enabled, Severity severity, int dedupSeconds) {
            return null;
        }

        public QuietHours quietHours() {
            return QuietHours.none(ZoneId.of("Asia/Kolkata"));
        }

        public QuietHours setQuietHours(QuietHours quietHours) {
            return quietHours;
        }
    };

    /** Held here: Vaadin keeps the current UI only weakly, and a collection mid-test would lose it. */
    private final UI ui = new UI();

    @BeforeEach
    void ui() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void clear() {
        UI.setCurrent(null);
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("olga", "x", "ROLE_" + role));
    }

    /** The signed-in user's link, in memory. */
    private final TelegramLinking telegram = new TelegramLinking() {
        private TelegramLinking.Linked link;

        @Override
        public LinkCode newCode() {
            link = new Linked(4242L, java.time.Instant.parse("2026-12-07T09:00:00Z"));
            return new LinkCode("ABCDEFGH23", java.time.Instant.parse("2026-12-07T09:10:00Z"), "/start ABCDEFGH23");
        }

        @Override
        public java.util.Optional<Linked> myLink() {
            return java.util.Optional.ofNullable(link);
        }

        @Override
        public boolean unlink() {
            boolean had = link != null;
            link = null;
            return had;
        }
    };

    @Test
    void any_user_gets_a_telegram_link_code_to_send_the_bot_and_can_unlink() {
        signIn("VIEWER");
        AlertsView view = new AlertsView(alerts, administration, telegram);
        assertThat(view.telegramState.getText()).isEqualTo("Not linked.");
        assertThat(view.telegramUnlink.isVisible()).isFalse();
        view.telegramLink.click();
        assertThat(view.telegramState.getText()).contains("send /start ABCDEFGH23 before 2026-12-07 09:10:00 UTC");
        view.refreshTelegram();
        assertThat(view.telegramState.getText()).isEqualTo("Linked to Telegram user 4242 since 2026-12-07 09:00:00 UTC.");
        view.telegramUnlink.click();
        assertThat(view.telegramState.getText()).isEqualTo("Not linked.");
    }

    @Test
    void an_operator_acknowledges_an_alert_and_sees_who_and_when() {
        signIn("OPERATOR");
        AlertsView view = new AlertsView(alerts, administration, telegram);
        assertThat(AlertsView.acknowledgement(alerts.history(0, 1).getFirst())).isEmpty();
        view.acknowledge(alerts.history(0, 1).getFirst());
        assertThat(AlertsView.acknowledgement(alerts.history(0, 1).getFirst())).isEqualTo("olga, 2026-12-07 09:30:00 UTC");
    }

    @Test
    void the_header_counts_the_unacknowledged_alerts() {
        signIn("VIEWER");
        UnacknowledgedAlerts header = new UnacknowledgedAlerts(alerts);
        var link = (com.vaadin.flow.component.html.Anchor) header.create();
        assertThat(link.getHref()).isEqualTo("alerts");
        assertThat(link.getElement().getTextRecursively()).isEqualTo("1");
        alerts.acknowledge(1);
        header.refresh(link);
        assertThat(link.getElement().getTextRecursively()).isEqualTo("0");
    }

    @Test
    void a_viewer_sees_the_history_with_where_each_alert_went_and_no_configuration() {
        signIn("VIEWER");
        AlertsView view = new AlertsView(alerts, administration, telegram);
        assertThat(view.channels.isAttached() || view.channels.getParent().isPresent()).isFalse();
        assertThat(view.form.getParent()).isEmpty();
        assertThat(AlertsView.deliveries(alerts.history(0, 1).getFirst())).isEqualTo("desk: SENT, mail: PENDING (2 attempts)");
    }

    @Test
    void an_admin_adds_a_channel_with_the_fields_of_its_kind_and_sees_a_refusal_under_the_field() {
        signIn("ADMIN");
        AlertsView view = new AlertsView(alerts, administration, telegram);
        assertThat(view.form.getParent()).isPresent();
        view.form.kind.setValue(ChannelKind.WEBHOOK);
        assertThat(view.form.settings.get("chatId").isVisible()).isFalse();
        assertThat(view.form.settings.get("format").isVisible()).isTrue();
        view.form.name.setValue("bad\u0007name");
        view.form.settings.get("format").setValue("SLACK");
        view.form.secret.setValue("https://hooks.example.test/T/B/x");
        view.form.save.click();
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().kind()).isEqualTo(ChannelKind.WEBHOOK);
        assertThat(created.getFirst().settings()).containsEntry("format", "SLACK").doesNotContainKey("chatId");
        assertThat(view.form.name.isInvalid()).isTrue();
        assertThat(view.form.name.getErrorMessage()).contains("control character");
        assertThat(view.form.secret.getValue()).as("kept for correcting").isNotEmpty();

        view.form.name.setValue("desk hook");
        view.form.save.click();
        assertThat(view.form.name.isInvalid()).isFalse();
        assertThat(view.form.secret.getValue()).as("cleared once saved").isEmpty();
    }
}
