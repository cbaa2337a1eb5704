package io.tradepilot.e2e;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measuring half of {@code bin/soak}: watches a running Tradepilot process and prints, every
 * {@code --every} seconds, the bars the engine has finished (the feed checkpoints in the ledger), the
 * rate over the interval, and the JVM heap in use before and after a full GC triggered through
 * {@code jcmd}. Optionally keeps the dashboard open, signed in as admin, in headless Chromium for the
 * whole run (so that the numbers include serving a live UI). Ends with the sustained rate and the heap
 * range. Arguments: {@code --pid --url --jdbc --db-password-file FILE --minutes --every --password --browser true|false --out FILE}
 * ({@code --db-password-file}: the embedded PostgreSQL's {@code postgres.password} in the data directory, written at its first start).
 * Not a test: a measurement tool for the lead; speed goals belong in measurements like this, never in
 * timed assertions.
 */
public final class SoakMonitor {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private SoakMonitor() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = arguments(args);
        long pid = Long.parseLong(a.get("pid"));
        String url = a.get("url");
        String jdbc = a.get("jdbc");
        Path dbPasswordFile = Path.of(a.get("db-password-file"));
        double minutes = Double.parseDouble(a.getOrDefault("minutes", "5"));
        int every = Integer.parseInt(a.getOrDefault("every", "30"));
        boolean browser = Boolean.parseBoolean(a.getOrDefault("browser", "true"));
        Path out = Path.of(a.getOrDefault("out", "target/soak/samples.csv"));

        waitUntilUp(url, pid);
        Page dashboard = null;
        if (browser) {
            dashboard = Browsers.newContext(url).newPage();
            new LoginPage(dashboard).open().signIn("admin", a.get("password"));
            System.out.println("dashboard open in headless Chromium, signed in as admin");
        }

        String jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString();
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long firstBars = -1, lastBars = 0, firstAt = 0;
        long grownBars = 0, grownAt = 0; // the last sample at which the engine had finished more bars
        long prevBars = -1, prevAt = 0, prevOrders = 0;
        long heapMin = Long.MAX_VALUE, heapMax = 0;
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out))) {
            csv.println("elapsed_s,bars,bars_per_s,orders,bars_per_order,heap_used_mb,heap_after_gc_mb");
            // bars per accepted order in the interval: the live path waits for one commit per order, so the rate follows it
            System.out.printf("%8s %10s %10s %8s %10s %14s %14s%n", "elapsed", "bars", "bars/s", "orders", "bars/order", "heap used MB", "after GC MB");
            while (System.nanoTime() < end && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                long now = System.nanoTime();
                long bars = bars(jdbc, dbPasswordFile);
                long orders = number(jdbc, dbPasswordFile, "SELECT count(*) FROM trade_order");
                long before = heapUsedKb(jcmd, pid, false);
                long after = heapUsedKb(jcmd, pid, true);
                double rate = prevBars < 0 ? Double.NaN : (bars - prevBars) / ((now - prevAt) / 1e9);
                double perOrder = prevBars < 0 || orders == prevOrders ? Double.NaN : (double) (bars - prevBars) / (orders - prevOrders);
                if (firstBars < 0) {
                    firstBars = bars;
                    firstAt = now;
                }
                if (bars > lastBars || grownAt == 0) {
                    grownBars = bars;
                    grownAt = now;
                }
                lastBars = bars;
                long afterMb = after / 1024;
                heapMin = Math.min(heapMin, afterMb);
                heapMax = Math.max(heapMax, afterMb);
                long elapsed = (now - start) / 1_000_000_000L;
                System.out.printf(Locale.ROOT, "%7ds %10d %10.1f %8d %10.1f %14d %14d%n", elapsed, bars, rate, orders, perOrder, before / 1024, afterMb);
                csv.printf(Locale.ROOT, "%d,%d,%.1f,%d,%.1f,%d,%d%n", elapsed, bars, rate, orders, perOrder, before / 1024, afterMb);
                csv.flush();
                if (dashboard != null) dashboard.reload();   // keep the UI busy, as an operator would
                prevBars = bars;
                prevAt = now;
                prevOrders = orders;
                long next = now + every * 1_000_000_000L;
                while (System.nanoTime() < Math.min(next, end)) Thread.sleep(200);
            }
            long now = System.nanoTime();
            long bars = bars(jdbc, dbPasswordFile);
            if (bars > lastBars) {
                grownBars = bars;
                grownAt = now;
            }
            // while the market lasted: once the synthetic market is used up the feed idles, which says nothing of speed
            double seconds = (grownAt - firstAt) / 1e9;
            double rate = seconds > 0 ? (grownBars - firstBars) / seconds : Double.NaN;
            String ended = grownAt < now - every * 1_000_000_000L ? "; the market data ended after " + Math.round((grownAt - start) / 1e9) + " s" : "";
            System.out.printf(Locale.ROOT, "SUSTAINED %.1f bars/s over %.0f s (%d bars); heap after GC %d..%d MB%s%s%n",
                    rate, seconds, grownBars - firstBars, heapMin, heapMax, browser ? "; dashboard open" : "", ended);
            long orders = number(jdbc, dbPasswordFile, "SELECT count(*) FROM trade_order");
            System.out.printf(Locale.ROOT, "ORDERS %d accepted in %d bars (one per %.0f bars): the feed waits for a commit "
                    + "before the bar after each accepted order%n", orders, bars, orders == 0 ? Double.NaN : (double) bars / orders);
            csv.printf(Locale.ROOT, "# sustained %.1f bars/s over %.0f s; heap after GC %d..%d MB%s%n", rate, seconds, heapMin, heapMax, ended);
        }
        if (browser) System.exit(0); // Playwright's threads
    }

    /** {@code --name value} pairs, by name without the dashes. */
    static Map<String, String> arguments(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        return a;
    }

    static void waitUntilUp(String url, long pid) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) throw new IllegalStateException("the application exited");
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) return;
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not answer at " + url + " within 10 minutes (a busy machine can take minutes to start it)");
    }

    /** Bars the engine finished, summed over symbols, from the ledger's feed checkpoints. */
    static long bars(String jdbc, Path dbPasswordFile) throws Exception {
        return number(jdbc, dbPasswordFile, "SELECT coalesce(sum(bars), 0) FROM feed_checkpoint");
    }

    /**
     * The number {@code sql} answers in the ledger, signed in with the embedded PostgreSQL's password file; 0 while
     * the database cannot answer yet (or has not written its password file).
     */
    static long number(String jdbc, Path dbPasswordFile, String sql) throws Exception {
        if (!Files.exists(dbPasswordFile)) return 0;
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", Files.readString(dbPasswordFile).strip());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException notYet) {
            return 0;
        }
    }

    /** Heap in use (KB) from {@code jcmd GC.heap_info}, after {@code GC.run} when {@code gcFirst}. */
    static long heapUsedKb(String jcmd, long pid, boolean gcFirst) throws Exception {
        if (gcFirst) run(jcmd, String.valueOf(pid), "GC.run");
        Matcher m = USED.matcher(run(jcmd, String.valueOf(pid), "GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return output;
    }
}
