package io.tradepilot.e2e;

import com.microsoft.playwright.Page;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The measuring half of {@code bin/load-protocol}: many signed-in dashboards held by
 * {@link VaadinProtocolSession}s (Vaadin's own protocol over HTTP and the push WebSocket, no browser) on a
 * running Tradepilot whose engine trades as fast as it can, plus {@code --browsers} real Chromium pages
 * (default 1) that check the protocol sessions against a browser. For each number of sessions in
 * {@code --sessions} (e.g. {@code 50,100,200}) it signs sessions in (at most {@code --parallel} at a time)
 * until that many are open, then prints: sign-in (from the form's POST) to a ready dashboard (p50/p95/max, and
 * each step's p50/p95), the heap
 * after a full GC and its growth per session against none, {@code --changes} pause/resume changes through the
 * API one every {@code --every-ms}, with the time from sending each change until each session had applied
 * the server message showing it (p50/p95/max over all sessions and changes; "every session" is the
 * per-change maximum, whose p50/p95/max are printed too), the same for the browser pages, the engine's bars/s,
 * the load average, and problems the sessions met; at the end the ERROR lines of the application's log.
 * Arguments: {@code --pid --url --jdbc --db-password-file --log --password --sessions --changes --every-ms
 * --browsers --parallel --out}. Not a test: a measurement tool; its figures are printed, never asserted.
 */
public final class ProtocolLoadMonitor {

    private ProtocolLoadMonitor() {
    }

    public static void main(String[] args) {
        LoadRun.runAndExit(ProtocolLoadMonitor::measure, args);
    }

    private static void measure(String[] args) throws Exception {
        LoadRun run = LoadRun.parse(args, "50,100,200", "60", "target/load-protocol/figures.txt");
        String url = run.url, password = run.password;
        int browsers = Integer.parseInt(run.arguments.getOrDefault("browsers", "1"));
        int parallel = Integer.parseInt(run.arguments.getOrDefault("parallel", "2"));

        SoakMonitor.waitUntilUp(url, run.pid);
        String token = LoadMonitor.createToken(url, password);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < browsers; i++) {
            Page page = Browsers.newContext(url).newPage();
            new LoginPage(page).open().submit("admin", password);
            page.waitForFunction(LoadMonitor.PAINTED);
            page.evaluate(LoadMonitor.OBSERVE);
            pages.add(page);
        }
        long idleHeapKb = SoakMonitor.heapUsedKb(run.jcmd, run.pid, true);
        run.print(String.format(Locale.ROOT, "heap after GC with %d browser page(s) and no protocol session: %d MB", browsers, idleHeapKb / 1024));

        List<VaadinProtocolSession> sessions = Collections.synchronizedList(new ArrayList<>());
        ExecutorService signInPool = Executors.newFixedThreadPool(parallel, Thread.ofVirtual().factory());
        boolean paused = false;
        for (int target : run.targets) {
            List<Long> signIns = Collections.synchronizedList(new ArrayList<>());
            List<Map<String, Long>> stepTimes = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> pending = new ArrayList<>();
            int failedSignIns = 0;
            for (int i = sessions.size(); i < target; i++) {
                pending.add(signInPool.submit(() -> {
                    var session = new VaadinProtocolSession(http, url);
                    session.signIn("admin", password);
                    signIns.add(session.steps.get("POST /login") + session.steps.get("GET /") + session.steps.get("dashboard UI"));
                    stepTimes.add(session.steps);
                    session.start();
                    sessions.add(session);
                    if (sessions.size() % 25 == 0) System.out.printf(Locale.ROOT, "  %d sessions open%n", sessions.size());
                    return null;
                }));
            }
            for (Future<?> f : pending) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failedSignIns++;
                    System.out.println("  a sign-in failed: " + e.getCause());
                }
            }
            List<VaadinProtocolSession> open = List.copyOf(sessions);
            if (open.isEmpty()) throw new IllegalStateException("no session could sign in");
            paused = "PAUSED".equals(open.getFirst().tradingState()); // the state the first change leaves
            long heapKb = SoakMonitor.heapUsedKb(run.jcmd, run.pid, true);
            String loadBefore = LoadRun.loadAverage();
            long bars0 = SoakMonitor.bars(run.jdbc, run.dbPasswordFile);
            long t0 = System.nanoTime();
            List<Long> latencies = new ArrayList<>();
            List<Long> everySession = new ArrayList<>();
            List<Long> browserLatencies = new ArrayList<>();
            int missed = 0, browserMissed = 0;
            for (int c = 0; c < run.changes; c++) {
                long next = System.nanoTime() + run.everyMs * 1_000_000;
                paused = !paused;
                String expected = paused ? "PAUSED" : "ACTIVE";
                long sent = System.currentTimeMillis();
                run.change(http, token, paused, "protocol load measurement " + c);
                int before = latencies.size();
                int m = collect(open, expected, sent, latencies);
                missed += m;
                if (m == 0 && latencies.size() > before) everySession.add(Collections.max(latencies.subList(before, latencies.size())));
                browserMissed += LoadMonitor.collect(pages, expected, sent, browserLatencies);
                while (System.nanoTime() < next) Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = (SoakMonitor.bars(run.jdbc, run.dbPasswordFile) - bars0) / seconds;
            long problems = open.stream().mapToLong(s -> s.problems.size()).sum();
            String line = String.format(Locale.ROOT, "%4d sessions (%d sign-ins failed): sign-in to ready dashboard p50 %s p95 %s max %s ms"
                            + " | heap after GC %d MB (+%.2f MB per session) | change applied p50 %s p95 %s max %s ms over %d views, %d missed"
                            + " | by every session p50 %s p95 %s max %s ms over %d changes | browser p50 %s p95 %s max %s ms over %d views, %d missed"
                            + " | engine %.0f bars/s | %.0f s | load average %s → %s | session problems %d",
                    open.size(), failedSignIns, LoadRun.pct(signIns, 50), LoadRun.pct(signIns, 95), LoadRun.pct(signIns, 100),
                    heapKb / 1024, (heapKb - idleHeapKb) / 1024.0 / Math.max(1, open.size()),
                    LoadRun.pct(latencies, 50), LoadRun.pct(latencies, 95), LoadRun.pct(latencies, 100), latencies.size(), missed,
                    LoadRun.pct(everySession, 50), LoadRun.pct(everySession, 95), LoadRun.pct(everySession, 100), everySession.size(),
                    LoadRun.pct(browserLatencies, 50), LoadRun.pct(browserLatencies, 95), LoadRun.pct(browserLatencies, 100),
                    browserLatencies.size(), browserMissed, rate, seconds, loadBefore, LoadRun.loadAverage(), problems);
            run.print(line);
            StringBuilder steps = new StringBuilder("    sign-in steps p50/p95 ms:");
            for (String step : List.of("login page", "POST /login", "GET /", "dashboard UI")) {
                List<Long> times = stepTimes.stream().map(m -> m.get(step)).toList();
                steps.append(' ').append(step).append(' ').append(LoadRun.pct(times, 50)).append('/').append(LoadRun.pct(times, 95));
            }
            run.print(steps.toString());
            open.stream().flatMap(s -> s.problems.stream()).distinct().limit(5).forEach(p -> System.out.println("    problem: " + p));
        }
        signInPool.shutdownNow();
        sessions.forEach(VaadinProtocolSession::close);
        run.finish();
    }

    /**
     * Waits until every session has applied a server message showing {@code expected} after {@code sentMillis}
     * (or {@link LoadMonitor#SEEN_WITHIN} passed), adds each session's delay, and returns how many did not.
     */
    private static int collect(List<VaadinProtocolSession> sessions, String expected, long sentMillis, List<Long> latencies)
            throws InterruptedException {
        return LoadRun.collect(sessions, session -> session.shown.stream()
                .filter(s -> s.text().equals(expected) && s.at() >= sentMillis)
                .findFirst().map(VaadinProtocolSession.Shown::at).orElse(null), sentMillis, 20, latencies);
    }
}
