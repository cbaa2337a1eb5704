package io.tradepilot.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Base class of end-to-end tests ({@code *E2E}): the whole application on a random port with real
 * PostgreSQL and Redis (as {@link IntegrationTestSupport}), driven through Debian's Chromium by
 * Playwright. Each {@link #newPage()} is a separate browser context (its own cookies: a separate
 * user). Animations are off; waits are Playwright's auto-waiting assertions and readiness checks with
 * one generous limit, configured once in {@link Browsers}, never sleeps or short timeouts. When a
 * test fails, every page it opened is saved as a screenshot under {@code target/e2e-screenshots/}.
 */
public abstract class BrowserTestSupport extends IntegrationTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

    private final List<BrowserContext> contexts = new ArrayList<>();

    @RegisterExtension
    final AfterTestExecutionCallback screenshotsOnFailure = this::screenshotOnFailure;

    /** A fresh browser (own cookies and session) with one page at the application's address. */
    protected Page newPage() {
        BrowserContext context = Browsers.newContext("http://localhost:" + port);
        contexts.add(context);
        return context.newPage();
    }

    /** Opens a new browser, signs {@code user} in and returns the dashboard it lands on. */
    protected DashboardPage signIn(TestUser user) {
        return new LoginPage(newPage()).open().signIn(user.username(), user.password());
    }

    @AfterEach
    void closeBrowsers() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    private void screenshotOnFailure(ExtensionContext test) {
        if (test.getExecutionException().isEmpty()) {
            return;
        }
        int n = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                Path file = SCREENSHOTS.resolve(test.getRequiredTestClass().getSimpleName() + "-"
                        + test.getRequiredTestMethod().getName() + "-" + (++n) + ".png");
                try {
                    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                } catch (RuntimeException e) {
                    test.publishReportEntry("screenshot failed", file + ": " + e.getMessage());
                }
            }
        }
    }
}
