package io.tradepilot.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI works in Chromium under its Content-Security-Policy and Permissions-Policy: sign-in, every
 * view loaded afresh, the chart, and a change arriving by server push, without one policy violation or
 * header error in the browser console.
 */
class ContentSecurityPolicyE2E extends BrowserTestSupport {

    /** Shorter than the dashboard's 5-second fallback poll: a change seen this fast came by server push. */
    private static final LocatorAssertions.HasTextOptions PUSHED = new LocatorAssertions.HasTextOptions().setTimeout(3_000);

    /**
     * The views of the side navigation, each with an element it shows once rendered.
     */
    private static final List<Map.Entry<String, String>> VIEWS = List.of(
            Map.entry("/", "#dashboard"),
            Map.entry("/orders", "#orders-view"),
            Map.entry("/positions", "#positions-view"),
            Map.entry("/strategies", "#strategies-view"),
            Map.entry("/audit", "#audit-grid"),
            Map.entry("/admin/users", "#users"),
            Map.entry("/account/tokens", "#api-tokens"),
            Map.entry("/account/password", "vaadin-password-field"));

    private static final String COLLECT_VIOLATIONS = """
            window.__policyViolations = [];
            document.addEventListener('securitypolicyviolation',
                e => window.__policyViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI));
            """;

    @Autowired
    private ControlService controls;

    private final List<String> consoleProblems = new CopyOnWriteArrayList<>();

    @AfterEach
    void killSwitchEndsActive() {
        users.as(users.admin(), () -> {
            if (controls.read() instanceof ControlsReading.Known known && known.killSwitch().engaged()) {
                controls.disengageKillSwitch("reset after the content security policy test", "CONFIRM");
            }
        });
    }

    @Test
    void every_view_renders_and_push_works_without_a_policy_violation() {
        Page page = newPage();
        page.addInitScript(COLLECT_VIOLATIONS);
        page.onConsoleMessage(message -> {
            String text = message.text();
            if (text.contains("Content Security Policy") || text.contains("Content-Security-Policy")
                    || text.contains("Permissions-Policy") || text.contains("Permissions policy")) {
                consoleProblems.add(message.type() + ": " + text);
            }
        });
        page.onPageError(error -> consoleProblems.add("page error: " + error));

        Response login = page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        assertThat(login.headers().get("content-security-policy")).contains("script-src 'self'");
        assertThat(login.headers().get("permissions-policy")).contains("camera=()");
        DashboardPage dashboard = new LoginPage(page).signIn(users.admin().username(), users.admin().password());
        assertThat(page.locator("#control-events-chart")).isVisible();
        assertNoViolations(page, "/ (after sign-in)");

        for (Map.Entry<String, String> view : VIEWS) {
            Response response = page.navigate(view.getKey());
            assertThat(response.headers().get("content-security-policy")).as(view.getKey()).contains("frame-ancestors 'none'");
            assertThat(page.locator(view.getValue()).first()).isVisible();
            assertNoViolations(page, view.getKey());
        }

        page.navigate("/");
        dashboard.waitUntilShown();
        assertThat(dashboard.killSwitchState()).hasText("ACTIVE");
        users.as(users.admin(), () -> controls.engageKillSwitch("E2E: pushed under the content security policy"));
        assertThat(dashboard.killSwitchState()).hasText("ENGAGED", PUSHED);
        assertNoViolations(page, "/ (push)");
    }

    private void assertNoViolations(Page page, String where) {
        @SuppressWarnings("unchecked")
        List<Object> violations = (List<Object>) page.evaluate("() => window.__policyViolations || []");
        assertThat(violations).as("policy violations on " + where).isEmpty();
        assertThat(consoleProblems).as("console messages about the policies on " + where).isEmpty();
    }
}
