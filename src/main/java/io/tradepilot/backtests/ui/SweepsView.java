package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SweepInfo;
import io.tradepilot.backtests.SweepRequest;
import io.tradepilot.backtests.Sweeps;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
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
    final Select<String> strategy = new Select<>();
    final FormLayout parameters = new FormLayout();
    final Map<String, TextField> ranges = new LinkedHashMap<>();
    final IntegerField samples = new IntegerField("Random sample (cells, optional)");
    final IntegerField seed = new IntegerField("Seed");
    final IntegerField chunkSize = new IntegerField("Cells per chunk");
    BacktestForm form;
    private Registration poll;

    SweepsView(Sweeps sweeps, Backtests backtests) {
        this.sweeps = sweeps;
        setId("sweeps-view");
        setSizeFull();
        add(new H2("Parameter sweeps"), new Anchor("backtests", "Backtests"));
        if (operator) {
            form = new BacktestForm(backtests.configurations(), backtests.series());
            Map<String, List<String>> schema = sweeps.strategyParameters();
            strategy.setId("sweep-strategy");
            strategy.setLabel("Strategy to sweep");
            strategy.setItems(schema.keySet());
            strategy.addValueChangeListener(e -> showParameters(schema.getOrDefault(e.getValue(), List.of())));
            form.config.addValueChangeListener(e -> {
                if (e.getValue() != null) strategy.setValue(e.getValue().type());
            });
            strategy.setValue(form.config.getValue() != null ? form.config.getValue().type() : schema.keySet().iterator().next());
            samples.setId("sweep-samples");
            samples.setHelperText("Empty: every valid cell of the grid");
            seed.setId("sweep-seed");
            chunkSize.setId("sweep-chunk-size");
            chunkSize.setValue(25);
            chunkSize.setHelperText("Each chunk is one job; any instance with workers takes chunks");
            Button submit = new Button("Run sweep", e -> submit());
            submit.setId("sweep-submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new H3("New sweep"), form, strategy, parameters, new FormLayout(samples, seed, chunkSize), submit);
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

    private void showParameters(List<String> names) {
        parameters.removeAll();
        ranges.clear();
        for (String name : names) {
            TextField f = new TextField(name);
            f.setId("sweep-param-" + name);
            f.setPlaceholder("from:to:step or v1,v2");
            f.setHelperText("Empty: kept at the configuration's value");
            ranges.put(name, f);
            parameters.add(f);
        }
    }

    /** The sweep the form holds now. */
    SweepRequest request() {
        Map<String, String> swept = new LinkedHashMap<>();
        ranges.forEach((name, f) -> {
            if (!f.getValue().isBlank()) swept.put(name, f.getValue().strip());
        });
        return new SweepRequest(form.request(), swept, samples.getValue(), seed.getValue() == null ? null : seed.getValue().longValue(),
                chunkSize.getValue());
    }

    void submit() {
        ranges.values().forEach(f -> f.setInvalid(false));
        samples.setInvalid(false);
        seed.setInvalid(false);
        chunkSize.setInvalid(false);
        try {
            SweepInfo sweep = sweeps.submit(request());
            form.show(null);
            Notification.show("Sweep " + sweep.id() + " queued: " + sweep.cells() + " cells in " + sweep.chunks() + " chunks");
            grid.setItems(sweeps.sweeps(100));
        } catch (BacktestRefusal refusal) {
            if (!show(refusal)) Notification.show(refusal.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** Puts a refusal's message on the field it names; answers whether one was named. */
    private boolean show(BacktestRefusal refusal) {
        if (form.show(refusal)) return true;
        String field = refusal.field();
        com.vaadin.flow.component.HasValidation target = field == null ? null : switch (field) {
            case "samples" -> samples;
            case "seed" -> seed;
            case "chunkSize" -> chunkSize;
            case "parameters" -> ranges.values().stream().findFirst().orElse(null);
            default -> field.startsWith("parameters.") ? ranges.get(field.substring("parameters.".length())) : null;
        };
        if (target == null) return false;
        target.setErrorMessage(refusal.getMessage());
        target.setInvalid(true);
        return true;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().setPollInterval(1000);
        poll = event.getUI().addPollListener(e -> grid.setItems(sweeps.sweeps(100)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) poll.remove();
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }
}
