package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.Sweeps;
import io.tradepilot.backtests.WalkForwardInfo;
import io.tradepilot.backtests.WalkForwardRequest;
import io.tradepilot.backtests.WalkForwards;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.Map;

/**
 * Walk-forward optimisations: the list with each one's progress (windows done of windows, refreshed every second while
 * open), and for operators and admins the form: the run every window is ({@link BacktestForm}, independent
 * single-symbol runs only), the strategy whose parameters are optimised in sample and per parameter a range
 * {@code from:to:step} or values {@code v1,v2} (empty: kept at the configuration's value), the in-sample and
 * out-of-sample window sizes in bars, rolling or anchored, and the in-sample objective. A refusal shows on the field it
 * names. Element ids: {@code walkforwards-view}, {@code walkforward-strategy}, {@code walkforward-param-<name>},
 * {@code walkforward-is-bars}, {@code walkforward-oos-bars}, {@code walkforward-windowing}, {@code walkforward-metric},
 * {@code walkforward-submit}, {@code walkforwards-grid}, per row {@code walkforward-open-<id>}, {@code
 * walkforward-state-<id>}, {@code walkforward-progress-<id>}.
 */
@Route("backtests/walkforwards")
@Menu(title = "Walk-forward", order = 3.76, icon = "vaadin:step-forward")
@PageTitle("Walk-forward · Tradepilot")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class WalkForwardsView extends VerticalLayout {

    static final String ROLLING = "Rolling";
    static final String ANCHORED = "Anchored";

    private final WalkForwards walkForwards;
    private final boolean operator = CurrentUser.role().map(r -> r.includes(Roles.Role.OPERATOR)).orElse(false);
    final Grid<WalkForwardInfo> grid = new Grid<>(WalkForwardInfo.class, false);
    /** The strategy and its parameters' fields (operators and admins only). */
    ParameterRanges parameters;
    Select<String> strategy;
    Map<String, TextField> ranges;
    final IntegerField isBars = new IntegerField("In-sample window (bars)");
    final IntegerField oosBars = new IntegerField("Out-of-sample window (bars)");
    final Select<String> windowing = new Select<>();
    final Select<String> metric = new Select<>();
    BacktestForm form;
    private ResearchForm research;

    WalkForwardsView(WalkForwards walkForwards, Sweeps sweeps, Backtests backtests) {
        Polling.whileAttached(this, () -> {
            grid.setItems(walkForwards.walkForwards(100));
            return true;
        });
        this.walkForwards = walkForwards;
        setId("walkforwards-view");
        setSizeFull();
        add(new H2("Walk-forward optimisation"), new Anchor("backtests", "Backtests"));
        if (operator) {
            research = new ResearchForm("walkforward", "Strategy to optimise", backtests, sweeps.strategyParameters());
            form = research.form;
            form.mode.setValue(BacktestMode.INDEPENDENT);
            form.mode.setVisible(false);
            parameters = research.parameters;
            research.field("isBars", isBars);
            research.field("oosBars", oosBars);
            research.field("metric", metric);
            strategy = parameters.strategy;
            ranges = parameters.ranges;
            isBars.setId("walkforward-is-bars");
            isBars.setValue(250);
            isBars.setHelperText("The first window's when anchored");
            oosBars.setId("walkforward-oos-bars");
            oosBars.setValue(60);
            oosBars.setHelperText("Also the step from one window to the next");
            windowing.setId("walkforward-windowing");
            windowing.setLabel("In-sample windows");
            windowing.setItems(ROLLING, ANCHORED);
            windowing.setValue(ROLLING);
            windowing.setHelperText("Anchored: every in-sample window starts at the first bar");
            metric.setId("walkforward-metric");
            metric.setLabel("Optimise (in sample)");
            metric.setItems(SweepView.METRICS);
            metric.setValue("sharpe");
            Button submit = new Button("Run walk-forward", e -> submit());
            submit.setId("walkforward-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new H3("New walk-forward"), form, parameters, new FormLayout(isBars, oosBars, windowing, metric), submit);
        }
        grid.setId("walkforwards-grid");
        grid.addColumn(WalkForwardInfo::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(w -> {
            Anchor open = new Anchor("backtests/walkforwards/" + w.id(), w.label());
            open.setId("walkforward-open-" + w.id());
            return open;
        }).setHeader("Walk-forward").setFlexGrow(3);
        grid.addColumn(w -> String.join(", ", w.axes().keySet())).setHeader("Optimised").setAutoWidth(true);
        grid.addColumn(w -> w.isBars() + " / " + w.oosBars() + (w.anchored() ? " anchored" : " rolling")).setHeader("IS / OOS bars").setAutoWidth(true);
        grid.addColumn(WalkForwardInfo::metric).setHeader("Objective").setAutoWidth(true);
        grid.addColumn(WalkForwardInfo::submittedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(w -> BacktestsView.TIME.format(w.submittedAt().atZone(ZoneId.of("Asia/Kolkata")))).setHeader("Submitted").setAutoWidth(true);
        grid.addComponentColumn(w -> {
            Span state = new Span(w.state().name());
            state.setId("walkforward-state-" + w.id());
            state.getElement().getThemeList().add("badge " + SweepsView.badge(w.state()));
            if (w.error() != null) state.setTitle(w.error());
            return state;
        }).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(w -> {
            ProgressMeter bar = new ProgressMeter();
            bar.setValue(w.windows() == 0 ? 0 : (double) w.windowsDone() / w.windows());
            bar.setId("walkforward-progress-" + w.id());
            return bar;
        }).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(w -> w.windowsDone() + " / " + w.windows() + " windows").setHeader("Windows").setAutoWidth(true);
        grid.setItems(walkForwards.walkForwards(100));
        add(grid);
        expand(grid);
    }

    /** The walk-forward the form holds now. */
    WalkForwardRequest request() {
        Map<String, String> optimised = parameters.values();
        return new WalkForwardRequest(form.request(), optimised, isBars.getValue(), oosBars.getValue(), ANCHORED.equals(windowing.getValue()),
                metric.getValue());
    }

    void submit() {
        research.submit(() -> walkForwards.submit(request()), w -> {
            Notification.show("Walk-forward " + w.id() + " queued: " + w.windows() + " windows of " + w.cells() + " cells each");
            grid.setItems(walkForwards.walkForwards(100));
        });
    }
}
