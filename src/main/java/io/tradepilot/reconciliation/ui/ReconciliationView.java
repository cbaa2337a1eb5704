package io.tradepilot.reconciliation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.tradepilot.reconciliation.Mismatch;
import io.tradepilot.reconciliation.Reconciliation;
import io.tradepilot.reconciliation.ReconciliationRefusal;
import io.tradepilot.reconciliation.ReconciliationRun;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The Reconciliation page: the newest run and the differences between the ledger and the broker. Every role reads; an
 * admin runs it now, and adopts, closes or ignores a difference with a reason (the service checks the role again and
 * audits every attempt).
 */
@Route("reconciliation")
@PageTitle("Reconciliation · Tradepilot")
@Menu(title = "Reconciliation", order = 84, icon = "vaadin:scale")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class ReconciliationView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Reconciliation reconciliation;
    final Paragraph last = new Paragraph();
    final Paragraph outcome = new Paragraph();
    final Grid<Mismatch> open = new Grid<>();
    final TextField reason = new TextField("Reason (at least 10 characters)");

    ReconciliationView(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
        last.setId("reconciliation-last");
        outcome.setId("reconciliation-outcome");
        open.setId("reconciliation-mismatches");
        reason.setId("reconciliation-reason");
        reason.setWidthFull();
        open.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        open.addColumn(m -> TIME.format(m.foundAt())).setHeader("Found").setAutoWidth(true).setFlexGrow(0);
        open.addColumn(Mismatch::kind).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        open.addColumn(Mismatch::key).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        open.addColumn(m -> plain(m.ledger())).setHeader("Ledger").setAutoWidth(true).setFlexGrow(0);
        open.addColumn(m -> plain(m.broker())).setHeader("Broker").setAutoWidth(true).setFlexGrow(0);
        open.addColumn(Mismatch::detail).setHeader("Detail").setFlexGrow(1);
        add(new H2("Reconciliation"), new Paragraph("The ledger compared with the connected broker's book at start-up and every few "
                + "minutes. Missed fills are back-filled; every other difference holds new entries (circuit breaker "
                + "RECONCILIATION_MISMATCH; exits still go out) until it is resolved here. Reset the circuit breaker once none is open."),
                last, open);
        if (CurrentUser.role().filter(r -> r == Roles.Role.ADMIN).isPresent()) {
            Button run = new Button("Run now", e -> act(() -> "Run: " + describe(reconciliation.runNow())));
            Button adopt = new Button("Adopt broker's position", e -> selected(m -> reconciliation.adopt(m.id(), reason.getValue())));
            Button close = new Button("Close at broker", e -> selected(m -> reconciliation.close(m.id(), reason.getValue())));
            Button ignore = new Button("Ignore", e -> selected(m -> reconciliation.ignore(m.id(), reason.getValue())));
            run.setId("reconciliation-run");
            adopt.setId("reconciliation-adopt");
            close.setId("reconciliation-close");
            ignore.setId("reconciliation-ignore");
            add(reason, new HorizontalLayout(run, adopt, close, ignore));
        }
        add(outcome);
        refresh();
    }

    private void selected(java.util.function.Function<Mismatch, Mismatch> action) {
        Mismatch m = open.asSingleSelect().getValue();
        if (m == null) {
            outcome.setText("Select a difference first.");
            return;
        }
        act(() -> {
            Mismatch done = action.apply(m);
            return "Difference " + done.id() + " " + done.resolution() + ".";
        });
    }

    private void act(Supplier<String> action) {
        try {
            outcome.setText(action.get());
            reason.clear();
        } catch (ReconciliationRefusal r) {
            outcome.setText(r.getMessage() + " (" + r.code() + ")");
        }
        refresh();
    }

    void refresh() {
        last.setText(reconciliation.lastRun().map(ReconciliationView::describe).orElse("No reconciliation yet (no broker account connected)."));
        open.setItems(reconciliation.mismatches(true));
    }

    static String describe(ReconciliationRun r) {
        return r.outcome() + (r.finishedAt() == null ? "" : " at " + TIME.format(r.finishedAt())) + (r.accountId() == null ? "" : " with " + r.accountId())
                + ": " + r.detail() + (r.backfilled() > 0 ? "; " + r.backfilled() + " missed execution(s) back-filled" : "") + ".";
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
