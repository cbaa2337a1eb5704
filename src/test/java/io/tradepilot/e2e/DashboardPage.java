package io.tradepilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The dashboard (route {@code ""}): the three control states and the buttons the role may use. */
final class DashboardPage {

    static final List<String> CONTROL_BUTTONS = List.of("kill-switch-engage", "kill-switch-disengage",
            "trading-pause", "trading-resume", "circuit-breaker-trip", "circuit-breaker-reset");

    final Page page;

    DashboardPage(Page page) {
        this.page = page;
    }

    /** Waits until the dashboard is shown and ready (see {@link Browsers#awaitView}). */
    DashboardPage waitUntilShown() {
        Browsers.awaitView(page.locator("#dashboard"));
        return this;
    }

    Locator killSwitchState() {
        return page.locator("#kill-switch-state");
    }

    Locator killSwitchDetail() {
        return page.locator("#kill-switch-detail");
    }

    Locator banner() {
        return page.locator("#trading-status-banner");
    }

    Locator button(String id) {
        return page.locator("#" + id);
    }

    /** Shows the history tab of a control ({@code "Kill switch"}, {@code "Trading"}, {@code "Circuit breaker"}). */
    void showHistory(String control) {
        page.locator("#history-tabs vaadin-tab").getByText(control, new Locator.GetByTextOptions().setExact(true)).click();
        Browsers.awaitView(page.locator("#dashboard"));
    }

    /**
     * The kill switch's history cells showing {@code text}. The history is read again only when a control
     * change is pushed to the page (the dashboard's fallback poll re-reads the three states alone), so a
     * new row here arrived by server push.
     */
    Locator killSwitchHistory(String text) {
        return page.locator("#kill-switch-history vaadin-grid-cell-content").getByText(text);
    }

    Locator dialogError() {
        return page.locator("#dialog-error");
    }

    /** Engages the kill switch through its confirmation dialog and waits for the dialog to close. */
    void engageKillSwitch(String reason) {
        button("kill-switch-engage").click();
        reasonField().fill(reason);
        page.locator("#confirm-button").click();
        assertThat(dialog()).isHidden();
    }

    /** Opens the disengage dialog and submits notes and the typed confirmation; leaves the dialog as it ends. */
    void submitDisengage(String notes, String confirmation) {
        if (!page.locator("#confirm-field").isVisible()) {
            button("kill-switch-disengage").click();
        }
        reasonField().fill(notes);
        page.locator("#confirm-field input").fill(confirmation);
        page.locator("#confirm-button").click();
    }

    /** The reason (or notes) text area of the open dialog. */
    private Locator reasonField() {
        return page.locator("#reason-field textarea");
    }

    /**
     * The open control dialog, seen through its reason field: Vaadin's dialog element has no box, so
     * {@code isHidden()} on {@code #control-dialog} passes even while the dialog is open.
     */
    Locator dialog() {
        return page.locator("#reason-field");
    }
}
