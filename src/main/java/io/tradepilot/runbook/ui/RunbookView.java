package io.tradepilot.runbook.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.controls.Change;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.OrderPurpose;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.ui.ControlDialog;
import io.tradepilot.runbook.CheckOutcome;
import io.tradepilot.runbook.Incidents;
import io.tradepilot.runbook.Preflight;
import io.tradepilot.runbook.internal.RunbookPages;
import io.tradepilot.security.Roles;
import io.tradepilot.trading.TradingActions;
import io.tradepilot.trading.ui.EmergencyDialogs;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.beans.factory.ObjectProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One runbook page ({@code /runbook/<slug>}, {@code /runbook} the index) with the runbook's navigation. Live parts:
 * {@code state kill-switch|trading|circuit-breaker|controls} (pushed on every control change, from any instance),
 * {@code state engine|positions} and {@code check <id>} (pushed by the runbook feed when they change),
 * {@code action <control action>|flatten-all} (the controls' and the trading views' own dialogs, offered to the roles
 * that may use them; the services check again), {@code preflight} and {@code incidents}. Element ids:
 * {@code runbook-nav}, {@code runbook-page}, {@code runbook-state-<name>}, {@code runbook-check-<id>} (with
 * {@code data-status}), {@code runbook-action-<name>}.
 */
@Route("runbook")
@Menu(title = "Runbook", order = 80, icon = "vaadin:book")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class RunbookView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final RunbookPages pages;
    private final ControlService controls;
    private final ControlEvents events;
    private final LiveFeed<RunbookFrame> feed;
    private final Preflight preflight;
    private final Incidents incidents;
    private final ObjectProvider<TradingActions> trading;
    private final Div content = new Div();
    private final List<Consumer<ControlsReading>> controlViews = new ArrayList<>();
    private final List<Consumer<RunbookFrame>> frameViews = new ArrayList<>();
    private final List<Runnable> onControlChange = new ArrayList<>();
    private String title = "Runbook";
    private ControlEvents.Subscription subscription;

    RunbookView(RunbookPages pages, ControlService controls, ControlEvents events, LiveFeed<RunbookFrame> feed,
                Preflight preflight, Incidents incidents, ObjectProvider<TradingActions> trading) {
        this.pages = pages;
        this.controls = controls;
        this.events = events;
        this.feed = feed;
        this.preflight = preflight;
        this.incidents = incidents;
        this.trading = trading;
        setWidthFull();
        setId("runbook");
        Nav nav = new Nav();
        nav.setId("runbook-nav");
        FlexLayout links = new FlexLayout();
        links.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        links.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        for (RunbookPages.Page page : pages.all()) {
            Anchor link = new Anchor(page.slug().equals("index") ? "runbook" : "runbook/" + page.slug(), page.title());
            link.setId("runbook-link-" + page.slug());
            links.add(link);
        }
        nav.add(links);
        content.setId("runbook-page");
        content.setWidthFull();
        content.getStyle().set("max-width", "60rem");
        add(nav, content);
        feed.subscribeWhileAttached(this, frame -> frameViews.forEach(v -> v.accept(frame)));
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String slug) {
        RunbookPages.Page page = pages.page(slug == null || slug.isBlank() ? "index" : slug)
                .orElseThrow(() -> new NotFoundException("no runbook page " + slug));
        title = page.title() + " · Runbook · Tradepilot";
        controlViews.clear();
        frameViews.clear();
        onControlChange.clear();
        content.removeAll();
        for (RunbookPages.Segment segment : page.segments()) {
            content.add(switch (segment) {
                case RunbookPages.Html html -> new Html(html.html());
                case RunbookPages.Live live -> live(live);
            });
        }
        refreshControls();
        feed.latest().ifPresent(frame -> frameViews.forEach(v -> v.accept(frame)));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private Component live(RunbookPages.Live live) {
        return switch (live.kind()) {
            case "state" -> state(live.argument());
            case "check" -> check(live.argument());
            case "action" -> action(live.argument());
            case "preflight" -> {
                PreflightPanel panel = new PreflightPanel(preflight);
                frameViews.add(panel::show);
                yield panel;
            }
            case "incidents" -> new IncidentsPanel(incidents);
            default -> new Span("(unknown live part: " + live.kind() + ")");
        };
    }

    private Component state(String name) {
        Span value = new Span();
        value.setId("runbook-state-" + name);
        value.getStyle().set("font-weight", "700").set("white-space", "pre-line");
        Div box = box(label(name), value);
        switch (name) {
            case "engine" -> frameViews.add(frame -> value.setText(frame.engine()));
            case "positions" -> frameViews.add(frame -> value.setText(frame.positions()));
            default -> controlViews.add(reading -> value.setText(describe(name, reading)));
        }
        return box;
    }

    private static String label(String name) {
        return switch (name) {
            case "kill-switch" -> "Kill switch";
            case "trading" -> "Trading";
            case "circuit-breaker" -> "Circuit breaker";
            case "controls" -> "May orders go out?";
            case "engine" -> "Engine (this instance)";
            case "positions" -> "Positions and orders";
            default -> name;
        };
    }

    static String describe(String name, ControlsReading reading) {
        if (!(reading instanceof ControlsReading.Known known)) {
            return "UNKNOWN — the control state cannot be read, so trading is BLOCKED";
        }
        return switch (name) {
            case "kill-switch" -> known.killSwitch().state().name() + who(known.killSwitch().lastChange());
            case "trading" -> known.trading().state().name() + who(known.trading().lastChange());
            case "circuit-breaker" -> known.circuitBreaker().state().name()
                    + known.circuitBreaker().tripReason().map(r -> " (" + r.label() + ")").orElse("") + who(known.circuitBreaker().lastChange());
            default -> {
                var entries = TradingGate.decide(known, OrderPurpose.ENTRY);
                yield entries.allowed() ? "Trading allowed: new orders may go out." : "Blocked: " + entries.explanation()
                        + "\nKill switch " + known.killSwitch().state() + " · trading " + known.trading().state()
                        + " · circuit breaker " + known.circuitBreaker().state();
            }
        };
    }

    private static String who(Optional<Change> change) {
        return change.map(c -> "\nby " + c.user() + " at " + c.at() + (c.reason().isEmpty() ? "" : " — " + c.reason())).orElse("");
    }

    private Component check(String id) {
        Span status = new Span("…");
        Span evidence = new Span();
        Div box = box(id, status, evidence);
        box.setId("runbook-check-" + id);
        frameViews.add(frame -> {
            Optional<CheckOutcome> outcome = frame.check(id);
            status.setText(outcome.map(o -> o.title() + ": " + o.result().status()).orElse("no such check: " + id));
            evidence.setText(outcome.map(o -> o.result().evidence()).orElse(""));
            box.getElement().setAttribute("data-status", outcome.map(o -> o.result().status().name()).orElse("UNKNOWN"));
            status.getStyle().set("color", outcome.map(o -> PreflightPanel.color(o.result().status())).orElse("inherit"));
        });
        return box;
    }

    private Component action(String name) {
        Button button = new Button();
        button.setId("runbook-action-" + name);
        if (name.equals("flatten-all")) {
            TradingActions actions = trading.getIfAvailable();
            button.setText("Flatten all");
            button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            button.setVisible(actions != null && EmergencyDialogs.mayFlattenAll(actions));
            button.addClickListener(e -> EmergencyDialogs.openFlattenAll(actions, this::refreshControls));
            return new HorizontalLayout(button);
        }
        ControlAction action;
        try {
            action = ControlAction.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return new Span("(unknown action: " + name + ")");
        }
        button.setText(switch (action) {
            case ENGAGE_KILL_SWITCH -> "ENGAGE KILL SWITCH";
            case DISENGAGE_KILL_SWITCH -> "Disengage kill switch";
            case PAUSE -> "Pause trading";
            case RESUME -> "Resume trading";
            case TRIP_CIRCUIT_BREAKER -> "Trip circuit breaker";
            case RESET_CIRCUIT_BREAKER -> "Reset circuit breaker";
        });
        if (action == ControlAction.ENGAGE_KILL_SWITCH || action == ControlAction.TRIP_CIRCUIT_BREAKER) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        }
        button.setVisible(controls.permittedActions().contains(action));
        button.addClickListener(e -> new ControlDialog(action, controls.rules(), s -> ControlDialog.submitTo(controls, s), applied -> {
            Notification.show(applied.change().control().label() + ": " + applied.change().from() + " → " + applied.change().to(),
                    3000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refreshControls();
        }).open());
        controlViews.add(reading -> button.setEnabled(reading instanceof ControlsReading.Known known && applicable(action, known)));
        return new HorizontalLayout(button);
    }

    private static boolean applicable(ControlAction action, ControlsReading.Known known) {
        return switch (action) {
            case ENGAGE_KILL_SWITCH -> !known.killSwitch().engaged();
            case DISENGAGE_KILL_SWITCH -> known.killSwitch().engaged();
            case PAUSE -> known.trading().state() == io.tradepilot.controls.TradingState.ACTIVE;
            case RESUME -> known.trading().state() == io.tradepilot.controls.TradingState.PAUSED;
            case TRIP_CIRCUIT_BREAKER -> !known.circuitBreaker().tripped();
            case RESET_CIRCUIT_BREAKER -> known.circuitBreaker().tripped();
        };
    }


    private static Div box(String label, Component... values) {
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div box = new Div(caption);
        for (Component value : values) {
            Div line = new Div(value);
            box.add(line);
        }
        box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin", "var(--lumo-space-xs) 0");
        return box;
    }

    private void refreshControls() {
        if (controlViews.isEmpty()) {
            return;
        }
        ControlsReading reading = controls.read();
        controlViews.forEach(v -> v.accept(reading));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        subscription = events.subscribe(change -> ui.access(this::refreshControls));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
    }
}
