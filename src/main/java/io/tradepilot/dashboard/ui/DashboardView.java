package io.tradepilot.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.controls.Change;
import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.dashboard.ControlBoard;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.GateDecision;
import io.tradepilot.controls.OrderPurpose;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TradingState;
import io.tradepilot.controls.ui.ControlDialog;
import io.tradepilot.dashboard.ControlActivity;
import io.tradepilot.dashboard.DeskFrame;
import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.runbook.Preflight;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard, for every signed-in role: whether orders may go out, the three controls with
 * who/when/why, the controls the user's role permits (the server checks again), live paper trading
 * ({@link DeskPanel}: mode, engine, markets, equity, P&amp;L, heat, room to the loss limit, positions),
 * a chart of control changes per hour and the history of each control (built when its tab is first shown, its
 * rows fetched a page at a time as shown). Control changes from any browser or instance arrive as one
 * {@link ControlBoard} snapshot for all sessions (the states, the newest history rows and the chart read once) and
 * are pushed; a 5-second poll notices an unreadable state (from a reading at most {@link #POLL_READING_AGE} old,
 * shared by the sessions polling meanwhile); trading figures are pushed by the shared desk feed (at most every
 * 500 ms, only when they changed).
 */
@Route("")
@PageTitle("Dashboard · Tradepilot")
@Menu(title = "Dashboard", order = 0, icon = "vaadin:dashboard")
@PermitAll
class DashboardView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int POLL_MILLIS = 5000;
    /** How old a reading the poll may show: one read a second for all polling sessions. */
    static final java.time.Duration POLL_READING_AGE = java.time.Duration.ofSeconds(1);
    /** Rows a history grid shows at most (the newest). */
    static final int HISTORY_ROWS = 1000;
    private static final Map<Control, String> COLORS = Map.of(Control.TRADING, "#1e88e5",
            Control.KILL_SWITCH, "#c62828", Control.CIRCUIT_BREAKER, "#ef6c00");

    private final ControlService controls;
    private final ControlBoard board;
    private final java.time.Duration pollReadingAge;
    /** The snapshot shown last: the history grids fetch their first rows from it. */
    private ControlBoard.Snapshot shown;
    private final Set<ControlAction> permitted;
    final DeskPanel deskPanel = new DeskPanel();

    final Div banner = new Div();
    final Span tradingState = new Span();
    final Span tradingDetail = new Span();
    final Span killSwitchState = new Span();
    final Span killSwitchDetail = new Span();
    final Span breakerState = new Span();
    final Span breakerDetail = new Span();
    final Map<ControlAction, Button> buttons = new EnumMap<>(ControlAction.class);
    final Map<Control, Grid<ControlChanged>> histories = new EnumMap<>(Control.class);
    final ApexChart chart = new ApexChart();
    final TabSheet tabs = new TabSheet();
    private ControlEvents.Subscription subscription;
    private static volatile DrawnActivity lastChart;
    private com.vaadin.flow.shared.Registration pollRegistration;

    @Autowired
    DashboardView(ControlService controls, ControlBoard board, LiveFeed<DeskFrame> desk) {
        this(controls, board, desk, POLL_READING_AGE);
    }

    /** {@code pollReadingAge}: how old a reading the poll may show (tests: zero). */
    DashboardView(ControlService controls, ControlBoard board, LiveFeed<DeskFrame> desk, java.time.Duration pollReadingAge) {
        this.controls = controls;
        this.board = board;
        this.pollReadingAge = pollReadingAge;
        this.permitted = controls.permittedActions();
        setWidthFull();
        setId("dashboard");

        banner.setId("trading-status-banner");
        banner.getStyle().set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "700").set("width", "100%")
                .set("box-sizing", "border-box");

        tradingState.setId("trading-state");
        tradingDetail.setId("trading-detail");
        killSwitchState.setId("kill-switch-state");
        killSwitchDetail.setId("kill-switch-detail");
        breakerState.setId("circuit-breaker-state");
        breakerDetail.setId("circuit-breaker-detail");

        var killCard = card("Kill switch", "kill-switch-card", killSwitchState, killSwitchDetail,
                button(ControlAction.ENGAGE_KILL_SWITCH, "ENGAGE KILL SWITCH", "kill-switch-engage", true),
                button(ControlAction.DISENGAGE_KILL_SWITCH, "Disengage kill switch", "kill-switch-disengage", false));
        killCard.getStyle().set("border", "3px solid var(--lumo-error-color)");
        var tradingCard = card("Trading", "trading-card", tradingState, tradingDetail,
                button(ControlAction.PAUSE, "Pause trading", "trading-pause", false),
                button(ControlAction.RESUME, "Resume trading", "trading-resume", false));
        var breakerCard = card("Circuit breaker", "circuit-breaker-card", breakerState, breakerDetail,
                button(ControlAction.TRIP_CIRCUIT_BREAKER, "Trip circuit breaker", "circuit-breaker-trip", false),
                button(ControlAction.RESET_CIRCUIT_BREAKER, "Reset circuit breaker", "circuit-breaker-reset", false));
        var cards = new FlexLayout(killCard, tradingCard, breakerCard);
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();

        chart.setId("control-events-chart");
        chart.setHeight("260px");

        tabs.setId("history-tabs");
        tabs.setWidthFull();
        Map<Tab, Control> tabControls = new java.util.HashMap<>();
        Map<Control, Div> tabContents = new EnumMap<>(Control.class);
        for (Control control : Control.values()) {
            var content = new Div();
            content.setWidthFull();
            tabContents.put(control, content);
            tabControls.put(tabs.add(control.label(), content), control);
        }
        // a history's grid is built the first time its tab is shown (most sessions never open the other two)
        tabs.addSelectedChangeListener(e -> showHistory(tabControls.get(e.getSelectedTab()), tabContents));
        showHistory(tabControls.get(tabs.getSelectedTab()), tabContents);

        desk.latest().ifPresent(deskPanel::show);
        desk.subscribeWhileAttached(this, deskPanel::show);
        add(new H2("Dashboard"), banner, cards, deskPanel, new H3("Control changes per hour (last 24 hours)"), chart,
                new H3("History"), tabs);
        show(board.current(pollReadingAge));
    }

    /**
     * Says under the banner whether today's pre-flight is complete, linking to the checklist (id {@code preflight-today},
     * attribute {@code data-complete}). Injected after construction so that the view's tests need no runbook.
     */
    @Autowired
    void showPreflight(Preflight preflight) {
        var day = preflight.tradingDay();
        boolean complete = preflight.preflightComplete(day);
        var link = new com.vaadin.flow.component.html.Anchor("runbook/preflight",
                "Pre-flight for " + day + ": " + (complete ? "complete" : "NOT complete — open the checklist"));
        link.setId("preflight-today");
        link.getElement().setAttribute("data-complete", Boolean.toString(complete));
        link.getStyle().set("font-weight", "700").set("color", complete ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        addComponentAtIndex(indexOf(banner) + 1, link);
    }

    private Button button(ControlAction action, String text, String id, boolean prominent) {
        var button = new Button(text, e -> openDialog(action));
        button.setId(id);
        if (prominent) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            button.getStyle().set("font-size", "var(--lumo-font-size-l)").set("min-height", "3.5rem")
                    .set("font-weight", "800");
        }
        button.setVisible(permitted.contains(action));
        buttons.put(action, button);
        return button;
    }

    private VerticalLayout card(String title, String id, Span state, Span detail, Button... actions) {
        var card = new VerticalLayout();
        card.setId(id);
        card.setWidth("20rem");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("flex", "1 1 20rem");
        state.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "800");
        detail.getStyle().set("color", "var(--lumo-secondary-text-color)").set("white-space", "pre-line");
        var row = new HorizontalLayout(actions);
        row.setWrap(true);
        card.add(new H3(title), state, detail, row);
        return card;
    }

    private void showHistory(Control control, Map<Control, Div> contents) {
        if (control == null || histories.containsKey(control)) return;
        var grid = historyGrid(control);
        histories.put(control, grid);
        contents.get(control).add(grid);
    }

    /**
     * A control's history, newest first, at most {@link #HISTORY_ROWS} rows, fetched lazily: the grid asks for the
     * rows it shows (a page at a time as the user scrolls), so a session holds no copy of the history. A history
     * that cannot be read shows no rows (the banner says the state is unknown).
     */
    private Grid<ControlChanged> historyGrid(Control control) {
        var grid = new Grid<ControlChanged>();
        grid.setItems(query -> {
            int offset = query.getOffset();
            int limit = Math.min(query.getLimit(), HISTORY_ROWS - offset);
            if (limit <= 0) return java.util.stream.Stream.empty();
            try {
                return shown.history(control, offset, limit).stream();
            } catch (RuntimeException unreadable) {
                return java.util.stream.Stream.empty();
            }
        });
        grid.setId(control.key().replace('_', '-') + "-history");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(false);
        grid.setHeight("20rem");
        grid.addColumn(c -> TIME.format(c.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ControlChanged::user).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.from() + " → " + c.to()).setHeader("Change").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ControlChanged::reason).setHeader("Why").setFlexGrow(1);
        return grid;
    }

    private void openDialog(ControlAction action) {
        new ControlDialog(action, controls.rules(), this::submit, applied -> {
            Notification.show(applied.change().control().label() + ": " + applied.change().from() + " → "
                    + applied.change().to(), 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show(board.readNow());
        }).open();
    }

    private ControlResult submit(ControlDialog.Submission s) {
        return ControlDialog.submitTo(controls, s);
    }

    /**
     * Reads the state and chart again (a new snapshot) and shows them, and has the history grids built so far fetch
     * their shown rows again; while the state cannot be read, the histories and the chart keep what they show.
     */
    void refresh() {
        show(board.readNow());
    }

    /**
     * Shows {@code snapshot}: its states, and when they are known its history rows and chart; an older snapshot than
     * the one shown (two changes handed over out of order) changes nothing.
     */
    void show(ControlBoard.Snapshot snapshot) {
        if (shown != null && snapshot.sequence() < shown.sequence()) return;
        shown = snapshot;
        if (showState(snapshot)) refreshHistories(snapshot);
    }

    /** Shows the three states only, from a reading at most a second old (the 5-second poll does this). */
    boolean refreshState() {
        return showState(board.current(pollReadingAge));
    }

    /** Shows the three states of {@code snapshot}; false when they are unknown. */
    private boolean showState(ControlBoard.Snapshot snapshot) {
        return switch (snapshot.reading()) {
            case ControlsReading.Unknown unknown -> {
                showUnknown(unknown);
                yield false;
            }
            case ControlsReading.Known known -> {
                showKnown(known);
                yield true;
            }
        };
    }

    private void showUnknown(ControlsReading.Unknown unknown) {
        ShownText.show(banner, "UNKNOWN — the control state cannot be read, so trading is BLOCKED. (" + unknown.cause() + ")");
        banner.getElement().setAttribute("data-status", "unknown");
        styleBanner("var(--lumo-error-color)", "var(--lumo-error-contrast-color)");
        for (Span s : List.of(tradingState, killSwitchState, breakerState)) {
            ShownText.show(s, "UNKNOWN");
            s.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        for (Span s : List.of(tradingDetail, killSwitchDetail, breakerDetail)) {
            ShownText.show(s, "State cannot be read.");
        }
        buttons.values().forEach(b -> ShownText.enable(b, false));
    }

    private void showKnown(ControlsReading.Known known) {
        GateDecision entries = TradingGate.decide(known, OrderPurpose.ENTRY);
        GateDecision exits = TradingGate.decide(known, OrderPurpose.EXIT);
        if (entries.allowed()) {
            ShownText.show(banner, "Trading allowed: new orders may go out.");
            banner.getElement().setAttribute("data-status", "allowed");
            styleBanner("var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)");
        } else {
            ShownText.show(banner, (exits.allowed() ? "New entries blocked (exits allowed). " : "All new orders blocked. ")
                    + entries.explanation());
            banner.getElement().setAttribute("data-status", exits.allowed() ? "entries-blocked" : "blocked");
            styleBanner("var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)");
        }

        var kill = known.killSwitch();
        ShownText.show(killSwitchState, kill.state().name());
        killSwitchState.getStyle().set("color", kill.engaged() ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        ShownText.show(killSwitchDetail, describe(kill.lastChange()));

        var trading = known.trading();
        ShownText.show(tradingState, trading.state().name());
        tradingState.getStyle().set("color", trading.state() == TradingState.PAUSED
                ? "var(--lumo-warning-text-color, var(--lumo-error-text-color))" : "var(--lumo-success-text-color)");
        ShownText.show(tradingDetail, describe(trading.lastChange()));

        var breaker = known.circuitBreaker();
        ShownText.show(breakerState, breaker.state().name());
        breakerState.getStyle().set("color", breaker.tripped() ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
        ShownText.show(breakerDetail, breaker.tripReason().map(r -> "Reason: " + r.label() + "\n").orElse("")
                + describe(breaker.lastChange()));

        enable(ControlAction.ENGAGE_KILL_SWITCH, !kill.engaged());
        enable(ControlAction.DISENGAGE_KILL_SWITCH, kill.engaged());
        enable(ControlAction.PAUSE, trading.state() == TradingState.ACTIVE);
        enable(ControlAction.RESUME, trading.state() == TradingState.PAUSED);
        enable(ControlAction.TRIP_CIRCUIT_BREAKER, !breaker.tripped());
        enable(ControlAction.RESET_CIRCUIT_BREAKER, breaker.tripped());
    }

    private void enable(ControlAction action, boolean applicable) {
        ShownText.enable(buttons.get(action), applicable);
    }

    private void styleBanner(String background, String color) {
        banner.getStyle().set("background", background).set("color", color);
    }

    private static String describe(Optional<Change> change) {
        return change.map(c -> "By " + c.user() + " at " + TIME.format(c.at())
                + (c.reason().isEmpty() ? "" : "\nWhy: " + c.reason())).orElse("Never changed.");
    }

    private void refreshHistories(ControlBoard.Snapshot snapshot) {
        try {
            histories.values().forEach(grid -> grid.getDataProvider().refreshAll());
            chart.show(activityChart(snapshot.lastDay()));
        } catch (RuntimeException unreadable) {
            // the banner already says the state is unknown; keep the last tables shown
        }
    }

    /**
     * The chart of changes per hour. Every dashboard is handed the same activity instance while it is unchanged, so
     * the chart is built once (and {@link ApexChart#show} writes its JSON once) for all sessions.
     */
    private static Chart activityChart(ControlActivity hourly) {
        DrawnActivity drawn = lastChart;
        if (drawn == null || drawn.activity() != hourly) {
            List<String> categories = hourly.hours().stream()
                    .map(h -> DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(h)).toList();
            List<Chart.Series<Double>> series = new ArrayList<>();
            for (Control control : Control.values()) {
                series.add(new Chart.Series<>(control.label(),
                        hourly.counts().get(control).stream().map(Integer::doubleValue).toList(), COLORS.get(control)));
            }
            drawn = new DrawnActivity(hourly, new Chart.Bar(null, categories, series, true, true));
            lastChart = drawn;
        }
        return drawn.chart();
    }

    /** A chart built from an activity (the activity by identity). */
    private record DrawnActivity(ControlActivity activity, Chart chart) {
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        subscription = board.subscribe(snapshot -> ui.access(() -> show(snapshot)));
        ui.setPollInterval(POLL_MILLIS);
        pollRegistration = ui.addPollListener(e -> refreshState());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        detachEvent.getUI().setPollInterval(-1);
    }
}
