package io.tradepilot.backtests.internal;

import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.ChildApplication;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUsers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker-only node ({@code serve --spring.profiles.active=worker}, a second JVM on the same PostgreSQL): it starts
 * without a web server and without the trading engine (never holding the engine's leader lock), and its backtests
 * scheduler executes the jobs this instance queues — here a walk-forward whose every window the worker computes, this
 * instance having no worker of its own.
 */
@TestPropertySource(properties = "tradepilot.backtests.workers=0")
@DirtiesContext
class WorkerProfileIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DRAFT = "type: sma-cross\nname: worker-it\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n";

    @Autowired DSLContext db;
    @Autowired WalkForwardWindows windows;

    @Test
    void a_worker_node_serves_nothing_takes_no_engine_lock_and_runs_the_jobs() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        Path dir = Path.of("target", "worker-profile-it");
        Process worker = ChildApplication.start(dir, "worker", List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), "io.tradepilot.Application", List.of(
                "serve",
                "--spring.profiles.active=worker",
                "--tradepilot.security.initial-admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--tradepilot.controls.key-prefix=worker-it:",
                "--tradepilot.audit.spool-directory=" + dir.toAbsolutePath().resolve("spool"),
                "--tradepilot.secrets.key-file=" + dir.toAbsolutePath().resolve("secrets.key")), log);
        try {
            ChildApplication.await(Duration.ofMinutes(5), () -> log.stream().anyMatch(l -> l.contains("Started Application")), "the worker started",
                    worker, log);
            assertThat(log).anyMatch(l -> l.contains("Backtest worker started"));
            assertThat(log).anyMatch(l -> l.contains("Live paper trading is disabled"));
            assertThat(log).as("no web server").noneMatch(l -> l.contains("Tomcat started") || l.contains("Tomcat initialized"));

            ApiClient operator = api(users.apiToken(users.operator()));
            HttpResponse<String> r = operator.post("/api/v1/backtests/walkforwards", "{\"run\": {\"draft\": " + JSON.writeValueAsString(DRAFT)
                    + ", \"symbols\": [\"SYNTH-ALPHA\"], \"from\": \"2019-01-01\", \"to\": \"2020-12-31\", \"cash\": 1000000, \"quantity\": 10}, "
                    + "\"parameters\": {\"fast\": \"5:15:5\"}, \"isBars\": 200, \"oosBars\": 100}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            long id = JSON.readTree(r.body()).get("id").asLong();
            eventually(Duration.ofMinutes(3), () -> "DONE".equals(db.fetchOne("select state from backtest_walkforward where walkforward_id = ?", id)
                    .get(0, String.class)), "the walk-forward DONE on the worker");
            List<String> workers = db.fetch("select distinct worker from backtest_walkforward_window where walkforward_id = ?", id).getValues(0, String.class);
            assertThat(workers).as("every window computed by the worker node").hasSize(1).doesNotContain(windows.worker());
            assertThat(db.fetchOne("select count(*) from pg_locks where locktype = 'advisory' and ((classid::bigint << 32) | objid::bigint) = 7401")
                    .get(0, Integer.class)).as("nobody holds the engine's leader lock").isZero();
            assertThat(worker.isAlive()).isTrue();
        } finally {
            worker.destroy();
            if (!worker.waitFor(60, TimeUnit.SECONDS)) worker.destroyForcibly();
        }
    }
}
