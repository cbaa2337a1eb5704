package io.tradepilot.e2e;

import com.microsoft.playwright.Page;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The measuring half of {@code bin/load}: many signed-in dashboards on a running Tradepilot whose
 * engine trades as fast as it can, and a control changed again and again through the API. For each
 * number of sessions in {@code --sessions} (e.g. {@code 10,25,50}) it opens dashboards until that many
 * are signed in (each its own browser context in one headless Chromium: its own cookie and Vaadin
 * session), then prints: sign-in to a dashboard showing its states and to a fully painted one ({@link #FULLY_PAINTED};
 * p50/p95/max, and the first after start), the heap after a full GC and its
 * growth per session, {@code --changes} pause/resume changes with the time until each dashboard showed
 * each change (p50/p95/max; the time is taken in the page when the state's text changes, so reading the
 * pages one after another adds nothing), the engine's bars/s meanwhile, and at the end the ERROR lines of
 * the application's log. Bounded: the sessions and changes asked for, each wait at most {@link #SEEN_WITHIN}.
 * Arguments: {@code --pid --url --jdbc --db-password-file --log --password --sessions --changes --every-ms --out}.
 * Not a test: a measurement tool; its figures are printed, never asserted.
 */
public final class LoadMonitor {

    /** A change not shown within this counts as missed. */
    static final Duration SEEN_WITHIN = Duration.ofSeconds(30);

    /**
     * The dashboard shows its states. Not {@link Browsers#awaitView}: with the engine at full speed the
     * pushed figures can keep a starved browser's Vaadin client busy for longer than the wait allows.
     */
    static final String PAINTED = """
            () => { const e = document.querySelector('#trading-state'); return !!e && e.textContent.trim().length > 0; }
            """;

    /**
     * The dashboard is fully painted: its states, the desk panel's engine state, the control chart drawn (its SVG) and the equity chart too once there are figures, the
     * history grid attached, and no Vaadin request in flight (so nothing of the first paint is still on its way).
     */
    static final String FULLY_PAINTED = """
            () => {
              const text = s => { const e = document.querySelector(s); return !!e && e.textContent.trim().length > 0; };
              const svg = s => { const e = document.querySelector(s); return !!e && !!(e.shadowRoot || e).querySelector('svg'); };
              return text('#trading-state') && text('#engine-state') && svg('#control-events-chart') && (svg('#equity-chart') || !text('#figures'))
                && !!document.querySelector('#trading-history')
                && !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)
                && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());
            }
            """;

    /** Records, in the page, when the trading state's text changes (wall-clock milliseconds). */
    static final String OBSERVE = """
            () => {
              const el = document.querySelector('#trading-state');
              window.__tpChanges = [];
              new MutationObserver(() => window.__tpChanges.push([el.textContent, Date.now()]))
                .observe(el, {childList: true, characterData: true, subtree: true});
            }
            """;

    private LoadMonitor() {
    }

    public static void main(String[] args) {
        LoadRun.runAndExit(LoadMonitor::measure, args);
    }

    private static void measure(String[] args) throws Exception {
        LoadRun run = LoadRun.parse(args, "10,25,50", "6", "target/load/figures.txt");
        String url = run.url, password = run.password;

        SoakMonitor.waitUntilUp(url, run.pid);
        String token = createToken(url, password);
        HttpClient http = HttpClient.newHttpClient();
        long idleHeapKb = SoakMonitor.heapUsedKb(run.jcmd, run.pid, true);
        run.print(String.format(Locale.ROOT, "heap after GC with no session: %d MB", idleHeapKb / 1024));

        List<Page> pages = new ArrayList<>();
        long firstPaint = -1;
        boolean paused = false;
        for (int target : run.targets) {
            List<Long> signIns = new ArrayList<>();
            List<Long> fullyPainted = new ArrayList<>();
            while (pages.size() < target) {
                Page page = Browsers.newContext(url).newPage();
                long start = System.nanoTime();
                new LoginPage(page).open();
                long typed = System.nanoTime();
                new LoginPage(page).submit("admin", password);
                page.waitForFunction(PAINTED);
                signIns.add((System.nanoTime() - typed) / 1_000_000);
                page.waitForFunction(FULLY_PAINTED);
                fullyPainted.add((System.nanoTime() - typed) / 1_000_000);
                if (firstPaint < 0) firstPaint = fullyPainted.getLast();
                page.evaluate(OBSERVE);
                pages.add(page);
                if (pages.size() % 10 == 0) System.out.printf(Locale.ROOT, "  %d sessions open (last sign-in page %d ms)%n",
                        pages.size(), (typed - start) / 1_000_000);
            }
            long heapKb = SoakMonitor.heapUsedKb(run.jcmd, run.pid, true);
            long bars0 = SoakMonitor.bars(run.jdbc, run.dbPasswordFile);
            long t0 = System.nanoTime();
            List<Long> latencies = new ArrayList<>();
            int missed = 0;
            for (int c = 0; c < run.changes; c++) {
                long next = System.nanoTime() + run.everyMs * 1_000_000;
                paused = !paused;
                String expected = paused ? "PAUSED" : "ACTIVE";
                long sent = System.currentTimeMillis();
                run.change(http, token, paused, "load measurement " + c);
                missed += collect(pages, expected, sent, latencies);
                while (System.nanoTime() < next) Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = (SoakMonitor.bars(run.jdbc, run.dbPasswordFile) - bars0) / seconds;
            String line = String.format(Locale.ROOT, "%4d sessions: sign-in to dashboard showing its states p50 %s p95 %s max %s ms, fully painted p50 %s p95 %s max %s ms (first after start %d ms) | heap after GC %d MB "
                            + "(+%.2f MB per session) | change seen p50 %s p95 %s max %s ms over %d views, %d missed | engine %.0f bars/s",
                    target, pct(signIns, 50), pct(signIns, 95), pct(signIns, 100),
                    pct(fullyPainted, 50), pct(fullyPainted, 95), pct(fullyPainted, 100), firstPaint, heapKb / 1024,
                    (heapKb - idleHeapKb) / 1024.0 / target, pct(latencies, 50), pct(latencies, 95), pct(latencies, 100),
                    latencies.size(), missed, rate);
            run.print(line);
        }
        run.finish();
    }

    /**
     * Waits until every page has shown {@code expected} after {@code sentMillis} (or {@link #SEEN_WITHIN}
     * passed), adds each page's delay, and returns how many pages did not show it.
     */
    static int collect(List<Page> pages, String expected, long sentMillis, List<Long> latencies) throws InterruptedException {
        return LoadRun.collect(pages, page -> page.evaluate("([text, after]) => { const c = (window.__tpChanges || [])"
                        + ".find(x => x[0] === text && x[1] >= after); return c ? c[1] : null; }", List.of(expected, (double) sentMillis)) // Playwright passes numbers as doubles
                        instanceof Number n ? n.longValue() : null,
                sentMillis, 50, latencies);
    }

    /** Signs the admin in, creates an API token on the tokens page and returns its secret. */
    static String createToken(String url, String password) {
        Page page = Browsers.newContext(url).newPage();
        new LoginPage(page).open().signIn("admin", password);
        page.navigate("/account/tokens");
        page.locator("#token-name input").fill("load measurement");
        page.locator("#create-token").click();
        String secret = page.locator("#new-token-secret input").inputValue();
        page.context().close();
        return secret;
    }

    private static String pct(List<Long> values, int p) {
        return LoadRun.pct(values, p);
    }
}
