package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestData;
import io.tradepilot.engine.cli.Cli;
import io.tradepilot.engine.marketdata.CsvBarWriter;
import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-forwards through the REST API with no worker on this instance (their window jobs are fired here directly, as
 * {@link WalkForwardWindowJob} fires them; the jobs themselves are checked to be in the clustered job store): the app's
 * result equals the command line's {@code walkforward} on the same bars window by window, in its stitched equity and
 * its efficiency; a crashed window redone by Quartz's recovery firing replaces what the dead attempt left and counts
 * once; bad input is a problem naming the field; a viewer reads but is refused (and audited) submitting and cancelling;
 * cancel removes the jobs.
 */
// a context of its own (closed after), as SweepsIT: the backtests' Quartz data source is registered statically by scheduler name
@TestPropertySource(properties = "tradepilot.backtests.workers=0")
@DirtiesContext
class WalkForwardsIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DRAFT = "type: sma-cross\nname: wf\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n";

    @Autowired DSLContext db;
    @Autowired WalkForwardWindows windows;
    @Autowired WalkForwardStore store;
    @Autowired BacktestData data;

    @TempDir
    Path dir;

    private int count(String sql) {
        return db.fetchOne(sql).get(0, Integer.class);
    }

    private static String request(String symbols, String parameters, String extra) {
        return "{\"run\": {\"draft\": " + JSON.writeValueAsString(DRAFT) + ", \"symbols\": " + symbols + ", \"from\": \"2019-01-01\", "
                + "\"to\": \"2020-12-31\", \"cash\": 1000000, \"quantity\": 10, \"fee\": \"PERCENT\", \"feeValue\": 0.1}, \"parameters\": " + parameters
                + extra + "}";
    }

    /** An amount as a plain number without trailing zeros (JSON and the CSV files may differ in scale only). */
    private static String plain(JsonNode n) {
        return plain(n.asString());
    }

    private static String plain(String n) {
        return new BigDecimal(n).stripTrailingZeros().toPlainString();
    }

    @Test
    void the_apps_walk_forward_equals_the_command_lines_on_the_same_bars_and_a_crashed_window_counts_once() throws Exception {
        ApiClient operator = api(users.apiToken(users.operator()));
        HttpResponse<String> r = operator.post("/api/v1/backtests/walkforwards", request("[\"SYNTH-ALPHA\", \"SYNTH-BETA\"]",
                "{\"fast\": \"5:20:5\", \"slow\": \"30,50\"}", ", \"isBars\": 150, \"oosBars\": 60, \"anchored\": false, \"metric\": \"total_return\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.headers().firstValue("Location").orElse("")).startsWith("/api/v1/backtests/walkforwards/");
        JsonNode submitted = JSON.readTree(r.body());
        long id = submitted.get("id").asLong();
        int jobs = submitted.get("windows").asInt();
        assertThat(submitted.get("cells").asInt()).isEqualTo(8);
        assertThat(jobs).isGreaterThan(10);
        for (int k = 0; k < jobs; k++) {
            assertThat(windows.scheduler().checkExists(windows.jobKey(id, k))).as("window job " + k + " in the job store").isTrue();
        }

        // the dead worker claimed window job 2 and left something behind (as if it had written part of its result)
        WalkForwardStore.Claim dead = store.claim(id, 2, false, "dead-worker", Instant.parse("2026-01-05T04:00:00Z"));
        assertThat(dead.attempt()).isEqualTo(1);
        db.execute("update backtest_walkforward_window set oos_pnl_net = 999999, oos_equity = '0,999999\n' where walkforward_id = ? and job_no = 2", id);
        assertThat(windows.fired(id, 2, false)).as("an ordinary firing leaves a RUNNING window alone").isFalse();
        assertThat(windows.fired(id, 2, true)).as("the recovery firing redoes it").isTrue();
        assertThat(count("select attempt from backtest_walkforward_window where walkforward_id = " + id + " and job_no = 2")).isEqualTo(2);
        assertThat(windows.fired(id, 2, true)).as("a late firing of a DONE window writes nothing").isFalse();
        assertThat(operator.get("/api/v1/backtests/walkforwards/" + id + "/result").statusCode()).as("not DONE yet").isEqualTo(409);
        for (int k = 0; k < jobs; k++) {
            if (k != 2) assertThat(windows.fired(id, k, false)).as("window job " + k).isTrue();
        }
        JsonNode info = JSON.readTree(operator.get("/api/v1/backtests/walkforwards/" + id).body());
        assertThat(info.get("state").asString()).isEqualTo("DONE");
        assertThat(info.get("windowsDone").asInt()).isEqualTo(jobs);
        assertThat(count("select count(*) from backtest_walkforward_window where walkforward_id = " + id)).as("each window once").isEqualTo(jobs);

        HttpResponse<String> res = operator.get("/api/v1/backtests/walkforwards/" + id + "/result");
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(res.body());
        assertThat(result.get("symbols").size()).isEqualTo(2);
        int total = 0;
        for (JsonNode walk : result.get("symbols")) {
            String symbol = walk.get("symbol").asString();
            total += walk.get("windows").size();
            Path out = cli(symbol);
            List<String> rows = Files.readAllLines(out.resolve("windows.csv"));
            assertThat(rows.getFirst()).isEqualTo("window,is_from,is_to,oos_from,oos_to,fast,slow,is_objective,is_pnl_net,oos_pnl_net,oos_trades,oos_sharpe");
            List<String> expected = rows.subList(1, rows.size()).stream().map(l -> l.split(",", -1))
                    .map(c -> String.join(",", c[0], c[5], c[6], plain(c[8]), plain(c[9]), c[10])).toList();
            List<String> app = new ArrayList<>();
            for (JsonNode w : walk.get("windows")) {
                app.add(String.join(",", w.get("index").asString(), w.get("params").get("fast").asString(), w.get("params").get("slow").asString(),
                        plain(w.get("isPnlNet")), plain(w.get("oosPnlNet")), w.get("oosTrades").asString()));
            }
            assertThat(app).as(symbol + " windows").isNotEmpty().isEqualTo(expected);
            List<String[]> cliRows = rows.subList(1, rows.size()).stream().map(l -> l.split(",", -1)).toList();
            for (int k = 0; k < cliRows.size(); k++) {
                JsonNode w = walk.get("windows").get(k);
                assertThat(w.get("isObjective").asDouble()).as(symbol + " window " + k + " IS objective").isEqualTo(Double.parseDouble(cliRows.get(k)[7]));
                if (!cliRows.get(k)[11].isEmpty()) {
                    assertThat(w.get("oosMetrics").get("sharpe").asDouble()).isEqualTo(Double.parseDouble(cliRows.get(k)[11]));
                }
            }
            List<String> equity = Files.readAllLines(out.resolve("oos_equity.csv"));
            List<String> appEquity = new ArrayList<>();
            for (JsonNode p : walk.get("equity")) appEquity.add(Instant.parse(p.get("time").asString()) + "," + plain(p.get("equity")));
            assertThat(appEquity).as(symbol + " stitched OOS equity").isEqualTo(equity.subList(1, equity.size()).stream()
                    .map(l -> l.substring(0, l.indexOf(',') + 1) + plain(l.substring(l.indexOf(',') + 1))).toList());
            JsonNode summary = JSON.readTree(Files.readString(out.resolve("walkforward.json")));
            assertThat(plain(walk.get("oosPnlNet"))).isEqualTo(plain(summary.get("oos_pnl_net")));
            assertThat(plain(walk.get("finalEquity"))).isEqualTo(plain(summary.get("final_equity")));
            JsonNode wfe = summary.get("walk_forward_efficiency");
            if (wfe.isNumber()) assertThat(walk.get("efficiency").asDouble()).isEqualTo(wfe.asDouble());
            else assertThat(walk.get("efficiency").isNull()).isTrue();
        }
        assertThat(total).isEqualTo(jobs);
    }

    /** The command line's {@code walkforward} over {@code symbol}'s bars of the same range, with the same settings. */
    private Path cli(String symbol) throws Exception {
        Path file = dir.resolve(symbol + ".csv");
        Files.write(file, CsvBarWriter.toBytes(data.load(symbol, LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31)).orElseThrow()));
        Path out = dir.resolve("out-" + symbol);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.standard().run(new String[]{"walkforward", "--data", file.toString(), "--strategy", "sma-cross", "--grid", "fast=5:20:5",
                "--grid", "slow=30,50", "--is-bars", "150", "--oos-bars", "60", "--metric", "total_return", "--quantity", "10", "--cash", "1000000",
                "--commission-pct", "0.1", "--zone", "Asia/Kolkata", "--threads", "1", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    @Test
    void bad_input_is_refused_as_a_problem_naming_the_field() {
        TestUser user = users.operator();
        ApiClient operator = api(users.apiToken(user));
        String alpha = "[\"SYNTH-ALPHA\"]";
        String grid = "{\"fast\": \"5:10:5\"}";
        record Case(String body, int status, String code, String field) {
        }
        for (Case c : List.of(
                new Case(request(alpha, grid, ", \"oosBars\": 60"), 400, "INVALID_PARAMETER", "isBars"),
                new Case(request(alpha, grid, ", \"isBars\": 1, \"oosBars\": 60"), 400, "INVALID_PARAMETER", "isBars"),
                new Case(request(alpha, grid, ", \"isBars\": 100, \"oosBars\": 0"), 400, "INVALID_PARAMETER", "oosBars"),
                new Case(request(alpha, grid, ", \"isBars\": 100000, \"oosBars\": 60"), 422, "NO_WINDOWS", "isBars"),
                new Case(request(alpha, grid, ", \"isBars\": 100, \"oosBars\": 60, \"metric\": \"luck\""), 400, "INVALID_PARAMETER", "metric"),
                new Case(request(alpha, "{\"fastest\": \"5:10:1\"}", ", \"isBars\": 100, \"oosBars\": 60"), 400, "INVALID_PARAMETER", "parameters.fastest"),
                new Case(request(alpha, "{}", ", \"isBars\": 100, \"oosBars\": 60"), 400, "INVALID_PARAMETER", "parameters"),
                new Case(request(alpha, "{\"fast\": \"50,60\", \"slow\": \"10,20\"}", ", \"isBars\": 100, \"oosBars\": 60"), 422, "NO_CELLS", "parameters"),
                new Case(request("[\"NOPE\"]", grid, ", \"isBars\": 100, \"oosBars\": 60"), 422, "UNKNOWN_SYMBOL", "symbols"),
                new Case(request(alpha, grid, ", \"isBars\": 100, \"oosBars\": 60").replace("\"quantity\": 10,", "\"quantity\": 10, \"mode\": \"PORTFOLIO\","),
                        400, "INVALID_PARAMETER", "mode"),
                new Case("{\"parameters\": {\"fast\": \"5:10:1\"}, \"isBars\": 100, \"oosBars\": 60}", 400, "INVALID_PARAMETER", "run"))) {
            HttpResponse<String> r = operator.post("/api/v1/backtests/walkforwards", c.body());
            assertThat(r.statusCode()).as(c.body() + " -> " + r.body()).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(r.body()).get("code").asString()).as(r.body()).isEqualTo(c.code());
            assertThat(JSON.readTree(r.body()).get("field").asString()).as(r.body()).isEqualTo(c.field());
        }
        assertThat(operator.get("/api/v1/backtests/walkforwards/987654").statusCode()).isEqualTo(404);
        assertThat(count("select count(*) from backtest_walkforward where submitted_by = '" + user.username() + "'")).as("nothing refused was stored").isZero();
        assertThat(count("select count(*) from audit_event where action = 'WALKFORWARD_SUBMITTED' and outcome = 'FAILED' and username = '"
                + user.username() + "'")).isEqualTo(11);
    }

    @Test
    void a_viewer_reads_but_is_refused_submitting_and_cancelling_and_an_operator_cancels() throws Exception {
        TestUser viewer = users.viewer();
        ApiClient api = api(users.apiToken(viewer));
        String body = request("[\"SYNTH-ALPHA\"]", "{\"fast\": \"5:10:5\"}", ", \"isBars\": 200, \"oosBars\": 100, \"anchored\": true");
        assertThat(api.get("/api/v1/backtests/walkforwards").statusCode()).isEqualTo(200);
        assertThat(api.post("/api/v1/backtests/walkforwards", body).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/v1/backtests/walkforwards/1/cancel", "").statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from audit_event where action in ('WALKFORWARD_SUBMITTED', 'WALKFORWARD_CANCELLED') and outcome = 'DENIED' "
                + "and username = '" + viewer.username() + "'")).isEqualTo(2);

        ApiClient operator = api(users.apiToken(users.operator()));
        HttpResponse<String> submitted = operator.post("/api/v1/backtests/walkforwards", body);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = JSON.readTree(submitted.body()).get("id").asLong();
        assertThat(JSON.readTree(submitted.body()).get("anchored").asBoolean()).isTrue();
        assertThat(db.fetchOne("select min(is_from), max(is_from) from backtest_walkforward_window where walkforward_id = ?", id).intoArray())
                .as("anchored: every in-sample window starts at the first bar").containsExactly(0, 0);
        assertThat(api.get("/api/v1/backtests/walkforwards/" + id).statusCode()).isEqualTo(200);
        HttpResponse<String> cancelled = operator.post("/api/v1/backtests/walkforwards/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(JSON.readTree(cancelled.body()).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(windows.scheduler().checkExists(windows.jobKey(id, 0))).as("the cancelled window jobs are removed").isFalse();
        assertThat(windows.fired(id, 0, false)).as("a cancelled walk-forward's window does not run").isFalse();
        assertThat(count("select count(*) from backtest_walkforward_window where walkforward_id = " + id + " and state = 'DONE'")).isZero();
        HttpResponse<String> again = operator.post("/api/v1/backtests/walkforwards/" + id + "/cancel", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("code").asString()).isEqualTo("NOT_CANCELLABLE");
        assertThat(count("select count(*) from audit_event where action = 'WALKFORWARD_CANCELLED' and outcome = 'SUCCESS' and target = 'walkforward:"
                + id + "'")).isEqualTo(1);
    }
}
