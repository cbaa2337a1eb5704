package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.engine.research.CellResult;
import io.tradepilot.engine.research.SweepResult;
import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.ChildApplication;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One sweep shared by two JVMs: this test's application and a second application process ({@link ChildApplication},
 * the same embedded PostgreSQL, its own backtest workers) work on the chunks of one sweep through the clustered Quartz
 * job store. This instance's scheduler stands by until the other JVM has finished a chunk, then joins, so both do
 * chunks. The union of their chunks, merged, equals a single-node run of the same sweep cell by cell. Before the
 * second JVM starts, it measures the job engine's dispatch rate (trivial chunk jobs) and a sweep's throughput on this
 * one node, and prints them (figures, not assertions).
 */
@TestPropertySource(properties = {"tradepilot.backtests.workers=2"})
@DirtiesContext
class SweepTwoJvmIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DRAFT = "type: sma-cross\nname: sweep-it\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n";

    @Autowired DSLContext db;
    @Autowired BacktestQueue queue;
    @Autowired SweepChunks chunks;
    @Autowired SweepStore store;
    @Autowired DefaultSweeps sweeps;
    @Autowired BacktestData data;

    /** 200 cells (fast 5..50 by 5 x slow 60..250 by 10), fees and close-at-end so every cell runs the engine. */
    static String request(int chunkSize) {
        return "{\"run\": {\"draft\": " + JSON.writeValueAsString(DRAFT) + ", \"symbols\": [\"SYNTH-ALPHA\", \"SYNTH-BETA\"], "
                + "\"from\": \"2019-01-01\", \"to\": \"2020-12-31\", \"cash\": 1000000, \"quantity\": 100, \"fee\": \"PERCENT\", \"feeValue\": 0.05, "
                + "\"closeAtEnd\": true}, \"parameters\": {\"fast\": \"5:50:5\", \"slow\": \"60:250:10\"}, \"chunkSize\": " + chunkSize + "}";
    }

    private long submit(ApiClient api, int chunkSize) {
        HttpResponse<String> r = api.post("/api/v1/backtests/sweeps", request(chunkSize));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode sweep = JSON.readTree(r.body());
        assertThat(sweep.get("state").asString()).as("as stored after scheduling: a worker may have claimed a chunk").isIn("QUEUED", "RUNNING");
        return sweep.get("id").asLong();
    }

    private int count(String sql) {
        return db.fetchOne(sql).get(0, Integer.class);
    }

    @Test
    void two_jvms_share_one_sweep_and_the_union_of_their_chunks_equals_a_single_node_run() throws Exception {
        ApiClient operator = api(users.apiToken(users.operator()));

        // 1. the job engine's dispatch rate: 200 trivial chunk jobs (of no sweep: each firing claims nothing)
        AtomicInteger fired = new AtomicInteger();
        queue.scheduler().getListenerManager().addJobListener(new Counter(fired), GroupMatcher.jobGroupEquals(SweepChunks.GROUP));
        long t0 = System.nanoTime();
        chunks.enqueue(-1, IntStream.range(0, 200).boxed().toList());
        eventually(Duration.ofSeconds(120), () -> fired.get() >= 200, "200 trivial chunk jobs fired");
        double dispatch = 200 / ((System.nanoTime() - t0) / 1e9);

        // 2. one node: a 200-cell sweep in chunks of 1 from submission to DONE
        fired.set(0);
        long t1 = System.nanoTime();
        long single = submit(operator, 1);
        eventually(Duration.ofSeconds(180), () -> "DONE".equals(db.fetchOne("select state from backtest_sweep where sweep_id = ?", single).get(0, String.class)),
                "the one-node sweep DONE");
        double seconds = (System.nanoTime() - t1) / 1e9;
        long t1b = System.nanoTime();
        long coarse = submit(operator, 25);
        eventually(Duration.ofSeconds(180), () -> "DONE".equals(db.fetchOne("select state from backtest_sweep where sweep_id = ?", coarse).get(0, String.class)),
                "the one-node sweep in chunks of 25 DONE");
        double coarseSeconds = (System.nanoTime() - t1b) / 1e9;
        System.out.printf(Locale.ROOT, "SWEEP BENCH one node: the same sweep in 8 chunks of 25: %.2f s, %.1f cells/s%n", coarseSeconds, 200 / coarseSeconds);
        System.out.printf(Locale.ROOT, "SWEEP BENCH dispatch: 200 trivial chunk jobs at %.1f chunks/s (2 worker threads, one node)%n", dispatch);
        System.out.printf(Locale.ROOT, "SWEEP BENCH one node: 200 cells x 2 symbols x ~500 daily bars (engine per cell) in 200 chunks: %.2f s, "
                + "%.1f chunks/s, %.1f cells/s%n", seconds, 200 / seconds, 200 / seconds);

        // 3. two JVMs
        List<String> log = new CopyOnWriteArrayList<>();
        Path dir = Path.of("target", "sweep-two-jvm-it");
        Process child = ChildApplication.start(dir, "second", List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), "io.tradepilot.Application", List.of(
                "--server.port=" + ChildApplication.freePort(),
                "--tradepilot.security.initial-admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--vaadin.productionMode=true",
                "--tradepilot.trading.enabled=false",
                "--tradepilot.scheduler.enabled=false",
                "--tradepilot.controls.key-prefix=sweep-it:",
                "--tradepilot.backtests.workers=2",
                "--tradepilot.audit.spool-directory=" + dir.toAbsolutePath().resolve("spool"),
                "--tradepilot.secrets.key-file=" + dir.toAbsolutePath().resolve("secrets.key")), log);
        try {
            ChildApplication.await(Duration.ofMinutes(4), () -> log.stream().anyMatch(l -> l.contains("Backtest worker started")),
                    "the second JVM's backtest worker", child, log);
            String here = chunks.worker();
            queue.scheduler().standby();
            long t2 = System.nanoTime();
            long shared = submit(operator, 1);
            ChildApplication.await(Duration.ofSeconds(90), () -> count("select count(*) from backtest_sweep_chunk where sweep_id = " + shared
                    + " and state = 'DONE' and worker <> '" + here + "'") >= 1, "a chunk done by the second JVM", child, log);
            queue.scheduler().start();
            ChildApplication.await(Duration.ofMinutes(3), () -> "DONE".equals(db.fetchOne("select state from backtest_sweep where sweep_id = ?", shared)
                    .get(0, String.class)), "the shared sweep DONE", child, log);
            double sharedSeconds = (System.nanoTime() - t2) / 1e9;

            JsonNode info = JSON.readTree(operator.get("/api/v1/backtests/sweeps/" + shared).body());
            assertThat(info.get("chunks").asInt()).isEqualTo(200);
            assertThat(info.get("chunksDone").asInt()).isEqualTo(200);
            JsonNode workers = info.get("workers");
            assertThat(workers.size()).as(workers.toString()).isEqualTo(2);
            List<String> names = new ArrayList<>(workers.propertyNames());
            for (String w : names) assertThat(workers.get(w).asInt()).as("chunks done by " + w).isGreaterThanOrEqualTo(1);
            assertThat(names).contains(here);
            System.out.printf(Locale.ROOT, "SWEEP BENCH two JVMs: the same sweep in %.2f s (incl. waiting for the second JVM's first chunk); chunks per worker %s%n",
                    sharedSeconds, workers);

            // the union of both JVMs' chunks, merged, equals one node's run of the same sweep, cell by cell
            SweepResult merged = sweeps.merged(shared);
            SweepResult oneNode = SweepChunks.sweep(store.stored(shared).orElseThrow(), data).runAll();
            assertThat(merged.cells()).hasSize(200);
            assertSameCells(merged, oneNode);
            // and the one-node sweep run through the jobs earlier equals it too
            assertSameCells(sweeps.merged(single), oneNode);
            assertSameCells(sweeps.merged(coarse), oneNode);
            assertThat(count("select count(*) from backtest_sweep_cell where sweep_id = " + shared)).as("each cell once").isEqualTo(200);

            JsonNode result = JSON.readTree(operator.get("/api/v1/backtests/sweeps/" + shared + "/result?metric=pnl_net").body());
            assertThat(result.get("cells").size()).isEqualTo(200);
            assertThat(result.get("heatmap").get("values").size()).isEqualTo(20);
            assertThat(result.get("heatmap").get("values").get(0).size()).isEqualTo(10);
            assertThat(result.get("best").size()).isEqualTo(10);
            assertThat(result.get("best").get(0).get("dsr").isNumber()).as(result.get("best").get(0).toString()).isTrue();
            assertThat(result.get("pbo").isNumber()).isTrue();
        } finally {
            child.destroy();
            if (!child.waitFor(60, TimeUnit.SECONDS)) child.destroyForcibly();
        }
    }

    static void assertSameCells(SweepResult actual, SweepResult expected) {
        assertThat(actual.cells()).hasSameSizeAs(expected.cells());
        for (int i = 0; i < expected.cells().size(); i++) {
            CellResult a = actual.cells().get(i), e = expected.cells().get(i);
            assertThat(a.cell()).isEqualTo(e.cell());
            assertThat(SweepStore.outcomes(a.series())).as("cell %d", i).isEqualTo(SweepStore.outcomes(e.series()));
            assertThat(Arrays.equals(a.returns(), e.returns())).as("cell %d returns", i).isTrue();
            assertThat(a.kernel()).isEqualTo(e.kernel());
        }
    }

    /** Counts the chunk jobs this node executed. */
    private record Counter(AtomicInteger fired) implements JobListener {
        @Override
        public String getName() {
            return "sweep-it-counter";
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException jobException) {
            fired.incrementAndGet();
        }
    }
}
