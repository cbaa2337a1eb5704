package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sweeps through the REST API with no worker on this instance (its chunks are fired here directly, as
 * {@link SweepChunkJob} fires them): a crashed chunk redone by Quartz's recovery firing replaces what the dead attempt
 * wrote and counts nothing twice; an ordinary firing leaves a RUNNING chunk alone; bad input is a problem naming the
 * field; a viewer reads but is refused (and audited) submitting and cancelling; cancel.
 */
// a context of its own (closed after): the backtests' Quartz data source is registered statically by scheduler name, so a
// cached context created before another one with a scheduler would reach that one's (closed) pool when it schedules
@TestPropertySource(properties = "tradepilot.backtests.workers=0")
@DirtiesContext
class SweepsIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired DSLContext db;
    @Autowired SweepChunks chunks;
    @Autowired SweepStore store;
    @Autowired DefaultSweeps sweeps;
    @Autowired BacktestData data;

    private int count(String sql) {
        return db.fetchOne(sql).get(0, Integer.class);
    }

    private static String small(String parameters, String extra) {
        return "{\"run\": {\"draft\": " + JSON.writeValueAsString("type: sma-cross\nname: s\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n")
                + ", \"symbols\": [\"SYNTH-ALPHA\", \"SYNTH-BETA\"], \"from\": \"2019-01-01\", \"to\": \"2019-12-31\", \"cash\": 1000000, \"quantity\": 10}, "
                + "\"parameters\": " + parameters + extra + "}";
    }

    @Test
    void a_chunk_redone_after_a_crash_replaces_the_dead_attempts_cells_and_counts_nothing_twice() {
        ApiClient operator = api(users.apiToken(users.operator()));
        HttpResponse<String> r = operator.post("/api/v1/backtests/sweeps", small("{\"fast\": \"5:20:5\", \"slow\": \"30,40,50\"}", ", \"chunkSize\": 5"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        long id = JSON.readTree(r.body()).get("id").asLong();
        assertThat(JSON.readTree(r.body()).get("cells").asInt()).isEqualTo(12);
        assertThat(JSON.readTree(r.body()).get("chunks").asInt()).isEqualTo(3);

        // the dead worker claimed chunk 1 (cells 5..9) and wrote cells before it died (outside the result's transaction)
        SweepStore.Claim dead = store.claim(id, 1, false, "dead-worker", Instant.parse("2026-01-05T04:00:00Z"));
        assertThat(dead).isNotNull();
        assertThat(dead.attempt()).isEqualTo(1);
        for (int cell : new int[]{5, 6}) {
            db.execute("insert into backtest_sweep_cell (sweep_id, cell_index, chunk_no, attempt, params, kernel, outcomes) "
                    + "values (?, ?, 1, 1, 'fast=1\n', false, 'STRAY|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n')", id, cell);
        }

        assertThat(chunks.fired(id, 1, false)).as("an ordinary firing leaves a RUNNING chunk alone").isFalse();
        assertThat(count("select attempt from backtest_sweep_chunk where sweep_id = " + id + " and chunk_no = 1")).isEqualTo(1);

        assertThat(chunks.fired(id, 1, true)).as("the recovery firing redoes it").isTrue();
        assertThat(count("select attempt from backtest_sweep_chunk where sweep_id = " + id + " and chunk_no = 1")).isEqualTo(2);
        assertThat(db.fetchOne("select worker from backtest_sweep_chunk where sweep_id = ? and chunk_no = 1", id).get(0, String.class))
                .isEqualTo(chunks.worker());
        assertThat(count("select count(*) from backtest_sweep_cell where sweep_id = " + id)).as("the chunk's 5 cells, once").isEqualTo(5);
        assertThat(count("select count(*) from backtest_sweep_cell where sweep_id = " + id + " and outcomes like 'STRAY%'")).isZero();
        assertThat(chunks.fired(id, 1, true)).as("a late firing of a DONE chunk writes nothing").isFalse();

        assertThat(chunks.fired(id, 0, false)).isTrue();
        assertThat(operator.get("/api/v1/backtests/sweeps/" + id + "/result").statusCode()).as("not DONE yet").isEqualTo(409);
        assertThat(chunks.fired(id, 2, false)).isTrue();
        JsonNode info = JSON.readTree(operator.get("/api/v1/backtests/sweeps/" + id).body());
        assertThat(info.get("state").asString()).isEqualTo("DONE");
        assertThat(info.get("chunksDone").asInt()).isEqualTo(3);
        assertThat(count("select count(*) from backtest_sweep_cell where sweep_id = " + id)).isEqualTo(12);
        SweepTwoJvmIT.assertSameCells(sweeps.merged(id), SweepChunks.sweep(store.stored(id).orElseThrow(), data).runAll());

        JsonNode result = JSON.readTree(operator.get("/api/v1/backtests/sweeps/" + id + "/result?metric=total_return&x=slow&y=fast").body());
        assertThat(result.get("cells").size()).isEqualTo(12);
        assertThat(result.get("heatmap").get("xAxis").asString()).isEqualTo("slow");
        assertThat(result.get("heatmap").get("values").size()).isEqualTo(4);
        assertThat(result.get("cells").get(0).get("params").toString()).isEqualTo("{\"fast\":\"5\",\"slow\":\"30\"}");
        HttpResponse<String> badMetric = operator.get("/api/v1/backtests/sweeps/" + id + "/result?metric=nope");
        assertThat(badMetric.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badMetric.body()).get("field").asString()).isEqualTo("metric");
    }

    @Test
    void bad_input_is_refused_as_a_problem_naming_the_field() {
        TestUser user = users.operator();
        ApiClient operator = api(users.apiToken(user));
        record Case(String body, int status, String code, String field) {
        }
        for (Case c : List.of(
                new Case(small("{\"fast\": \"5:1:1\"}", ""), 400, "INVALID_PARAMETER", "parameters.fast"),
                new Case(small("{\"fastest\": \"5:10:1\"}", ""), 400, "INVALID_PARAMETER", "parameters.fastest"),
                new Case(small("{\"fast\": \"5:10:0\"}", ""), 400, "INVALID_PARAMETER", "parameters.fast"),
                new Case(small("{}", ""), 400, "INVALID_PARAMETER", "parameters"),
                new Case(small("{\"fast\": \"50,60\", \"slow\": \"10,20\"}", ""), 422, "NO_CELLS", "parameters"),
                new Case(small("{\"fast\": \"5:10:1\"}", ", \"chunkSize\": 0"), 400, "INVALID_PARAMETER", "chunkSize"),
                new Case(small("{\"fast\": \"5:10:1\"}", ", \"seed\": 3"), 400, "INVALID_PARAMETER", "seed"),
                new Case(small("{\"fast\": \"5:10:1\"}", "").replace("\"2019-12-31\"", "\"2018-12-31\""), 400, "INVALID_PARAMETER", "to"),
                new Case("{\"parameters\": {\"fast\": \"5:10:1\"}}", 400, "INVALID_PARAMETER", "run"))) {
            HttpResponse<String> r = operator.post("/api/v1/backtests/sweeps", c.body());
            assertThat(r.statusCode()).as(c.body() + " -> " + r.body()).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(r.body()).get("code").asString()).as(r.body()).isEqualTo(c.code());
            assertThat(JSON.readTree(r.body()).get("field").asString()).as(r.body()).isEqualTo(c.field());
        }
        assertThat(operator.get("/api/v1/backtests/sweeps/987654").statusCode()).isEqualTo(404);
        assertThat(count("select count(*) from backtest_sweep where submitted_by = '" + user.username() + "'")).as("nothing refused was stored").isZero();
    }

    @Test
    void a_viewer_reads_but_is_refused_submitting_and_cancelling_and_an_operator_cancels() {
        TestUser viewer = users.viewer();
        ApiClient api = api(users.apiToken(viewer));
        assertThat(api.get("/api/v1/backtests/sweeps").statusCode()).isEqualTo(200);
        assertThat(api.post("/api/v1/backtests/sweeps", small("{\"fast\": \"5:10:1\"}", "")).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/backtests/sweeps/1/cancel", "").statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from audit_event where action in ('SWEEP_SUBMITTED', 'SWEEP_CANCELLED') and outcome = 'DENIED' and username = '"
                + viewer.username() + "'")).isEqualTo(2);

        ApiClient operator = api(users.apiToken(users.operator()));
        long id = JSON.readTree(operator.post("/api/v1/backtests/sweeps", small("{\"fast\": \"5:10:1\"}", ", \"samples\": 3, \"seed\": 7")).body())
                .get("id").asLong();
        HttpResponse<String> cancelled = operator.post("/api/v1/backtests/sweeps/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(JSON.readTree(cancelled.body()).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(JSON.readTree(cancelled.body()).get("cells").asInt()).isEqualTo(3);
        assertThat(chunks.fired(id, 0, false)).as("a cancelled sweep's chunk does not run").isFalse();
        assertThat(count("select count(*) from backtest_sweep_cell where sweep_id = " + id)).isZero();
        HttpResponse<String> again = operator.post("/api/v1/backtests/sweeps/" + id + "/cancel", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("code").asString()).isEqualTo("NOT_CANCELLABLE");
        assertThat(count("select count(*) from audit_event where action = 'SWEEP_CANCELLED' and outcome = 'SUCCESS' and target = 'sweep:" + id + "'"))
                .isEqualTo(1);
    }
}
