package io.tradepilot.runbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.tradepilot.runbook.Incident;
import io.tradepilot.runbook.Incidents;
import io.tradepilot.runbook.RunbookRefusal;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;

/**
 * Incidents: the list (open first), one incident's timeline, and for operators and admins: open one, add an entry,
 * close with a resolution (the service checks the role again and audits). Element ids: {@code incidents-grid},
 * {@code incident-title}, {@code incident-open}, {@code incident-detail}, {@code incident-entry},
 * {@code incident-add}, {@code incident-close}, {@code incident-error}.
 */
class IncidentsPanel extends VerticalLayout {

    private final Incidents incidents;
    private final boolean mayWrite;
    final Grid<Incident> grid = new Grid<>();
    final TextField title = new TextField("Title");
    final TextArea entry = new TextArea("Timeline entry, or the resolution when closing");
    final Div detail = new Div();
    final Span error = new Span();
    private Incident selected;

    IncidentsPanel(Incidents incidents) {
        this.incidents = incidents;
        this.mayWrite = CurrentUser.role().filter(r -> r == Roles.Role.ADMIN || r == Roles.Role.OPERATOR).isPresent();
        setPadding(false);
        grid.setId("incidents-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Incident::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Incident::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Incident::title).setHeader("Title").setFlexGrow(1);
        grid.addColumn(i -> i.alertId() == null ? "" : "alert " + i.alertId()).setHeader("From").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> i.openedBy() + " at " + i.openedAt()).setHeader("Opened").setAutoWidth(true).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> select(e.getValue() == null ? null : e.getValue().id()));
        error.setId("incident-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        detail.setId("incident-detail");
        title.setId("incident-title");
        title.setWidth("30rem");
        title.setMaxLength(200);
        entry.setId("incident-entry");
        entry.setWidthFull();
        entry.setMaxLength(4000);
        Button open = new Button("Open incident", e -> attempt(() -> {
            Incident created = incidents.open(title.getValue(), null, entry.getValue());
            title.clear();
            entry.clear();
            refresh();
            select(created.id());
        }));
        open.setId("incident-open");
        Button add = new Button("Add entry", e -> attempt(() -> {
            requireSelected();
            incidents.addEntry(selected.id(), entry.getValue());
            entry.clear();
            select(selected.id());
        }));
        add.setId("incident-add");
        Button close = new Button("Close with resolution", e -> attempt(() -> {
            requireSelected();
            incidents.close(selected.id(), entry.getValue());
            entry.clear();
            refresh();
            select(selected.id());
        }));
        close.setId("incident-close");
        close.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        HorizontalLayout newIncident = new HorizontalLayout(title, open);
        newIncident.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        HorizontalLayout write = new HorizontalLayout(add, close);
        newIncident.setVisible(mayWrite);
        entry.setVisible(mayWrite);
        write.setVisible(mayWrite);
        add(newIncident, entry, write, error, grid, new H3("Timeline"), detail);
        refresh();
    }

    private void requireSelected() {
        if (selected == null) {
            throw new RunbookRefusal(400, "NO_INCIDENT", null, "Select an incident first.");
        }
    }

    private void refresh() {
        grid.setItems(incidents.list(200));
    }

    private void select(Long id) {
        detail.removeAll();
        selected = id == null ? null : incidents.find(id).orElse(null);
        if (selected == null) {
            detail.add(new Span("Select an incident to see its timeline."));
            return;
        }
        detail.add(new Div(new Span("#" + selected.id() + " " + selected.title() + " — " + selected.status())));
        for (Incident.Entry e : selected.timeline()) {
            Div line = new Div(new Span(e.at() + " " + e.username() + ": " + e.text()));
            line.getStyle().set("white-space", "pre-line");
            detail.add(line);
        }
        if (selected.status() == Incident.Status.CLOSED) {
            detail.add(new Div(new Span("Closed by " + selected.closedBy() + " at " + selected.closedAt() + ": " + selected.resolution())));
        }
    }

    private void attempt(Runnable action) {
        Attempts.run(error, action, () -> { });
    }
}
