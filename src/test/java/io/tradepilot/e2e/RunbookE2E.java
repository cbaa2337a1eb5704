package io.tradepilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tradepilot.alerts.AlertEntry;
import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.runbook.Incidents;
import io.tradepilot.runbook.Preflight;
import io.tradepilot.testing.Eventually;
import io.tradepilot.testing.TestUser;
import io.tradepilot.trading.TradingQueries;
import io.tradepilot.trading.internal.EngineHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.function.BooleanSupplier;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runbook as an operator uses it on a running desk: the pre-flight completed in the browser (every automatic
 * check live and passing, every item ticked) and the dashboard saying so; the kill switch engaged from the emergency
 * page with the dashboard's own dialog, its state pushed to the page, the alert on the Alerts page acknowledged and an
 * incident opened from it; and the app's own page, inside the layout, for a page that does not exist or that the role may not
 * open.
 */
@TestPropertySource(properties = {
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880177",
        "tradepilot.controls.key-prefix=runbook-e2e:",
        "tradepilot.trading.marketdata.speed=600",
        // a strategy that does not trade here: no losses, so no automatic trip stops the engine mid-test
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols[0]=SYNTH-ALPHA",
        "tradepilot.trading.strategies[0].quantity=100",
        "tradepilot.trading.strategies[0].params.fast=5",
        "tradepilot.trading.strategies[0].params.slow=5000"})
@DirtiesContext
class RunbookE2E extends BrowserTestSupport {

    private static boolean started;

    @Autowired EngineHost host;
    @Autowired TradingQueries queries;
    @Autowired ControlService controls;
    @Autowired Preflight preflight;
    @Autowired Alerts alerts;
    @Autowired Incidents incidents;
    @Autowired org.jooq.DSLContext db;

    @BeforeEach
    void engineRunsWithTheKillSwitchActive() {
        if (!started) {
            // stored strategy configurations of earlier classes would win over this class's non-trading strategy
            db.execute("TRUNCATE config_applied, config_version");
            host.start();
            started = true;
        }
        users.as(users.admin(), () -> {
            if (controls.read() instanceof ControlsReading.Known known && known.killSwitch().engaged()) {
                controls.disengageKillSwitch("reset before an end-to-end test", "CONFIRM");
            }
        });
        eventually(() -> "RUNNING".equals(queries.status().engineState()) && queries.status().barsProcessed() > 0,
                "the engine runs and has seen a bar");
    }

    @Test
    void an_operator_completes_the_preflight_engages_the_kill_switch_from_the_runbook_acknowledges_the_alert_and_opens_an_incident() {
        TestUser operator = users.operator();
        Page page = signIn(operator).page;
        assertThat(page.locator("#preflight-today")).hasAttribute("data-complete", "false");

        page.navigate("/runbook/preflight");
        Browsers.awaitView(page.locator("#preflight"));
        assertThat(page.locator("#preflight-check-postgresql")).hasAttribute("data-status", "PASS");
        assertThat(page.locator("#preflight-check-broker")).hasAttribute("data-status", "NOT_APPLICABLE");
        assertThat(page.locator("#preflight-check-risk-limits")).hasAttribute("data-status", "FAIL");
        page.locator("#preflight-complete").click();
        assertThat(page.locator("#preflight-error")).containsText("Not ready");

        page.locator("#preflight-review-limits").click();
        assertThat(page.locator("#preflight-check-risk-limits")).hasAttribute("data-status", "PASS");
        for (String item : List.of("controls", "positions", "strategies", "news", "emergency")) {
            page.locator("#preflight-item-" + item).click();
            assertThat(page.locator("#preflight-item-" + item)).hasAttribute("checked", "");
        }
        for (String check : List.of("leader", "feed", "calendar", "clock-skew", "disk", "redis")) {
            assertThat(page.locator("#preflight-check-" + check)).hasAttribute("data-status", "PASS"); // pushed
        }
        page.locator("#preflight-complete").click();
        assertThat(page.locator("#preflight-status")).hasAttribute("data-complete", "true");
        assertThat(page.locator("#preflight-status")).containsText(operator.username());
        assertThat(preflight.preflightComplete(preflight.tradingDay())).isTrue();

        page.reload();
        Browsers.awaitView(page.locator("#preflight"));
        assertThat(page.locator("#preflight-item-news")).hasAttribute("checked", ""); // persisted
        page.navigate("/");
        assertThat(page.locator("#preflight-today")).hasAttribute("data-complete", "true");

        page.navigate("/runbook/emergency-kill-switch");
        Browsers.awaitView(page.locator("#runbook-page"));
        assertThat(page.locator("#runbook-state-kill-switch")).containsText("ACTIVE");
        assertThat(page.locator("#runbook-action-disengage-kill-switch")).isHidden(); // admins only
        page.locator("#runbook-action-engage-kill-switch").click();
        page.locator("#reason-field textarea").fill("E2E: engaged from the runbook page");
        page.locator("#confirm-button").click();
        assertThat(page.locator("#runbook-state-kill-switch")).containsText("ENGAGED");
        assertThat(page.locator("#runbook-state-kill-switch")).containsText("E2E: engaged from the runbook page");

        eventually(() -> alerts.history(0, 20).stream().anyMatch(a -> a.rule() == AlertRule.KILL_SWITCH_ENGAGED),
                "the kill switch alert is raised");
        AlertEntry alert = alerts.history(0, 20).stream().filter(a -> a.rule() == AlertRule.KILL_SWITCH_ENGAGED)
                .findFirst().orElseThrow();
        page.navigate("/alerts");
        Browsers.awaitView(page.locator("#alerts-history"));
        assertThat(page.locator("#alerts-history vaadin-grid-cell-content").getByText(alert.title()).first()).isVisible();
        page.locator("#alerts-ack-" + alert.id()).click();
        assertThat(page.locator("#alerts-history")).containsText(operator.username() + ", "); // who acknowledged, and when
        eventually(() -> alerts.history(0, 20).stream().anyMatch(a -> a.id() == alert.id() && operator.username().equals(a.acknowledgedBy())),
                "the alert acknowledged by the operator");
        page.locator("#alert-incident-" + alert.id()).click();

        Browsers.awaitView(page.locator("#incidents-grid"));
        assertThat(page.locator("#incidents-grid vaadin-grid-cell-content").getByText("Alert: " + alert.title())).isVisible();
        long incident = incidents.forAlert(alert.id()).orElseThrow().id();
        page.navigate("/alerts");
        assertThat(page.locator("#alert-incident-" + alert.id())).hasText("Incident #" + incident);
    }

    @Test
    void a_viewer_sees_the_apps_own_page_inside_the_layout_for_a_page_it_may_not_open_or_that_does_not_exist() {
        Page page = signIn(users.viewer()).page;
        page.locator("#main-navigation vaadin-side-nav-item[path='runbook']").click();
        Browsers.awaitView(page.locator("#runbook-page"));
        assertThat(page.locator("#runbook-page h1")).hasText("Runbook");
        assertThat(page.locator("#runbook-nav a")).hasCount(11);

        for (String path : List.of("/admin/users", "/audit", "/no-such-page", "/runbook/no-such-page")) {
            page.navigate(path);
            Locator notAvailable = page.locator("#not-available");
            assertThat(notAvailable).containsText("This page is not available");
            assertThat(page.locator("#not-available-path")).containsText(path);
            assertThat(page.locator("#main-navigation")).isVisible();
            assertThat(page.locator("#current-role")).hasText("VIEWER");
        }
        // and the runbook's controls are not offered to a viewer (the services would refuse them too)
        page.navigate("/runbook/emergency-kill-switch");
        Browsers.awaitView(page.locator("#runbook-page"));
        assertThat(page.locator("#runbook-state-kill-switch")).containsText("ACTIVE");
        assertThat(page.locator("#runbook-action-engage-kill-switch")).isHidden();
    }

    private static void eventually(BooleanSupplier condition, String what) {
        Eventually.eventually(Browsers.WAIT, condition, what);
    }
}
