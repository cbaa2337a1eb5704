package io.tradepilot.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.tradepilot.testing.Eventually.eventually;

import com.microsoft.playwright.Page;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.testing.TestUser;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Alerts in a real browser: the kill switch engaged on the dashboard raises an alert, the header's bell counts it,
 * an operator acknowledges it on the Alerts page (who is shown) and the count goes back to 0.
 */
class AlertsE2E extends BrowserTestSupport {

    @Autowired private ControlService controls;
    @Autowired private Alerts alerts;
    @Autowired private DSLContext db;

    @BeforeEach
    @AfterEach
    void noAlertsAndTheKillSwitchActive() {
        users.as(users.admin(), () -> {
            if (controls.read() instanceof ControlsReading.Known known && known.killSwitch().engaged()) {
                controls.disengageKillSwitch("reset around an end-to-end test", "CONFIRM");
            }
        });
        db.execute("TRUNCATE alert_delivery, alert RESTART IDENTITY CASCADE");
    }

    @Test
    void the_header_counts_the_alert_of_an_engaged_kill_switch_until_an_operator_acknowledges_it() {
        TestUser operator = users.operator();
        DashboardPage dashboard = signIn(operator);
        Page page = dashboard.page;
        assertThat(page.locator("#unacknowledged-alerts")).hasText("0");

        dashboard.engageKillSwitch("E2E: an alert to acknowledge");
        eventually(Duration.ofSeconds(20), () -> alerts.unacknowledged() == 1, "the kill switch's alert raised");

        page.locator("#unacknowledged-alerts").click();
        Browsers.awaitView(page.locator("#alerts-history"));
        assertThat(page.locator("#unacknowledged-alerts")).hasText("1");
        page.locator("#alerts-ack-1").click();
        assertThat(page.locator("#alerts-history")).containsText(operator.username());
        eventually(Duration.ofSeconds(10), () -> alerts.unacknowledged() == 0, "acknowledged");
        assertThat(page.locator("#unacknowledged-alerts")).hasText("0");

        page.navigate(page.url().replaceFirst("/alerts$", "/"));
        Browsers.awaitView(page.locator("#dashboard"));
        assertThat(page.locator("#unacknowledged-alerts")).hasText("0");
    }
}
