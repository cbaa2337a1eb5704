package io.tradepilot.alerts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.alerts.AlertAdministration;
import io.tradepilot.alerts.AlertEntry;
import io.tradepilot.alerts.AlertRefusal;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.alerts.Channel;
import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.alerts.ChannelRequest;
import io.tradepilot.alerts.QuietHours;
import io.tradepilot.alerts.RuleSetting;
import io.tradepilot.alerts.Severity;
import io.tradepilot.alerts.TelegramLinking;
import io.tradepilot.alerts.TestSendResult;
import io.tradepilot.runbook.Incident;
import io.tradepilot.runbook.Incidents;
import io.tradepilot.runbook.RunbookRefusal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Alerts page. Every role reads the newest alerts and where each went; an admin also configures the
 * channels (with a test-send per channel), the rules and the quiet hours. The services check the role again and
 * audit every change; secrets are typed into password fields and shown only as masked hints.
 */
@Route("alerts")
@PageTitle("Alerts · Tradepilot")
@Menu(title = "Alerts", order = 70, icon = "vaadin:bell")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class AlertsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Alerts alerts;
    private final AlertAdministration administration;
    final Grid<AlertEntry> history = new Grid<>();
    final Grid<Channel> channels = new Grid<>();
    final Grid<RuleSetting> rules = new Grid<>();
    final ChannelForm form = new ChannelForm();
    final TimePicker quietFrom = new TimePicker("Quiet from");
    final TimePicker quietTo = new TimePicker("Quiet to");
    final TextField quietZone = new TextField("Time zone");

    private final TelegramLinking telegram;
    final com.vaadin.flow.component.html.Span telegramState = new com.vaadin.flow.component.html.Span();
    final Button telegramLink = new Button("Link Telegram");
    final Button telegramUnlink = new Button("Unlink Telegram");

    AlertsView(Alerts alerts, AlertAdministration administration, TelegramLinking telegram) {
        this.alerts = alerts;
        this.administration = administration;
        this.telegram = telegram;
        setSizeFull();
        history.setId("alerts-history");
        history.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.addColumn(a -> TIME.format(a.raisedAt())).setHeader("Raised").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(AlertEntry::severity).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(AlertEntry::title).setHeader("Alert").setTooltipGenerator(AlertEntry::body).setFlexGrow(1);
        history.addColumn(a -> a.repeats() == 0 ? "" : "+" + a.repeats()).setHeader("Repeats").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(AlertsView::deliveries).setHeader("Deliveries").setFlexGrow(1);
        boolean mayAcknowledge = CurrentUser.role().filter(r -> r.includes(Roles.Role.OPERATOR)).isPresent();
        history.addComponentColumn(a -> {
            if (a.acknowledged() || !mayAcknowledge) return new com.vaadin.flow.component.html.Span(acknowledgement(a));
            Button ack = new Button("Acknowledge", e -> acknowledge(a));
            ack.setId("alerts-ack-" + a.id());
            ack.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return ack;
        }).setHeader("Acknowledged").setAutoWidth(true).setFlexGrow(0);
        history.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(AlertEntry::body));
        add(new H3("Recent alerts"), history);
        refreshHistory();
        addTelegramLink();
        if (CurrentUser.role().filter(r -> r == Roles.Role.ADMIN).isPresent()) {
            addAdministration();
        }
    }

    /**
     * Links each alert to its incident (the runbook's): "Incident #n" when one was opened from it, else, for operators and
     * admins, "Open incident" (the service checks the role again and audits). Ids {@code alert-incident-<alert id>}.
     */
    @Autowired
    void linkIncidents(Incidents incidents) {
        boolean mayWrite = CurrentUser.role().filter(r -> r == Roles.Role.ADMIN || r == Roles.Role.OPERATOR).isPresent();
        history.addComponentColumn(a -> {
            var existing = incidents.forAlert(a.id());
            if (existing.isPresent()) {
                var link = new com.vaadin.flow.component.html.Anchor("runbook/incidents", "Incident #" + existing.get().id());
                link.setId("alert-incident-" + a.id());
                return link;
            }
            Button open = new Button("Open incident", e -> {
                try {
                    Incident incident = incidents.open(cut("Alert: " + a.title(), 200), a.id(), cut(a.body(), 4000));
                    getUI().ifPresent(ui -> ui.navigate("runbook/incidents"));
                    Notification.show("Incident #" + incident.id() + " opened", 3000, Notification.Position.TOP_CENTER);
                } catch (RunbookRefusal refusal) {
                    Notification.show(refusal.getMessage(), 5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
                } catch (AccessDeniedException denied) {
                    Notification.show("You are not allowed to do this.", 5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            open.setId("alert-incident-" + a.id());
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            open.setVisible(mayWrite);
            return open;
        }).setHeader("Incident").setAutoWidth(true).setFlexGrow(0);
    }

    private static String cut(String text, int max) {
        String single = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ");
        return single.length() <= max ? single : single.substring(0, max);
    }

    /** Every user's own link to the Telegram bot: a one-time code to send it, or the link and a way to remove it. */
    private void addTelegramLink() {
        telegramState.setId("alerts-telegram-state");
        telegramLink.setId("alerts-telegram-link");
        telegramUnlink.setId("alerts-telegram-unlink");
        telegramLink.addClickListener(e -> {
            try {
                TelegramLinking.LinkCode code = telegram.newCode();
                telegramState.setText("In a private chat with the desk's Telegram bot, send " + code.command()
                        + " before " + TIME.format(code.expiresAt()) + ".");
            } catch (RuntimeException ex) {
                Notification.show("Not done: " + ex.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        telegramUnlink.addThemeVariants(ButtonVariant.LUMO_ERROR);
        telegramUnlink.addClickListener(e -> {
            notify(telegram.unlink() ? "Telegram unlinked" : "No Telegram account was linked", false);
            refreshTelegram();
        });
        HorizontalLayout row = new HorizontalLayout(telegramState, telegramLink, telegramUnlink);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H3("Telegram bot (/status, /positions, /pnl, /orders, /kill, /ack)"), row);
        refreshTelegram();
    }

    void refreshTelegram() {
        var link = telegram.myLink();
        telegramState.setText(link.map(l -> "Linked to Telegram user " + l.telegramUserId() + " since " + TIME.format(l.linkedAt()) + ".")
                .orElse("Not linked."));
        telegramUnlink.setVisible(link.isPresent());
    }

    /** Who acknowledged the alert and when; empty while nobody has. */
    static String acknowledgement(AlertEntry a) {
        return a.acknowledged() ? a.acknowledgedBy() + ", " + TIME.format(a.acknowledgedAt()) : "";
    }

    void acknowledge(AlertEntry a) {
        try {
            alerts.acknowledge(a.id());
            notify("Acknowledged: " + a.title(), false);
            getUI().ifPresent(UnacknowledgedAlerts::changed);
        } catch (AlertRefusal refusal) {
            notify(refusal.getMessage(), true);
        }
        refreshHistory();
    }

    static String deliveries(AlertEntry a) {
        if (a.deliveries().isEmpty()) {
            return "no channel";
        }
        return a.deliveries().stream().map(d -> d.channelName() + ": " + d.status()
                + (d.status() == AlertEntry.DeliveryStatus.SENT ? "" : " (" + d.attempts() + " attempts)")).collect(Collectors.joining(", "));
    }

    void refreshHistory() {
        history.setItems(alerts.history(0, 200));
    }

    private void addAdministration() {
        channels.setId("alerts-channels");
        channels.addThemeVariants(GridVariant.LUMO_COMPACT);
        channels.setAllRowsVisible(true);
        channels.addColumn(Channel::name).setHeader("Channel").setAutoWidth(true);
        channels.addColumn(Channel::kind).setHeader("Kind").setAutoWidth(true);
        channels.addColumn(c -> c.enabled() ? "on" : "off").setHeader("On").setAutoWidth(true);
        channels.addColumn(Channel::minSeverity).setHeader("From severity").setAutoWidth(true);
        channels.addColumn(Channel::ratePerMinute).setHeader("Per minute").setAutoWidth(true);
        channels.addColumn(c -> c.settings().toString()).setHeader("Settings").setFlexGrow(1);
        channels.addColumn(Channel::secretHint).setHeader("Secret").setAutoWidth(true);
        channels.addComponentColumn(c -> {
            Button test = new Button("Test", e -> test(c));
            Button edit = new Button("Edit", e -> form.edit(c));
            Button delete = new Button("Delete", e -> run(() -> administration.deleteChannel(c.id()), "Deleted " + c.name()));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(test, edit, delete);
        }).setHeader("").setAutoWidth(true);
        form.save.addClickListener(e -> saveChannel());
        add(new H3("Channels"), channels, form);

        rules.setId("alerts-rules");
        rules.addThemeVariants(GridVariant.LUMO_COMPACT);
        rules.setAllRowsVisible(true);
        rules.addColumn(r -> r.rule().label()).setHeader("Rule").setAutoWidth(true);
        rules.addComponentColumn(this::ruleEditor).setHeader("Enabled · severity · de-duplicate for (s)").setFlexGrow(1);
        add(new H3("Rules"), rules);

        quietZone.setWidth("14em");
        Button saveQuiet = new Button("Save quiet hours", e -> saveQuietHours());
        saveQuiet.setId("alerts-quiet-save");
        HorizontalLayout quiet = new HorizontalLayout(quietFrom, quietTo, quietZone, saveQuiet);
        quiet.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H3("Quiet hours (CRITICAL alerts ignore them; equal times: none)"), quiet);
        refreshAdministration();
    }

    private HorizontalLayout ruleEditor(RuleSetting r) {
        Checkbox enabled = new Checkbox(r.enabled());
        Select<Severity> severity = new Select<>();
        severity.setItems(Severity.values());
        severity.setValue(r.severity());
        TextField dedup = new TextField();
        dedup.setWidth("7em");
        dedup.setValue(Long.toString(r.dedupWindow().toSeconds()));
        Button save = new Button("Save", e -> run(() -> administration.updateRule(r.rule(), enabled.getValue(), severity.getValue(),
                integer(dedup.getValue())), "Saved rule " + r.rule().label()));
        HorizontalLayout row = new HorizontalLayout(enabled, severity, dedup, save);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    private void saveChannel() {
        ChannelRequest request = form.request();
        Long editing = form.editingId();
        boolean saved = run(() -> {
            if (editing == null) {
                administration.createChannel(request);
            } else {
                administration.updateChannel(editing, request);
            }
        }, "Saved channel " + request.name());
        if (saved) {
            form.clearAfterSave();
        }
    }

    private void test(Channel c) {
        try {
            TestSendResult result = administration.testSend(c.id());
            notify((result.delivered() ? "Test message delivered to " : "Test message NOT delivered to ") + c.name()
                    + (result.delivered() ? "" : ": " + result.detail()), !result.delivered());
        } catch (AlertRefusal refusal) {
            notify(refusal.getMessage(), true);
        }
        refreshHistory();
    }

    private void saveQuietHours() {
        try {
            ZoneId zone = ZoneId.of(quietZone.getValue().strip());
            if (quietFrom.getValue() == null || quietTo.getValue() == null) {
                quietFrom.setErrorMessage("Both times are needed");
                quietFrom.setInvalid(true);
                return;
            }
            quietZone.setInvalid(false);
            run(() -> administration.setQuietHours(new QuietHours(quietFrom.getValue(), quietTo.getValue(), zone)), "Saved quiet hours");
        } catch (DateTimeException e) {
            quietZone.setErrorMessage("An IANA time zone such as Asia/Kolkata");
            quietZone.setInvalid(true);
        }
    }

    /** Makes the change and says so; a refusal shows under its field, or as an error. Answers whether it was made. */
    private boolean run(Runnable change, String done) {
        try {
            change.run();
            notify(done, false);
            refreshAdministration();
            return true;
        } catch (AlertRefusal refusal) {
            if (!form.show(refusal)) {
                notify(refusal.getMessage(), true);
            }
            return false;
        }
    }

    private void refreshAdministration() {
        channels.setItems(administration.channels());
        rules.setItems(administration.rules());
        QuietHours q = administration.quietHours();
        quietFrom.setValue(q.from());
        quietTo.setValue(q.to());
        quietZone.setValue(q.zone().getId());
    }

    /** The whole number typed, or -1 (refused by the service as out of range) when it is none. */
    static int integer(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void notify(String message, boolean error) {
        Notification n = Notification.show(message, error ? 8000 : 4000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }

    /** A channel's configuration: the fields its kind takes, and its secret (blank on edit: keep the stored one). */
    static final class ChannelForm extends VerticalLayout {

        final TextField name = new TextField("Name");
        final Select<ChannelKind> kind = new Select<>();
        final Select<Severity> minSeverity = new Select<>();
        final TextField rate = new TextField("Per minute");
        final Checkbox enabled = new Checkbox("On", true);
        final Map<String, TextField> settings = new LinkedHashMap<>();
        final PasswordField secret = new PasswordField("Secret");
        final Button save = new Button("Add channel");
        private Long editingId;

        ChannelForm() {
            setPadding(false);
            name.setId("alerts-channel-name");
            kind.setLabel("Kind");
            kind.setItems(ChannelKind.values());
            kind.setValue(ChannelKind.TELEGRAM);
            minSeverity.setLabel("From severity");
            minSeverity.setItems(Severity.values());
            minSeverity.setValue(Severity.INFO);
            rate.setValue("20");
            for (String key : new String[] {"chatId", "apiBaseUrl", "commands", "host", "port", "username", "startTls", "from", "to", "format"}) {
                TextField field = new TextField(key);
                field.setId("alerts-channel-" + key);
                settings.put(key, field);
            }
            secret.setId("alerts-channel-secret");
            save.setId("alerts-channel-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            kind.addValueChangeListener(e -> showFieldsOf(e.getValue()));
            HorizontalLayout first = new HorizontalLayout(name, kind, minSeverity, rate, enabled);
            first.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            HorizontalLayout second = new HorizontalLayout();
            second.setWrap(true);
            settings.values().forEach(second::add);
            second.add(secret, save);
            second.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            add(first, second);
            showFieldsOf(ChannelKind.TELEGRAM);
        }

        private void showFieldsOf(ChannelKind k) {
            var shown = switch (k) {
                case TELEGRAM -> java.util.Set.of("chatId", "apiBaseUrl", "commands");
                case EMAIL -> java.util.Set.of("host", "port", "username", "startTls", "from", "to");
                case WEBHOOK -> java.util.Set.of("format");
            };
            settings.forEach((key, field) -> field.setVisible(shown.contains(key)));
            secret.setLabel(switch (k) {
                case TELEGRAM -> "Bot token";
                case EMAIL -> "SMTP password";
                case WEBHOOK -> "Webhook URL";
            });
        }

        ChannelRequest request() {
            Map<String, String> values = new LinkedHashMap<>();
            settings.forEach((key, field) -> {
                if (field.isVisible() && !field.getValue().isBlank()) {
                    values.put(key, field.getValue());
                }
            });
            String s = secret.getValue();
            return new ChannelRequest(name.getValue(), kind.getValue(), enabled.getValue(), minSeverity.getValue(), integer(rate.getValue()),
                    values, s == null || s.isEmpty() ? null : s);
        }

        Long editingId() {
            return editingId;
        }

        void edit(Channel c) {
            editingId = c.id();
            name.setValue(c.name());
            kind.setValue(c.kind());
            minSeverity.setValue(c.minSeverity());
            rate.setValue(Integer.toString(c.ratePerMinute()));
            enabled.setValue(c.enabled());
            settings.forEach((key, field) -> field.setValue(c.settings().getOrDefault(key, "")));
            secret.clear();
            secret.setPlaceholder("unchanged");
            save.setText("Save " + c.name());
        }

        void clearAfterSave() {
            clearErrors();
            editingId = null;
            name.clear();
            secret.clear();
            secret.setPlaceholder("");
            settings.values().forEach(TextField::clear);
            save.setText("Add channel");
        }

        private void clearErrors() {
            name.setInvalid(false);
            secret.setInvalid(false);
            settings.values().forEach(f -> f.setInvalid(false));
        }

        /** Shows a refusal under the field it names; false when it names none of this form's fields. */
        boolean show(AlertRefusal refusal) {
            clearErrors();
            String field = refusal.field() == null ? "" : refusal.field();
            TextField target = field.equals("name") ? name
                    : field.startsWith("settings.") ? settings.get(field.substring("settings.".length())) : null;
            if (target != null) {
                target.setErrorMessage(refusal.getMessage());
                target.setInvalid(true);
                return true;
            }
            if (field.equals("secret")) {
                secret.setErrorMessage(refusal.getMessage());
                secret.setInvalid(true);
                return true;
            }
            return false;
        }
    }
}
