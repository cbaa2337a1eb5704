package io.tradepilot.e2e;

import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.testing.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The trading controls as people use them: in real browsers, per role, with live updates across browsers. */
class ControlsE2E extends BrowserTestSupport {

    @Autowired
    private ControlService controls;

    @BeforeEach
    void killSwitchStartsActive() {
        users.as(users.admin(), () -> {
            if (controls.read() instanceof ControlsReading.Known known && known.killSwitch().engaged()) {
                controls.disengageKillSwitch("reset before an end-to-end test", "CONFIRM");
            }
        });
    }

    @Test
    void a_viewer_sees_every_state_but_no_control_and_the_api_refuses_the_viewer_too() {
        TestUser viewer = users.viewer();
        DashboardPage dashboard = signIn(viewer);

        assertThat(dashboard.killSwitchState()).hasText("ACTIVE");
        assertThat(dashboard.page.locator("#trading-state")).hasText("ACTIVE");
        assertThat(dashboard.page.locator("#circuit-breaker-state")).hasText("OPEN");
        assertThat(dashboard.page.locator("#control-events-chart")).isVisible();
        for (String id : DashboardPage.CONTROL_BUTTONS) {
            assertThat(dashboard.button(id)).isHidden();
        }

        String token = users.apiToken(viewer);
        assertThat(api(token).get("/api/v1/state").statusCode()).isEqualTo(200);
        HttpResponse<String> engage = api(token).post("/api/v1/kill-switch/engage",
                "{\"reason\":\"a viewer tries to stop all trading\"}");
        assertThat(engage.statusCode()).isEqualTo(403);
        assertThat(engage.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api(token).post("/api/v1/pause", "{\"reason\":\"a viewer tries to pause\"}").statusCode()).isEqualTo(403);
        assertThat(dashboard.killSwitchState()).hasText("ACTIVE");
    }

    @Test
    void an_operator_engages_the_kill_switch_another_browser_sees_it_and_an_admin_disengages_it_with_confirm() {
        TestUser operator = users.operator();
        DashboardPage watcher = signIn(users.viewer());
        DashboardPage operatorDashboard = signIn(operator);
        assertThat(watcher.killSwitchState()).hasText("ACTIVE");
        watcher.showHistory("Kill switch");
        operatorDashboard.showHistory("Kill switch");

        operatorDashboard.engageKillSwitch("E2E: halting on suspicious fills");

        assertThat(operatorDashboard.killSwitchState()).hasText("ENGAGED");
        assertThat(watcher.killSwitchHistory("E2E: halting on suspicious fills").first()).isVisible(); // pushed
        assertThat(watcher.killSwitchState()).hasText("ENGAGED");
        assertThat(watcher.killSwitchDetail()).containsText(operator.username());
        assertThat(watcher.killSwitchDetail()).containsText("suspicious fills");
        assertThat(watcher.banner()).containsText("blocked");
        assertThat(operatorDashboard.button("kill-switch-disengage")).isHidden();

        DashboardPage admin = signIn(users.admin());
        assertThat(admin.killSwitchState()).hasText("ENGAGED");
        admin.submitDisengage("Reviewed the fills with the desk: all clear", "confirm");
        assertThat(admin.dialogError()).containsText("CONFIRM");
        assertThat(admin.killSwitchState()).hasText("ENGAGED");

        admin.submitDisengage("Reviewed the fills with the desk: all clear", "CONFIRM");
        assertThat(admin.dialog()).isHidden();
        assertThat(admin.killSwitchState()).hasText("ACTIVE");
        assertThat(watcher.killSwitchHistory("Reviewed the fills with the desk").first()).isVisible(); // pushed
        assertThat(operatorDashboard.killSwitchHistory("Reviewed the fills with the desk").first()).isVisible(); // pushed
        assertThat(watcher.killSwitchState()).hasText("ACTIVE");
        assertThat(operatorDashboard.killSwitchState()).hasText("ACTIVE");
    }
}
