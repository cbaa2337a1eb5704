package io.tradepilot.signals.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import io.tradepilot.signals.CreatedWebhookStrategy;
import io.tradepilot.signals.NewWebhookStrategy;
import io.tradepilot.signals.QuantityMode;
import io.tradepilot.signals.SignalAction;
import io.tradepilot.signals.SignalAdministration;
import io.tradepilot.signals.SignalEntry;
import io.tradepilot.signals.SignalRefusal;
import io.tradepilot.signals.WebhookStrategy;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Signals page. Every role sees the webhook strategies and the latest signals with what became of each; an admin
 * also creates strategies (the secret is shown once, in the confirmation) and enables or disables them. The service
 * checks the role again and audits every change.
 */
@Route("signals")
@PageTitle("Signals · Tradepilot")
@Menu(title = "Signals", order = 75, icon = "vaadin:connect")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class SignalsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final SignalAdministration signals;
    final Grid<WebhookStrategy> strategies = new Grid<>();
    final Grid<SignalEntry> latest = new Grid<>();
    final TextField id = new TextField("Id");
    final TextField name = new TextField("Name");
    final TextArea symbols = new TextArea("Symbols (TICKER=SYMBOL per line)");
    // Plain text fields and check boxes only: components the production bundle loads on every page
    final Checkbox riskBased = new Checkbox("Risk-based size", false);
    final TextField quantity = new TextField("Quantity");
    final TextField riskAmount = new TextField("Risk amount");
    final TextField stopPercent = new TextField("Stop %");
    /** One box per action (a plain Checkbox each: the production bundle already has it). */
    final Map<SignalAction, Checkbox> actions = new java.util.EnumMap<>(SignalAction.class);
    final Checkbox enabled = new Checkbox("Enabled", true);
    final Paragraph created = new Paragraph();
    private final boolean admin;

    SignalsView(SignalAdministration signals) {
        this.signals = signals;
        this.admin = CurrentUser.role().filter(r -> r == Roles.Role.ADMIN).isPresent();
        setId("signals-view");
        setSizeFull();
        id.setId("strategy-id");
        name.setId("strategy-name");
        symbols.setId("strategy-symbols");
        quantity.setId("strategy-quantity");
        strategies.setId("signal-strategies");
        strategies.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        strategies.addColumn(WebhookStrategy::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        strategies.addColumn(WebhookStrategy::name).setHeader("Name").setFlexGrow(1);
        strategies.addColumn(WebhookStrategy::path).setHeader("URL path").setAutoWidth(true);
        strategies.addColumn(s -> new TreeMap<>(s.symbols()).entrySet().stream().map(e -> e.getKey() + "→" + e.getValue())
                .collect(Collectors.joining(", "))).setHeader("Symbols").setFlexGrow(1);
        strategies.addColumn(SignalsView::sizing).setHeader("Size").setAutoWidth(true);
        strategies.addColumn(s -> s.allowedActions().stream().sorted().map(Enum::name).collect(Collectors.joining(","))).setHeader("Actions");
        strategies.addColumn(s -> s.enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true).setFlexGrow(0);
        if (admin) {
            strategies.addComponentColumn(s -> {
                Button toggle = new Button(s.enabled() ? "Disable" : "Enable", e -> toggle(s));
                toggle.setId("toggle-" + s.id());
                return toggle;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        latest.setId("signals-latest");
        latest.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        latest.addColumn(s -> TIME.format(s.receivedAt())).setHeader("Received").setAutoWidth(true).setFlexGrow(0);
        latest.addColumn(SignalEntry::strategyId).setHeader("Strategy").setAutoWidth(true);
        latest.addColumn(SignalEntry::format).setHeader("Format").setAutoWidth(true);
        latest.addColumn(SignalEntry::action).setHeader("Action").setAutoWidth(true);
        latest.addColumn(SignalEntry::symbols).setHeader("Tickers").setAutoWidth(true);
        latest.addColumn(SignalEntry::outcome).setHeader("Outcome").setAutoWidth(true);
        latest.addColumn(s -> s.code() != null ? s.code() : String.join(",", s.orderIds())).setHeader("Code / orders").setAutoWidth(true);
        latest.addColumn(SignalEntry::detail).setHeader("Detail").setTooltipGenerator(SignalEntry::payload).setFlexGrow(1);
        add(new H3("Webhook strategies"), strategies);
        if (admin) add(form());
        add(new H3("Latest signals"), latest);
        refresh();
    }

    private VerticalLayout form() {
        riskBased.setId("strategy-risk-based");
        HorizontalLayout actionBoxes = new HorizontalLayout();
        for (SignalAction action : SignalAction.values()) {
            Checkbox box = new Checkbox(action.name(), action == SignalAction.BUY || action == SignalAction.SELL);
            box.setId("action-" + action.name().toLowerCase(java.util.Locale.ROOT));
            actions.put(action, box);
            actionBoxes.add(box);
        }
        symbols.setPlaceholder("RELIANCE=RELIANCE");
        Button create = new Button("Create strategy", e -> create());
        create.setId("create-signal-strategy");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        created.setId("signal-strategy-created");
        return new VerticalLayout(new H3("New webhook strategy"), new HorizontalLayout(id, name, quantity, riskBased, riskAmount, stopPercent),
                new HorizontalLayout(symbols, actionBoxes, enabled), create, created);
    }

    void create() {
        try {
            CreatedWebhookStrategy c = signals.create(new NewWebhookStrategy(id.getValue(), name.getValue(), parse(symbols.getValue()),
                    riskBased.getValue() ? QuantityMode.RISK : QuantityMode.FIXED, decimal("quantity", quantity),
                    decimal("riskAmount", riskAmount), decimal("stopPercent", stopPercent), chosenActions(), enabled.getValue()));
            created.setText("Created " + c.strategy().id() + ". Post its signals to " + c.strategy().path()
                    + " with this secret (shown only now): " + c.secret());
            refresh();
        } catch (SignalRefusal refusal) {
            Notification.show(refusal.getMessage(), 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The field's number, null when empty. @throws SignalRefusal INVALID_PARAMETER when it is not a number */
    static java.math.BigDecimal decimal(String name, TextField field) {
        String text = field.getValue() == null ? "" : field.getValue().strip();
        if (text.isEmpty()) return null;
        try {
            return new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            throw SignalRefusal.badParameter(name, field.getLabel() + " must be a number.");
        }
    }

    private java.util.Set<SignalAction> chosenActions() {
        java.util.Set<SignalAction> chosen = EnumSet.noneOf(SignalAction.class);
        actions.forEach((action, box) -> {
            if (box.getValue()) chosen.add(action);
        });
        return chosen;
    }

    private void toggle(WebhookStrategy s) {
        try {
            signals.setEnabled(s.id(), !s.enabled());
            refresh();
        } catch (SignalRefusal refusal) {
            Notification.show(refusal.getMessage(), 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    void refresh() {
        strategies.setItems(signals.strategies());
        latest.setItems(signals.latestSignals(100));
    }

    /** {@code TICKER=SYMBOL} lines as a map; a line without {@code =} maps the ticker to itself. */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) return out;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            int eq = l.indexOf('=');
            out.put(eq < 0 ? l : l.substring(0, eq).strip(), eq < 0 ? l : l.substring(eq + 1).strip());
        }
        return out;
    }

    private static String sizing(WebhookStrategy s) {
        return s.quantityMode() == QuantityMode.FIXED ? s.quantity().stripTrailingZeros().toPlainString()
                : "risk " + s.riskAmount().stripTrailingZeros().toPlainString() + " / stop " + s.stopPercent().stripTrailingZeros().toPlainString() + " %";
    }
}
