package io.tradepilot.backtests;

import io.tradepilot.engine.cli.Cli;
import io.tradepilot.engine.marketdata.CsvBarWriter;
import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backtests through the REST API on the real Quartz job store (two workers, one run per user at a time): a run ends
 * DONE with exactly the command line's trades on the same bars; cancel; bad input as problems naming the field; a
 * viewer refused and audited; fair queueing across users. Symbol GATED is served only when the test releases it
 * ({@link GatedBacktestData}), so a run can be held RUNNING.
 */
@TestPropertySource(properties = {"tradepilot.backtests.workers=2", "tradepilot.backtests.max-running-per-user=1",
        "tradepilot.backtests.deferral=200ms", "tradepilot.backtests.push-interval=200ms"})
@Import(GatedBacktestData.class)
@DirtiesContext
class BacktestsIT extends IntegrationTestSupport {

    static final String GATED = GatedBacktestData.GATED;
    static final Semaphore GATE = GatedBacktestData.GATE;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DRAFT = "type: sma-cross\nname: it-draft\nsymbols: [SYNTH-ALPHA]\nparameters: {fast: 10, slow: 30}\n";

    @TempDir
    Path dir;

    @Autowired DSLContext db;
    @Autowired BacktestData data;

    @AfterEach
    void releaseTheGate() {
        GATE.release(10);
        eventually(Duration.ofSeconds(60), () -> db.fetchCount(db.selectFrom("backtest_run").where("state in ('QUEUED', 'RUNNING')")) == 0,
                "no run left queued or running");
        GATE.drainPermits();
    }

    private ApiClient api(TestUser user) {
        return api(users.apiToken(user));
    }

    private static String request(List<String> symbols, String from, String to, String extra) {
        return "{\"draft\": " + JSON.writeValueAsString(DRAFT) + ", \"symbols\": " + JSON.writeValueAsString(symbols) + ", \"from\": \"" + from
                + "\", \"to\": \"" + to + "\", \"cash\": 1000000, \"quantity\": 100" + extra + "}";
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private long submit(ApiClient api, List<String> symbols) {
        HttpResponse<String> r = api.post("/api/v1/backtests", request(symbols, "2019-01-01", "2020-12-31", ", \"fee\": \"PERCENT\", \"feeValue\": 0.1"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        // 202 with the run as stored after scheduling: a free worker may already have claimed it
        assertThat(json(r).get("state").asString()).isIn("QUEUED", "RUNNING");
        return json(r).get("id").asLong();
    }

    private String state(ApiClient api, long id) {
        return json(api.get("/api/v1/backtests/" + id)).get("state").asString();
    }

    private void awaitState(ApiClient api, long id, String state) {
        eventually(Duration.ofSeconds(60), () -> state.equals(state(api, id)), "run " + id + " " + state);
    }

    @Test
    void a_run_ends_done_with_the_command_lines_trades_on_the_same_bars_and_a_reproducible_fingerprint() throws Exception {
        ApiClient operator = api(users.operator());
        long id = submit(operator, List.of("SYNTH-ALPHA", "SYNTH-BETA"));
        awaitState(operator, id, "DONE");
        JsonNode run = json(operator.get("/api/v1/backtests/" + id));
        assertThat(run.get("runner").asString()).isEqualTo("INDEPENDENT_SINGLE_SYMBOL");
        assertThat(run.get("dataFingerprint").asString()).matches("[0-9a-f]{64}");
        assertThat(run.get("barsDone").asLong()).isEqualTo(run.get("barsTotal").asLong()).isPositive();
        JsonNode result = json(operator.get("/api/v1/backtests/" + id + "/result"));

        // the command line on the same bars, the same document and settings
        Path folder = Files.createDirectories(dir.resolve("data"));
        for (String s : List.of("SYNTH-ALPHA", "SYNTH-BETA")) {
            Files.write(folder.resolve(s + ".csv"), CsvBarWriter.toBytes(data.load(s, LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31)).orElseThrow()));
        }
        Path config = Files.writeString(dir.resolve("config.yaml"), DRAFT);
        Path out = dir.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.standard().run(new String[]{"backtest", "--data", folder.toString(), "--config", config.toString(), "--quantity", "100",
                "--cash", "1000000", "--commission-pct", "0.1", "--zone", "Asia/Kolkata", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> cli = Files.readAllLines(out.resolve("trades.csv")).subList(1, Files.readAllLines(out.resolve("trades.csv")).size());
        List<String> app = new ArrayList<>();
        for (JsonNode t : result.get("trades")) {
            app.add(String.join(",", t.get("symbol").asString(), t.get("side").asString().equals("LONG") ? "long" : "short",
                    java.time.Instant.parse(t.get("entryTime").asString()).atZone(ZoneId.of("Asia/Kolkata")).toLocalDate().toString(), plain(t.get("entryPrice")), plain(t.get("exitPrice")), plain(t.get("quantity")),
                    plain(t.get("netPnl"))));
        }
        List<String> expected = cli.stream().map(l -> l.split(",")).map(c -> String.join(",", c[0], c[1], c[2].substring(0, 10), c[3], c[5], c[6], c[7]))
                .toList();
        assertThat(app).isNotEmpty().isEqualTo(expected);
        String metrics = Files.readString(out.resolve("SYNTH-ALPHA/metrics.json"));
        JsonNode alpha = result.get("symbols").get(0);
        assertThat(alpha.get("symbol").asString()).isEqualTo("SYNTH-ALPHA");
        assertThat(metrics).contains("\"final_equity\": " + plain(alpha.get("finalEquity")) + ",")
                .contains("\"trades_pnl_net\": " + plain(alpha.get("tradesPnlNet")) + ",")
                .contains("\"realized_pnl_gross\": " + plain(alpha.get("realizedPnlGross")) + ",");
        assertThat(operator.get("/api/v1/backtests/" + id + "/report.html").body()).contains("independent single-symbol runs");

        long again = submit(operator, List.of("SYNTH-ALPHA", "SYNTH-BETA"));
        awaitState(operator, again, "DONE");
        assertThat(json(operator.get("/api/v1/backtests/" + again)).get("dataFingerprint").asString()).isEqualTo(run.get("dataFingerprint").asString());
        assertThat(db.fetchCount(db.selectFrom("backtest_trade").where("run_id = " + again))).isEqualTo(app.size());
    }

    @Test
    void a_portfolio_run_ends_done_with_the_command_lines_account_trades_equity_and_refusals_on_the_same_bars() throws Exception {
        ApiClient operator = api(users.operator());
        List<String> symbols = List.of("SYNTH-ALPHA", "SYNTH-BETA");
        HttpResponse<String> submitted = operator.post("/api/v1/backtests", request(symbols, "2019-01-01", "2020-12-31",
                ", \"fee\": \"PERCENT\", \"feeValue\": 0.1, \"mode\": \"PORTFOLIO\", \"maxPositions\": 1, \"heatCap\": 0.5"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = json(submitted).get("id").asLong();
        awaitState(operator, id, "DONE");
        JsonNode run = json(operator.get("/api/v1/backtests/" + id));
        assertThat(run.get("runner").asString()).isEqualTo("PORTFOLIO");
        assertThat(run.get("mode").asString()).isEqualTo("PORTFOLIO");
        assertThat(run.get("maxPositions").asInt()).isEqualTo(1);
        assertThat(run.get("buyingPower").asBoolean()).isTrue();
        assertThat(run.get("barsDone").asLong()).isEqualTo(run.get("barsTotal").asLong()).isPositive();
        JsonNode result = json(operator.get("/api/v1/backtests/" + id + "/result"));

        JsonNode metrics = assertSameAsCommandLine(result, symbols, "portfolio", new BigDecimal("1000000"), "--commission-pct", "0.1",
                "--max-positions", "1", "--heat-cap", "0.5");
        assertThat(metrics.get("refusals_by_reason").size()).as("max positions 1 over two symbols refuses entries").isPositive();
        assertThat(result.get("portfolio").get("maxOpenPositions").asInt()).isLessThanOrEqualTo(1);
        assertThat(result.get("equity").get(SymbolResult.ACCOUNT).size()).isPositive();
        assertThat(operator.get("/api/v1/backtests/" + id + "/report.html").body()).contains("Portfolio backtest");
    }

    @Test
    void a_portfolio_run_with_mis_leverage_and_correlation_groups_matches_the_command_line_on_the_same_bars() throws Exception {
        ApiClient operator = api(users.operator());
        List<String> symbols = List.of("SYNTH-ALPHA", "SYNTH-BETA");
        HttpResponse<String> submitted = operator.post("/api/v1/backtests", request(symbols, "2019-01-01", "2020-12-31",
                ", \"mode\": \"PORTFOLIO\", \"misLeverage\": 5, \"correlationGroups\": {\"pair\": [\"SYNTH-ALPHA\", \"SYNTH-BETA\"]}"
                        + ", \"maxPositionsPerGroup\": 1").replace("\"cash\": 1000000", "\"cash\": 30000"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = json(submitted).get("id").asLong();
        awaitState(operator, id, "DONE");
        JsonNode run = json(operator.get("/api/v1/backtests/" + id));
        assertThat(run.get("misLeverage").decimalValue()).isEqualByComparingTo("5");
        assertThat(run.get("correlationGroups").get("pair").size()).isEqualTo(2);
        assertThat(run.get("maxPositionsPerGroup").asInt()).isEqualTo(1);
        JsonNode result = json(operator.get("/api/v1/backtests/" + id + "/result"));

        assertSameAsCommandLine(result, symbols, "margin-groups", new BigDecimal("30000"), "--mis-leverage", "5",
                "--group", "pair=SYNTH-ALPHA,SYNTH-BETA", "--max-per-group", "1");
        assertThat(result.get("portfolio").get("maxOpenPositions").asInt()).as("one group of both symbols, one position each").isLessThanOrEqualTo(1);
        // the leverage matters on these bars: paid in full (no --mis-leverage), the same run lacks buying power more often
        Path delivery = dir.resolve("delivery-out");
        int code = Cli.standard().run(new String[]{"backtest", "--data", dir.resolve("margin-groups-data").toString(), "--config",
                        dir.resolve("margin-groups-config.yaml").toString(), "--quantity", "100", "--cash", "30000", "--zone", "Asia/Kolkata", "--portfolio",
                        "--group", "pair=SYNTH-ALPHA,SYNTH-BETA", "--out", delivery.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        JsonNode paidInFull = JSON.readTree(Files.readString(delivery.resolve("metrics.json"))).get("refusals_by_reason");
        JsonNode leveraged = result.get("portfolio").get("refusalsByReason");
        assertThat(paidInFull.has("INSUFFICIENT_BUYING_POWER") ? paidInFull.get("INSUFFICIENT_BUYING_POWER").asLong() : 0)
                .isGreaterThan(leveraged.has("INSUFFICIENT_BUYING_POWER") ? leveraged.get("INSUFFICIENT_BUYING_POWER").asLong() : 0);
    }

    /**
     * Runs the command line's {@code backtest --portfolio} with {@code options} on the bars the app used for {@code symbols} (folder
     * and output named after {@code name}) and checks the app's portfolio {@code result} has its trades, account figures, max open
     * positions, refusals by reason and contributions; answers the command line's metrics.
     */
    private JsonNode assertSameAsCommandLine(JsonNode result, List<String> symbols, String name, BigDecimal cash, String... options) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name + "-data"));
        for (String s : symbols) {
            Files.write(folder.resolve(s + ".csv"), CsvBarWriter.toBytes(data.load(s, LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31)).orElseThrow()));
        }
        Path config = Files.writeString(dir.resolve(name + "-config.yaml"), DRAFT);
        Path out = dir.resolve(name + "-out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("backtest", "--data", folder.toString(), "--config", config.toString(), "--quantity", "100",
                "--cash", cash.toPlainString(), "--zone", "Asia/Kolkata", "--portfolio", "--out", out.toString()));
        args.addAll(List.of(options));
        int code = Cli.standard().run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        List<String> cliTrades = Files.readAllLines(out.resolve("trades.csv"));
        List<String> expected = cliTrades.subList(1, cliTrades.size()).stream().map(l -> l.split(","))
                .map(c -> String.join(",", c[0], c[1], c[2].substring(0, 10), c[3], c[5], c[6], c[9])).sorted().toList();
        List<String> app = new ArrayList<>();
        for (JsonNode t : result.get("trades")) {
            app.add(String.join(",", t.get("symbol").asString(), t.get("side").asString().equals("LONG") ? "long" : "short",
                    java.time.Instant.parse(t.get("entryTime").asString()).atZone(ZoneId.of("Asia/Kolkata")).toLocalDate().toString(),
                    plain(t.get("entryPrice")), plain(t.get("exitPrice")), plain(t.get("quantity")), plain(t.get("netPnl"))));
        }
        assertThat(app).isNotEmpty().hasSize(expected.size());
        assertThat(app.stream().sorted().toList()).isEqualTo(expected);

        JsonNode metrics = JSON.readTree(Files.readString(out.resolve("metrics.json")));
        JsonNode account = result.get("symbols").get(0);
        assertThat(result.get("symbols")).hasSize(1);
        assertThat(account.get("symbol").asString()).isEqualTo(SymbolResult.ACCOUNT);
        assertThat(account.get("finalEquity").decimalValue()).isEqualByComparingTo(metrics.get("final_equity").decimalValue());
        assertThat(account.get("tradesPnlNet").decimalValue()).isEqualByComparingTo(metrics.get("trades_pnl_net").decimalValue());
        assertThat(account.get("fees").decimalValue()).isEqualByComparingTo(metrics.get("fees").decimalValue());
        JsonNode portfolio = result.get("portfolio");
        assertThat(portfolio.get("reconciliationDifference").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(portfolio.get("maxOpenPositions").asInt()).isEqualTo(metrics.get("max_open_positions").asInt());
        JsonNode cliRefusals = metrics.get("refusals_by_reason");
        assertThat(portfolio.get("refusalsByReason").size()).isEqualTo(cliRefusals.size());
        for (var e : cliRefusals.properties()) {
            assertThat(portfolio.get("refusalsByReason").get(e.getKey()).asLong()).as(e.getKey()).isEqualTo(e.getValue().asLong());
        }
        BigDecimal contributions = BigDecimal.ZERO;
        for (JsonNode c : portfolio.get("contributions")) contributions = contributions.add(c.get("contribution").decimalValue());
        assertThat(contributions).isEqualByComparingTo(account.get("finalEquity").decimalValue().subtract(cash));
        assertThat(portfolio.get("contributions")).hasSize(symbols.size());
        return metrics;
    }

    private static String plain(JsonNode n) {
        BigDecimal v = n.decimalValue();
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    @Test
    void a_running_run_is_cancelled_at_its_next_check_and_keeps_nothing() {
        ApiClient operator = api(users.operator());
        long id = submit(operator, List.of(GATED, "SYNTH-ALPHA"));
        awaitState(operator, id, "RUNNING");
        HttpResponse<String> cancel = operator.post("/api/v1/backtests/" + id + "/cancel", "");
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(json(cancel).get("cancelRequested").asBoolean()).isTrue();
        GATE.release();
        awaitState(operator, id, "CANCELLED");
        assertThat(db.fetchCount(db.selectFrom("backtest_symbol").where("run_id = " + id))).isZero();
        HttpResponse<String> again = operator.post("/api/v1/backtests/" + id + "/cancel", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("code").asString()).isEqualTo("NOT_CANCELLABLE");
        assertThat(db.fetchCount(db.selectFrom("audit_event").where("action = 'BACKTEST_CANCELLED' and outcome = 'SUCCESS' and target = 'backtest:" + id + "'")))
                .isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_as_a_problem_naming_the_field() {
        TestUser user = users.operator();
        String operatorName = user.username();
        ApiClient operator = api(user);
        record Case(String body, int status, String code, String field) {
        }
        for (Case c : List.of(
                new Case(request(List.of("SYNTH-ALPHA"), "2020-01-01", "2019-01-01", ""), 400, "INVALID_PARAMETER", "to"),
                new Case(request(List.of("NOPE"), "2019-01-01", "2019-12-31", ""), 422, "UNKNOWN_SYMBOL", "symbols"),
                new Case(request(List.of(), "2019-01-01", "2019-12-31", ""), 400, "INVALID_PARAMETER", "symbols"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ", \"fee\": \"PERCENT\", \"feeValue\": 150"), 400, "INVALID_PARAMETER", "feeValue"),
                new Case(request(List.of("SYNTH-ALPHA"), "2030-01-01", "2030-12-31", ""), 422, "NO_DATA", "from"),
                new Case("{\"draft\": \"type: nonsense\", \"symbols\": [\"SYNTH-ALPHA\"], \"from\": \"2019-01-01\", \"to\": \"2019-12-31\", \"cash\": 1000, \"quantity\": 1}",
                        400, "INVALID_PARAMETER", "draft"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", "").replace("\"quantity\": 100", "\"quantity\": 1.5"), 400,
                        "INVALID_PARAMETER", "quantity"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ", \"mode\": \"PORTFOLIO\", \"maxPositions\": -1"), 400,
                        "INVALID_PARAMETER", "maxPositions"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ", \"mode\": \"PORTFOLIO\", \"heatCap\": 0"), 400,
                        "INVALID_PARAMETER", "heatCap"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ", \"mode\": \"PORTFOLIO\", \"cashOnly\": true"), 400,
                        "INVALID_PARAMETER", "cashOnly"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ", \"maxPositions\": 2"), 400,
                        "INVALID_PARAMETER", "maxPositions"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ", \"mode\": \"PORTFOLIO\", \"misLeverage\": 101"), 400,
                        "INVALID_PARAMETER", "misLeverage"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ", \"mode\": \"PORTFOLIO\", \"misLeverage\": 5, \"buyingPower\": false"),
                        400, "INVALID_PARAMETER", "misLeverage"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ", \"mode\": \"PORTFOLIO\", \"correlationGroups\": {\"g\": [\"SYNTH-BETA\"]}"),
                        400, "INVALID_PARAMETER", "correlationGroups"),
                new Case(request(List.of("SYNTH-ALPHA", "SYNTH-BETA"), "2019-01-01", "2019-12-31", ", \"mode\": \"PORTFOLIO\""
                        + ", \"correlationGroups\": {\"a\": [\"SYNTH-ALPHA\"], \"b\": [\"SYNTH-ALPHA\", \"SYNTH-BETA\"]}"), 400, "INVALID_PARAMETER", "correlationGroups"),
                new Case(request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ", \"mode\": \"PORTFOLIO\", \"correlationGroups\": {\"g\": [\"SYNTH-ALPHA\"]}"
                        + ", \"maxPositionsPerGroup\": 0"), 400, "INVALID_PARAMETER", "maxPositionsPerGroup"))) {
            HttpResponse<String> r = operator.post("/api/v1/backtests", c.body());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(r).get("code").asString()).as(r.body()).isEqualTo(c.code());
            assertThat(json(r).get("field").asString()).as(r.body()).isEqualTo(c.field());
        }
        HttpResponse<String> malformed = operator.post("/api/v1/backtests", "{not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(operator.get("/api/v1/backtests/987654").statusCode()).isEqualTo(404);
        assertThat(db.fetchCount(db.selectFrom("backtest_run").where("submitted_by = '" + operatorName + "'"))).as("nothing refused was stored").isZero();
    }

    @Test
    void a_viewer_reads_but_is_refused_submitting_and_cancelling_and_each_refusal_is_audited() {
        TestUser viewer = users.viewer();
        ApiClient api = api(viewer);
        assertThat(api.get("/api/v1/backtests").statusCode()).isEqualTo(200);
        HttpResponse<String> r = api.post("/api/v1/backtests", request(List.of("SYNTH-ALPHA"), "2019-01-01", "2019-12-31", ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(api.post("/api/v1/backtests/1/cancel", "").statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(db.selectFrom("audit_event").where("action in ('BACKTEST_SUBMITTED', 'BACKTEST_CANCELLED') and outcome = 'DENIED' and username = '"
                + viewer.username() + "'"))).isEqualTo(2);
        assertThat(db.fetchCount(db.selectFrom("backtest_run").where("submitted_by = '" + viewer.username() + "'"))).isZero();
    }

    @Test
    void runs_queue_fairly_one_per_user_at_a_time_in_submission_order_across_users() {
        ApiClient first = api(users.operator());
        ApiClient second = api(users.operator());
        long held = submit(first, List.of(GATED));
        awaitState(first, held, "RUNNING");
        long firstsNext = submit(first, List.of("SYNTH-ALPHA"));
        long seconds = submit(second, List.of("SYNTH-ALPHA"));
        awaitState(second, seconds, "DONE");
        assertThat(state(first, firstsNext)).as("the first user's second run waits for their first").isEqualTo("QUEUED");
        GATE.release();
        awaitState(first, held, "DONE");
        awaitState(first, firstsNext, "DONE");
        JsonNode a = json(first.get("/api/v1/backtests/" + firstsNext)), b = json(second.get("/api/v1/backtests/" + seconds));
        assertThat(java.time.Instant.parse(a.get("startedAt").asString())).isAfterOrEqualTo(java.time.Instant.parse(b.get("startedAt").asString()));
        List<JsonNode> list = new ArrayList<>();
        json(first.get("/api/v1/backtests?limit=3")).forEach(list::add);
        assertThat(list).extracting(n -> n.get("id").asLong()).containsExactly(seconds, firstsNext, held);
    }
}
