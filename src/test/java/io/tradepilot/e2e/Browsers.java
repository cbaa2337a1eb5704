package io.tradepilot.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ReducedMotion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One headless Debian Chromium per JVM, driven by Playwright, and the one place where browser waits are
 * configured (for the end-to-end tests, {@code bin/soak} and {@code bin/load} alike). Playwright never
 * downloads a browser here; Chromium's home, config and cache directories stay inside target/.
 *
 * <p>Every wait has one generous limit, {@link #WAIT}, for actions, navigation and assertions: a wait
 * ends as soon as its condition holds, so a long limit costs nothing on a quiet machine and keeps a
 * loaded one (a build beside the test, a cold JIT) from failing a test that is merely slow. Views are
 * awaited by readiness ({@link #awaitView}), never by a fixed delay.
 */
final class Browsers {

    static final Path CHROMIUM = Path.of(System.getProperty("tradepilot.chromium", "/usr/bin/chromium"));

    /** The limit of every browser wait: navigation, actions, locator waits and assertions. */
    static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * True once every Vaadin client on the page has bootstrapped and has no server round trip in flight
     * (Vaadin's own {@code isActive()}, as TestBench waits for it).
     */
    private static final String VAADIN_IDLE = """
            () => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)
              && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())
            """;

    private static final String NO_ANIMATIONS = """
            document.addEventListener('DOMContentLoaded', () => {
              const style = document.createElement('style');
              style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }';
              document.head.appendChild(style);
            });
            """;

    private static Playwright playwright;
    private static Browser browser;

    static {
        PlaywrightAssertions.setDefaultAssertionTimeout(WAIT.toMillis());
    }

    private Browsers() {
    }

    static synchronized Browser shared() {
        if (browser == null) {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException("Chromium not found at " + CHROMIUM + ": run bin/ensure-chromium (bin/test does)");
            }
            Path home = Path.of("target", "chromium-home").toAbsolutePath();
            Map<String, String> env = Map.of(
                    "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                    "HOME", home.toString(),
                    "XDG_CONFIG_HOME", home.resolve("config").toString(),
                    "XDG_CACHE_HOME", home.resolve("cache").toString());
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setEnv(env)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(Browsers::close));
        }
        return browser;
    }

    /**
     * A fresh browser context (its own cookies: a separate user) on the shared Chromium, at
     * {@code baseUrl}, with animations off and every wait limited by {@link #WAIT}.
     */
    static BrowserContext newContext(String baseUrl) {
        BrowserContext context = shared().newContext(new Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setViewportSize(1400, 1000)
                .setReducedMotion(ReducedMotion.REDUCE));
        context.setDefaultTimeout(WAIT.toMillis());
        context.setDefaultNavigationTimeout(WAIT.toMillis());
        context.addInitScript(NO_ANIMATIONS);
        return context;
    }

    /**
     * Waits until the view rooted at {@code root} is shown and its page is ready: the root element is
     * visible and Vaadin has no server round trip in flight, so the view's first state has arrived.
     */
    static void awaitView(Locator root) {
        PlaywrightAssertions.assertThat(root).isVisible();
        root.page().waitForFunction(VAADIN_IDLE, null,
                new Page.WaitForFunctionOptions().setTimeout(WAIT.toMillis()).setPollingInterval(50));
    }

    private static synchronized void close() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            browser = null;
        }
    }
}
