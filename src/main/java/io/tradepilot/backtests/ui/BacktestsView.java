package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.backtests.BacktestBoard;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.RunState;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The backtests: every run with its state, a live progress bar and ETA (pushed while the page is open, whichever
 * instance runs it; leave and come back at will), open, cancel; tick two or more finished runs to compare them.
 * Operators and admins start runs and cancel them (the server authorizes and audits). Element ids: {@code
 * backtests-view}, {@code backtests-new}, {@code backtests-compare}, {@code backtests-grid}; each row's progress bar
 * {@code backtest-progress-<id>}, state {@code backtest-state-<id>}, cancel {@code backtest-cancel-<id>}, open {@code
 * backtest-open-<id>}, compare tick {@code backtest-compare-check-<id>}.
 */
@Route("backtests")
@PageTitle("Backtests · Tradepilot")
@Menu(title = "Backtests", order = 3.7, icon = "vaadin:flask")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class BacktestsView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Backtests backtests;
    private final BacktestBoard board;
    private final Clock clock;
    private final boolean operator = CurrentUser.role().map(r -> r.includes(Roles.Role.OPERATOR)).orElse(false);
    final Grid<BacktestRun> grid = new Grid<>(BacktestRun.class, false);
    final Button compare = new Button("Compare selected");
    /** The runs ticked for comparison (kept across the live updates of the grid). */
    private final Set<Long> chosen = new LinkedHashSet<>();

    BacktestsView(Backtests backtests, BacktestBoard board, Clock clock) {
        this.backtests = backtests;
        this.board = board;
        this.clock = clock;
        setId("backtests-view");
        setSizeFull();
        Button create = new Button("New backtest", e -> getUI().ifPresent(ui -> ui.navigate(BacktestRunView.class)));
        create.setId("backtests-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(operator);
        compare.setId("backtests-compare");
        compare.setEnabled(false);
        compare.addClickListener(e -> {
            String ids = chosen.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
            getUI().ifPresent(ui -> ui.navigate("backtests/compare", com.vaadin.flow.router.QueryParameters.of("ids", ids)));
        });
        grid.setId("backtests-grid");
        grid.addComponentColumn(r -> {
            Checkbox pick = new Checkbox(chosen.contains(r.id()));
            pick.setId("backtest-compare-check-" + r.id());
            pick.setEnabled(r.state() == RunState.DONE);
            pick.setAriaLabel("Compare run " + r.id());
            pick.addValueChangeListener(e -> {
                if (e.getValue()) chosen.add(r.id());
                else chosen.remove(r.id());
                compare.setEnabled(chosen.size() >= 2);
            });
            return pick;
        }).setHeader("Compare").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(BacktestRun::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Anchor open = new Anchor("backtests/" + r.id(), r.label());
            open.setId("backtest-open-" + r.id());
            return open;
        }).setHeader("Backtest").setFlexGrow(3);
        grid.addColumn(r -> r.mode() == BacktestMode.PORTFOLIO ? "Portfolio" : "Independent").setHeader("Mode").setAutoWidth(true);
        grid.addColumn(BacktestRun::submittedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.submittedAt().atZone(ZoneId.of("Asia/Kolkata")))).setHeader("Submitted").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Span s = new Span(r.state().name() + (r.cancelRequested() && !r.state().terminal() ? " (cancelling)" : ""));
            s.setId("backtest-state-" + r.id());
            s.getElement().getThemeList().add("badge " + switch (r.state()) {
                case DONE -> "success";
                case FAILED, CANCELLED -> "error";
                case RUNNING -> "";
                case QUEUED -> "contrast";
            });
            if (r.error() != null) s.setTitle(r.error());
            return s;
        }).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            ProgressMeter bar = new ProgressMeter();
            bar.setValue(r.progress());
            bar.setId("backtest-progress-" + r.id());
            return bar;
        }).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(this::eta).setHeader("ETA / took").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button cancel = new Button("Cancel", e -> cancel(r));
            cancel.setId("backtest-cancel-" + r.id());
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            cancel.setVisible(operator && !r.state().terminal() && !r.cancelRequested());
            return cancel;
        }).setHeader("").setAutoWidth(true);
        grid.setItems(backtests.runs(100));
        add(new HorizontalLayout(new H2("Backtests"), create, compare), grid);
        expand(grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        board.subscribeWhileAttached(this, this::show);
    }

    private void show(List<BacktestRun> runs) {
        grid.setItems(runs);
    }

    private String eta(BacktestRun r) {
        if (r.state() == RunState.RUNNING && r.eta() != null) {
            Duration left = Duration.between(clock.instant(), r.eta());
            return left.isNegative() ? "any moment" : "in " + human(left);
        }
        return r.elapsed() == null ? "" : human(r.elapsed());
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        long s = d.toSeconds();
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private void cancel(BacktestRun r) {
        try {
            BacktestRun after = backtests.cancel(r.id());
            Notification.show("Backtest " + after.id() + ": " + (after.state() == RunState.CANCELLED ? "cancelled" : "cancelling"));
            show(backtests.runs(100));
        } catch (BacktestRefusal refusal) {
            Notification.show(refusal.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
