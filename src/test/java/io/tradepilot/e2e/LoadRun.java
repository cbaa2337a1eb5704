package io.tradepilot.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@link LoadMonitor} ({@code bin/load}) and {@link ProtocolLoadMonitor} ({@code bin/load-protocol}) share: their
 * arguments, the control changes they send through the API, the wait until every watched dashboard had a change,
 * the percentiles they print and the report they end with (the ERROR lines of the application's log).
 */
final class LoadRun {

    final Map<String, String> arguments;
    final long pid;
    final String url;
    final String jdbc;
    final Path dbPasswordFile;
    final Path log;
    final String password;
    final int[] targets;
    final int changes;
    final long everyMs;
    final Path out;
    /** The JDK's jcmd, for heap readings of the application. */
    final String jcmd;
    final List<String> report = new ArrayList<>();

    private LoadRun(String[] args, String defaultSessions, String defaultChanges, String defaultOut) {
        arguments = SoakMonitor.arguments(args);
        pid = Long.parseLong(arguments.get("pid"));
        url = arguments.get("url");
        jdbc = arguments.get("jdbc");
        dbPasswordFile = Path.of(arguments.get("db-password-file"));
        log = Path.of(arguments.get("log"));
        password = arguments.get("password");
        targets = Arrays.stream(arguments.getOrDefault("sessions", defaultSessions).split(",")).mapToInt(Integer::parseInt).toArray();
        changes = Integer.parseInt(arguments.getOrDefault("changes", defaultChanges));
        everyMs = Long.parseLong(arguments.getOrDefault("every-ms", "3000"));
        out = Path.of(arguments.getOrDefault("out", defaultOut));
        jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString();
    }

    /**
     * The arguments {@code --pid --url --jdbc --db-password-file --log --password --sessions --changes --every-ms --out}
     * (and any others, in {@link #arguments}), with the defaults given for sessions, changes and the figures file.
     */
    static LoadRun parse(String[] args, String defaultSessions, String defaultChanges, String defaultOut) {
        return new LoadRun(args, defaultSessions, defaultChanges, defaultOut);
    }

    /**
     * Pauses ({@code pause}) or resumes trading through the API as the token's user, with a reason naming the change;
     * throws when the application refuses it.
     */
    void change(HttpClient http, String token, boolean pause, String reason) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/" + (pause ? "pause" : "resume")))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + reason + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("the control change was refused: " + r.statusCode() + " " + r.body());
    }

    /**
     * Waits until every one of {@code watched} has had the change sent at {@code sentMillis} (or
     * {@link LoadMonitor#SEEN_WITHIN} passed), asking each every {@code pollMillis}: {@code seenAt} gives the
     * wall-clock millisecond at which it had it, or null while it has not. Adds each one's delay to {@code latencies}
     * and returns how many did not have it.
     */
    static <T> int collect(List<T> watched, Function<T, Long> seenAt, long sentMillis, long pollMillis, List<Long> latencies)
            throws InterruptedException {
        long deadline = System.nanoTime() + LoadMonitor.SEEN_WITHIN.toNanos();
        Long[] seen = new Long[watched.size()];
        int pending = watched.size();
        while (pending > 0 && System.nanoTime() < deadline) {
            for (int i = 0; i < watched.size(); i++) {
                if (seen[i] != null) continue;
                Long at = seenAt.apply(watched.get(i));
                if (at != null) {
                    seen[i] = at - sentMillis;
                    pending--;
                }
            }
            if (pending > 0) Thread.sleep(pollMillis);
        }
        for (Long s : seen) if (s != null) latencies.add(s);
        return pending;
    }

    /** A measurement's body, given the command line. */
    @FunctionalInterface
    interface Measurement {
        void measure(String[] args) throws Exception;
    }

    /**
     * Runs {@code measurement} and ends the JVM: status 0 when it is done, 1 with its stack trace when it failed
     * (Playwright's threads would otherwise keep the JVM, and the application the script started, alive).
     */
    static void runAndExit(Measurement measurement, String[] args) {
        try {
            measurement.measure(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** Adds {@code line} to the report and prints it. */
    void print(String line) {
        report.add(line);
        System.out.println(line);
    }

    /** Ends the report with the ERROR lines of the application's log (the first ten printed) and writes it to the figures file. */
    void finish() throws IOException {
        List<String> errors = Files.readAllLines(log).stream().filter(l -> l.contains(" ERROR ")).toList();
        print("ERROR lines in the application log: " + errors.size());
        errors.stream().limit(10).forEach(this::print);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, report);
    }

    /** The {@code p}th percentile of {@code values} (nearest rank), "-" for none. */
    static String pct(List<Long> values, int p) {
        if (values.isEmpty()) return "-";
        List<Long> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return String.valueOf(sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))));
    }

    /** The machine's load average (1, 5, 15 minutes) as "a/b/c". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
