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
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SweepInfo;
import io.tradepilot.backtests.SweepRequest;
import io.tradepilot.backtests.Sweeps;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.Map;

/**
 * Parameter sweeps: the list with each sweep's progress (chunks done of chunks, refreshed every second while open),
 * and for operators and admins the form: the run every cell is ({@link BacktestForm}), the strategy whose parameters
 * are swept and per parameter a range {@code from:to:step} or values {@code v1,v2} (empty: kept at the
 * configuration's value), an optional seeded random sample and the chunk size. A refusal shows on the field it names.
 * Element ids: {@code sweeps-view}, {@code sweep-strategy}, {@code sweep-param-<name>}, {@code sweep-samples},
 * {@code sweep-seed}, {@code sweep-chunk-size}, {@code sweep-submit}, {@code sweeps-grid}, per row {@code
 * sweep-open-<id>}, {@code sweep-state-<id>}, {@code sweep-progress-<id>}.
 */
@Route("backtests/sweeps")
@Menu(title = "Sweeps", order = 3.75, icon = "vaadin:grid-small")
@PageTitle("Sweeps · Tradepilot")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class SweepsView extends VerticalLayout {

    private final Sweeps sweeps;
    private final boolean operator = CurrentUser.role().map(r -> r.includes(Roles.Role.OPERATOR)).orElse(false);
    final Grid<SweepInfo> grid = new Grid<>(SweepInfo.class, false);
    /** The strategy and its parameters' fields (operators and admins only). */
    ParameterRanges parameters;
    Select<String> strategy;
    Map<String, TextField> ranges;
    final IntegerField samples = new IntegerField("Random sample (cells, optional)");
    final IntegerField seed = new IntegerField("Seed");
    final IntegerField chunkSize = new IntegerField("Cells per chunk");
    BacktestForm form;
    private ResearchForm research;

    SweepsView(Sweeps sweeps, Backtests backtests) {
        Polling.whileAttached(this, () -> {
            grid.setItems(sweeps.sweeps(100));
            return true;
        });
        this.sweeps = sweeps;
        setId("sweeps-view");
        setSizeFull();
        add(new H2("Parameter sweeps"), new Anchor("backtests", "Backtests"));
        if (operator) {
            research = new ResearchForm("sweep", "Strategy to sweep", backtests, sweeps.strategyParameters());
            form = research.form;
            parameters = research.parameters;
            research.field("samples", samples);
            research.field("seed", seed);
            research.field("chunkSize", chunkSize);
            strategy = parameters.strategy;
            ranges = parameters.ranges;
            samples.setId("sweep-samples");
            samples.setHelperText("Empty: every valid cell of the grid");
            seed.setId("sweep-seed");
            chunkSize.setId("sweep-chunk-size");
            chunkSize.setValue(25);
            chunkSize.setHelperText("Each chunk is one job; any instance with workers takes chunks");
            Button submit = new Button("Run sweep", e -> submit());
            submit.setId("sweep-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new H3("New sweep"), form, parameters, new FormLayout(samples, seed, chunkSize), submit);
        }
        grid.setId("sweeps-grid");
        grid.addColumn(SweepInfo::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
            Anchor open = new Anchor("backtests/sweeps/" + s.id(), s.label());
            open.setId("sweep-open-" + s.id());
            return open;
        }).setHeader("Sweep").setFlexGrow(3);
        grid.addColumn(s -> String.join(", ", s.axes().keySet())).setHeader("Swept").setAutoWidth(true);
        grid.addColumn(SweepInfo::cells).setHeader("Cells").setAutoWidth(true);
        grid.addColumn(SweepInfo::submittedBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(s -> BacktestsView.TIME.format(s.submittedAt().atZone(ZoneId.of("Asia/Kolkata")))).setHeader("Submitted").setAutoWidth(true);
        grid.addComponentColumn(s -> {
            Span state = new Span(s.state().name());
            state.setId("sweep-state-" + s.id());
            state.getElement().getThemeList().add("badge " + badge(s.state()));
            if (s.error() != null) state.setTitle(s.error());
            return state;
        }).setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(s -> {
            ProgressMeter bar = new ProgressMeter();
            bar.setValue(s.chunks() == 0 ? 0 : (double) s.chunksDone() / s.chunks());
            bar.setId("sweep-progress-" + s.id());
            return bar;
        }).setHeader("Progress").setAutoWidth(true);
        grid.addColumn(s -> s.chunksDone() + " / " + s.chunks() + " chunks").setHeader("Chunks").setAutoWidth(true);
        grid.setItems(sweeps.sweeps(100));
        add(grid);
        expand(grid);
    }

    static String badge(RunState state) {
        return switch (state) {
            case DONE -> "success";
            case FAILED, CANCELLED -> "error";
            case RUNNING -> "";
            case QUEUED -> "contrast";
        };
    }

    /** The sweep the form holds now. */
    SweepRequest request() {
        Map<String, String> swept = parameters.values();
        return new SweepRequest(form.request(), swept, samples.getValue(), seed.getValue() == null ? null : seed.getValue().longValue(),
                chunkSize.getValue());
    }

    void submit() {
        research.submit(() -> sweeps.submit(request()), sweep -> {
            Notification.show("Sweep " + sweep.id() + " queued: " + sweep.cells() + " cells in " + sweep.chunks() + " chunks");
            grid.setItems(sweeps.sweeps(100));
        });
    }
}
