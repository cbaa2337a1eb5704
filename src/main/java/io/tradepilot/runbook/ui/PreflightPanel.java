package io.tradepilot.runbook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tradepilot.runbook.CheckOutcome;
import io.tradepilot.runbook.CheckResult;
import io.tradepilot.runbook.Preflight;
import io.tradepilot.runbook.PreflightSheet;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pre-flight checklist of the current trading day: the automatic checks with their evidence (pushed by the
 * runbook feed), the signed-in user's manual items, who completed it, and — for operators and admins — the ticks,
 * "Mark risk limits as reviewed" and "Complete pre-flight" (the service checks role and readiness again, and audits).
 * Element ids: {@code preflight-day}, {@code preflight-status}, {@code preflight-check-<id>} ({@code data-status}),
 * {@code preflight-item-<id>}, {@code preflight-review-limits}, {@code preflight-complete}, {@code preflight-error}.
 */
class PreflightPanel extends VerticalLayout {

    private final Preflight preflight;
    private final boolean mayWrite;
    private final LocalDate day;
    private final VerticalLayout checks = new VerticalLayout();
    private final VerticalLayout items = new VerticalLayout();
    private final java.util.Map<String, Checkbox> boxes = new java.util.LinkedHashMap<>();
    final Span status = new Span();
    final Span error = new Span();
    final Button complete = new Button("Complete pre-flight");
    final Button review = new Button("Mark risk limits as reviewed");

    PreflightPanel(Preflight preflight) {
        this.preflight = preflight;
        this.mayWrite = CurrentUser.role().filter(r -> r == Roles.Role.ADMIN || r == Roles.Role.OPERATOR).isPresent();
        this.day = preflight.tradingDay();
        setId("preflight");
        setPadding(false);
        Span dayLabel = new Span("Pre-flight for the trading day " + day);
        dayLabel.setId("preflight-day");
        dayLabel.getStyle().set("font-weight", "700");
        status.setId("preflight-status");
        error.setId("preflight-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600").set("white-space", "pre-line");
        checks.setPadding(false);
        checks.setSpacing(false);
        items.setPadding(false);
        items.setSpacing(false);
        review.setId("preflight-review-limits");
        review.setVisible(mayWrite);
        review.addClickListener(e -> attempt(() -> {
            preflight.reviewRiskLimits();
            show(new RunbookFrame(preflight.runChecks(), "", ""));
        }));
        complete.setId("preflight-complete");
        complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        complete.setVisible(mayWrite);
        complete.addClickListener(e -> attempt(() -> showSheet(preflight.complete(day))));
        add(dayLabel, status, new H3("Automatic checks"), checks, review, new H3("Manual items"), items, complete, error);
        showSheet(preflight.sheet(day));
    }

    /** Shows the checks of a frame (called by the feed, under the UI lock). */
    void show(RunbookFrame frame) {
        checks.removeAll();
        for (CheckOutcome outcome : frame.checks()) {
            Span title = new Span(outcome.title() + ": " + outcome.result().status());
            title.getStyle().set("font-weight", "600").set("color", color(outcome.result().status()));
            Span evidence = new Span(outcome.result().evidence());
            evidence.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Div row = new Div(title, new Div(evidence));
            row.setId("preflight-check-" + outcome.id());
            row.getElement().setAttribute("data-status", outcome.result().status().name());
            row.getStyle().set("padding", "var(--lumo-space-xs) 0");
            checks.add(row);
        }
    }

    static String color(CheckResult.Status status) {
        return switch (status) {
            case PASS -> "var(--lumo-success-text-color)";
            case WARN -> "var(--lumo-warning-text-color, var(--lumo-secondary-text-color))";
            case FAIL -> "var(--lumo-error-text-color)";
            case NOT_APPLICABLE -> "var(--lumo-secondary-text-color)";
        };
    }

    /** Shows the sheet: the items' ticks (each checkbox built once, so a click never lands on a replaced one) and the completions. */
    private void showSheet(PreflightSheet sheet) {
        for (PreflightSheet.Item item : sheet.items()) {
            Checkbox box = boxes.computeIfAbsent(item.id(), id -> {
                Checkbox created = new Checkbox(item.label());
                created.setId("preflight-item-" + id);
                created.setReadOnly(!mayWrite);
                created.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        attempt(() -> showSheet(preflight.tick(day, id, e.getValue())));
                    }
                });
                items.add(created);
                return created;
            });
            box.setValue(item.ticked());
        }
        List<PreflightSheet.Completion> completions = sheet.completions();
        boolean mine = sheet.completionOf(CurrentUser.username()).isPresent();
        status.setText(completions.isEmpty() ? "Not complete yet."
                : "Complete: " + completions.stream().map(c -> c.username() + " at " + c.at()).collect(Collectors.joining(", "))
                + (mine ? "" : " (not yet by you)"));
        status.getElement().setAttribute("data-complete", Boolean.toString(!completions.isEmpty()));
        status.getStyle().set("font-weight", "700")
                .set("color", completions.isEmpty() ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
    }

    private void attempt(Runnable action) {
        Attempts.run(error, action, () -> showSheet(preflight.sheet(day)));
    }
}
