package io.tradepilot.backtests;

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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backtest versus paper over REST with a known paper history written into the journal: the run's own trades copied as
 * PAPER trades, the first one filled 5 minutes later at 0.05 more, the second missing, one extra paper trade, one still
 * open, and trades of another strategy, of LIVE and one entered while another version was applied that must not count. The comparison finds exactly those differences
 * and the net P&amp;L difference to the paisa; a draft run, a bad tolerance and an unknown run are problems.
 */
@TestPropertySource(properties = {"tradepilot.backtests.workers=1", "tradepilot.backtests.deferral=200ms", "tradepilot.backtests.push-interval=200ms"})
@DirtiesContext
class BacktestDriftIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId MARKET = ZoneId.of("Asia/Kolkata");

    @Autowired DSLContext db;

    private ApiClient api(TestUser user) {
        return api(users.apiToken(user));
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private long run(ApiClient api, String config) {
        HttpResponse<String> r = api.post("/api/v1/backtests", config);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        long run = json(r).get("id").asLong();
        eventually(Duration.ofSeconds(90), () -> "DONE".equals(json(api.get("/api/v1/backtests/" + run)).get("state").asString()), "run " + run + " DONE");
        return run;
    }

    private long trade = 9_500_000;

    private void paper(String strategy, String mode, String side, Instant entry, BigDecimal entryPrice, Instant exit, BigDecimal exitPrice,
                       BigDecimal quantity, BigDecimal fees, BigDecimal net) {
        long id = ++trade;
        boolean open = exit == null;
        LocalDate day = (open ? entry : exit).atZone(MARKET).toLocalDate();
        db.execute("insert into journal_trade (trade_id, symbol, side, strategy, mode, status, outcome, trade_day, entry_time, entry_price, exit_time, "
                        + "exit_price, quantity, open_quantity, gross_pnl, fees, net_pnl, holding_micros, replay_from, last_fill_seq) values (?, 'SYNTH-ALPHA', ?, ?, ?, ?, ?, "
                        + "cast(? as date), cast(? as timestamptz), ?, cast(? as timestamptz), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, side, strategy, mode, open ? "OPEN" : "CLOSED", open ? "OPEN" : net.signum() > 0 ? "WIN" : net.signum() < 0 ? "LOSS" : "BREAKEVEN",
                day.toString(), entry.toString(), entryPrice, open ? null : exit.toString(), exitPrice, quantity, open ? quantity : BigDecimal.ZERO,
                net.add(fees), fees, net, open ? null : Duration.between(entry, exit).toNanos() / 1000, id, id);
    }

    @Test
    void a_known_paper_history_is_compared_trade_by_trade_with_the_backtest_of_the_same_version() {
        ApiClient admin = api(users.admin());
        ApiClient viewer = api(users.viewer());
        String id = "drift-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> saved = admin.send(admin.request("/api/v1/strategies/" + id).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("document", "type: sma-cross\nname: " + id
                        + "\nsymbols: [SYNTH-ALPHA]\nquantity: 100\nparameters: {fast: 10, slow: 30}\n", "reason", "drift test")))));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        int version = json(saved).get("version").asInt();
        HttpResponse<String> other = admin.send(admin.request("/api/v1/strategies/" + id).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("document", "type: sma-cross\nname: " + id
                        + "\nsymbols: [SYNTH-ALPHA]\nquantity: 100\nparameters: {fast: 12, slow: 30}\n", "reason", "drift test")))));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        int otherVersion = json(other).get("version").asInt();
        // the version applied, replaced by the other for ten days, then applied again (and still)
        for (var a : List.of(Map.entry(version, "2018-11-01T04:00:00Z"), Map.entry(otherVersion, "2018-12-10T04:00:00Z"),
                Map.entry(version, "2018-12-20T04:00:00Z"))) {
            db.execute("insert into config_applied (kind, config_key, version, applied_by, applied_at, reason, live) values ('STRATEGY', ?, ?, 'test', "
                    + "cast(? as timestamptz), 'test', false)", id, a.getKey(), a.getValue());
        }
        long run = run(admin, "{\"configKey\": \"" + id + "\", \"configVersion\": " + version
                + ", \"symbols\": [\"SYNTH-ALPHA\"], \"from\": \"2019-01-01\", \"to\": \"2020-12-31\", \"cash\": 1000000, \"quantity\": 100}");
        JsonNode trades = json(admin.get("/api/v1/backtests/" + run + "/result")).get("trades");
        assertThat(trades.size()).as("the run trades enough to compare").isGreaterThanOrEqualTo(4);
        List<String> sides = new ArrayList<>();
        trades.forEach(t -> sides.add(t.get("side").asString()));
        assertThat(sides).as("sma-cross trades long only here").containsOnly("LONG");

        BigDecimal backtestNet = BigDecimal.ZERO;
        for (int i = 0; i < trades.size(); i++) {
            JsonNode t = trades.get(i);
            BigDecimal net = t.get("netPnl").decimalValue();
            backtestNet = backtestNet.add(net);
            if (i == 1) continue;                                   // paper missed the second entry
            Instant entry = Instant.parse(t.get("entryTime").asString());
            BigDecimal entryPrice = t.get("entryPrice").decimalValue();
            BigDecimal qty = t.get("quantity").decimalValue();
            if (i == 0) {                                           // filled 5 minutes later at 0.05 more: 5.00 less net
                entry = entry.plus(Duration.ofMinutes(5));
                entryPrice = entryPrice.add(new BigDecimal("0.05"));
                net = net.subtract(new BigDecimal("0.05").multiply(qty));
            }
            paper(id, "PAPER", "LONG", entry, entryPrice, Instant.parse(t.get("exitTime").asString()), t.get("exitPrice").decimalValue(), qty,
                    t.get("fees").decimalValue(), net);
        }
        Instant extraEntry = Instant.parse("2020-06-10T04:00:00Z");
        paper(id, "PAPER", "SHORT", extraEntry, new BigDecimal("101.25"), extraEntry.plus(Duration.ofDays(2)), new BigDecimal("100.00"),
                new BigDecimal("100"), new BigDecimal("1.10"), new BigDecimal("123.90"));                                 // extra
        paper(id, "PAPER", "LONG", Instant.parse("2020-12-30T04:00:00Z"), new BigDecimal("99"), null, null, new BigDecimal("100"),
                BigDecimal.ZERO, BigDecimal.ZERO);                                                                           // still open
        paper(id, "PAPER", "LONG", Instant.parse("2018-12-12T04:00:00Z"), new BigDecimal("98"), Instant.parse("2019-01-02T04:00:00Z"),
                new BigDecimal("99"), new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("100")); // entered under the other version
        paper("other-" + id, "PAPER", "SHORT", extraEntry, new BigDecimal("1"), extraEntry.plus(Duration.ofDays(1)), new BigDecimal("1"),
                BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("7")); // another strategy
        paper(id, "LIVE", "SHORT", extraEntry, new BigDecimal("1"), extraEntry.plus(Duration.ofDays(1)), new BigDecimal("1"),
                BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("7")); // live, not paper

        HttpResponse<String> r = viewer.get("/api/v1/backtests/" + run + "/drift?toleranceMinutes=60");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode d = json(r);
        int n = trades.size();
        assertThat(d.get("matched").asInt()).isEqualTo(n - 1);
        assertThat(d.get("backtestOnly").asInt()).isEqualTo(1);
        assertThat(d.get("paperOnly").asInt()).isEqualTo(1);
        assertThat(d.get("openPaperTrades").asInt()).isEqualTo(1);
        assertThat(d.get("assumptions").asString()).contains("fill").contains("PAPER trades of " + id).contains("while v" + version + " was the applied version");
        BigDecimal paperNet = backtestNet.subtract(trades.get(1).get("netPnl").decimalValue()).subtract(new BigDecimal("5.00")).add(new BigDecimal("123.90"));
        assertThat(d.get("backtestNetPnl").decimalValue()).isEqualByComparingTo(backtestNet.setScale(2, RoundingMode.HALF_EVEN));
        assertThat(d.get("paperNetPnl").decimalValue()).isEqualByComparingTo(paperNet.setScale(2, RoundingMode.HALF_EVEN));
        assertThat(d.get("netPnlDifference").decimalValue()).isEqualByComparingTo(paperNet.subtract(backtestNet).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(r.body()).as("to the paisa").contains("\"netPnlDifference\":" + paperNet.subtract(backtestNet).setScale(2, RoundingMode.HALF_EVEN).toPlainString());

        List<String> statuses = new ArrayList<>();
        d.get("rows").forEach(row -> statuses.add(row.get("status").asString()));
        assertThat(statuses).hasSize(n + 1).containsOnly("MATCHED", "BACKTEST_ONLY", "PAPER_ONLY");
        JsonNode first = d.get("rows").get(0);
        assertThat(first.get("status").asString()).isEqualTo("MATCHED");
        assertThat(first.get("entryDelaySeconds").asLong()).isEqualTo(300);
        assertThat(first.get("entryPriceDifference").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(first.get("exitPriceDifference").decimalValue()).isEqualByComparingTo("0");
        assertThat(first.get("netPnlDifference").decimalValue()).isEqualByComparingTo("-5");
        JsonNode second = null;
        for (JsonNode row : d.get("rows")) if (row.get("status").asString().equals("BACKTEST_ONLY")) second = row;
        assertThat(second).isNotNull();
        assertThat(second.get("backtestEntryTime").asString()).isEqualTo(trades.get(1).get("entryTime").asString());
        for (JsonNode row : d.get("rows")) {
            if (row.get("status").asString().equals("MATCHED") && row != first) {
                assertThat(row.get("netPnlDifference").decimalValue()).isEqualByComparingTo("0");
                assertThat(row.get("entryDelaySeconds").asLong()).isZero();
            }
            if (row.get("status").asString().equals("PAPER_ONLY")) assertThat(row.get("side").asString()).isEqualTo("SHORT");
        }
        // a tolerance under 5 minutes leaves the delayed fill unmatched: one more on each side
        JsonNode strict = json(viewer.get("/api/v1/backtests/" + run + "/drift?toleranceMinutes=4"));
        assertThat(strict.get("matched").asInt()).isEqualTo(n - 2);
        assertThat(strict.get("backtestOnly").asInt()).isEqualTo(2);
        assertThat(strict.get("paperOnly").asInt()).isEqualTo(2);

        // problems
        long draft = run(admin, "{\"draft\": \"type: sma-cross\\nname: d\\nsymbols: [SYNTH-ALPHA]\\nparameters: {fast: 10, slow: 30}\\n\", "
                + "\"symbols\": [\"SYNTH-ALPHA\"], \"from\": \"2019-01-01\", \"to\": \"2019-12-31\", \"cash\": 1000000, \"quantity\": 100}");
        HttpResponse<String> notStored = viewer.get("/api/v1/backtests/" + draft + "/drift");
        assertThat(notStored.statusCode()).as(notStored.body()).isEqualTo(409);
        assertThat(notStored.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(notStored).get("code").asString()).isEqualTo("NOT_STORED_VERSION");
        for (String bad : List.of("x", "-1", "44641")) {
            HttpResponse<String> b = viewer.get("/api/v1/backtests/" + run + "/drift?toleranceMinutes=" + bad);
            assertThat(b.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(b).get("code").asString()).isEqualTo("INVALID_PARAMETER");
            assertThat(json(b).get("field").asString()).isEqualTo("tolerance");
        }
        assertThat(viewer.get("/api/v1/backtests/987654/drift").statusCode()).isEqualTo(404);
    }
}
