package io.tradepilot.journal.web;

import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.db.Tables.POSITION;
import static io.tradepilot.db.Tables.ROUND_TRIP;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.engine.domain.ChargeKind;
import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.journal.internal.JournalFixtures;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import io.tradepilot.trading.internal.LedgerTestWriter;
import io.tradepilot.trading.internal.LedgerTestWriter.FilledOrder;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The journal's REST API on real PostgreSQL, over fills written by the ledger's own writer: trades reconcile
 * with the ledger's round trips and positions to the paisa, paging and filters are validated, edits are
 * role-checked and audited, and the CSV exports are exact and injection-safe.
 */
class JournalApiIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Instant START = Instant.parse("2026-03-02T04:00:00Z"); // 09:30 in Kolkata

    @Autowired DSLContext db;
    @Autowired ApplicationContext context;

    private String viewer;
    private String operator;
    private long auditMark;

    @BeforeEach
    void ledgerWithFourTrades() {
        LedgerTestWriter.emptyLedger(db);
        JournalFixtures.emptyJournal(db);
        new LedgerTestWriter(context, START, ZoneId.of("Asia/Kolkata")).write(List.of(
                new FilledOrder("sma", "ABC", Side.BUY, "10", "100", "2", OrderType.MARKET, 0),
                new FilledOrder("sma", "ABC", Side.BUY, "10", "110", "2", OrderType.MARKET, 5),
                new FilledOrder("sma", "ABC", Side.SELL, "5", "120", "1", OrderType.LIMIT, 10),
                new FilledOrder("engine", "ABC", Side.SELL, "15", "105", "3", OrderType.MARKET, 30),   // trade 1: +67
                new FilledOrder("mr", "XYZ", Side.SELL, "10", "50", "1", OrderType.MARKET, 40, "55"),  // 50 at risk
                new FilledOrder("mr", "XYZ", Side.BUY, "15", "45", "3", OrderType.STOP, 60, null, null, // trade 5: +47, reverses
                        new Charges(Map.of(ChargeKind.BROKERAGE, new BigDecimal("1.50"), ChargeKind.STT, new BigDecimal("0.90"),
                                ChargeKind.GST, new BigDecimal("0.60")))),
                new FilledOrder("manual", "XYZ", Side.SELL, "5", "44", "0.5", OrderType.MARKET, 70),   // trade 6: -6.5
                new FilledOrder("sma", "ABC", Side.BUY, "3", "101.37", "0.1", OrderType.MARKET, 80))); // trade 8: open
        TestUser v = users.viewer();
        TestUser o = users.operator();
        viewer = users.apiToken(v);
        operator = users.apiToken(o);
        Long max = db.select(DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne(0, Long.class);
        auditMark = max == null ? 0 : max;
    }

    @Test
    void trades_are_built_from_the_ledger_fills_and_reconcile_with_its_realized_pnl_to_the_paisa() {
        JsonNode page = json(get(viewer, "/api/v1/journal/trades?sort=ENTRY_TIME&desc=false&limit=50"), 200);
        assertThat(page.get("total").asInt()).isEqualTo(4);
        JsonNode trades = page.get("trades");
        assertThat(ids(trades)).containsExactly(1L, 5L, 6L, 8L);
        JsonNode first = trades.get(0);
        assertThat(first.get("side").asString()).isEqualTo("LONG");
        assertThat(first.get("strategy").asString()).isEqualTo("sma");
        assertThat(first.get("mode").asString()).isEqualTo("PAPER");
        assertThat(first.get("netPnl").decimalValue()).isEqualByComparingTo("67");
        assertThat(first.get("exitReason").asString()).isEqualTo("FLATTEN_OR_SQUARE_OFF");
        assertThat(first.get("fills")).hasSize(4);
        assertThat(trades.get(1).get("exitReason").asString()).isEqualTo("STOP");
        assertThat(trades.get(2).get("exitReason").asString()).isEqualTo("MANUAL");
        assertThat(trades.get(3).get("status").asString()).isEqualTo("OPEN");
        assertThat(trades.get(3).get("openQuantity").decimalValue()).isEqualByComparingTo("3");

        BigDecimal net = BigDecimal.ZERO, gross = BigDecimal.ZERO;
        for (JsonNode t : trades) {
            if (t.get("status").asString().equals("CLOSED")) net = net.add(t.get("netPnl").decimalValue());
            gross = gross.add(t.get("grossPnl").decimalValue());
        }
        BigDecimal ledgerNet = db.select(DSL.sum(ROUND_TRIP.NET_PNL)).from(ROUND_TRIP).fetchOne(0, BigDecimal.class);
        BigDecimal ledgerRealized = db.select(DSL.sum(POSITION.REALIZED_PNL)).from(POSITION).fetchOne(0, BigDecimal.class);
        assertThat(net).isEqualByComparingTo("107.5").isEqualByComparingTo(ledgerNet);
        assertThat(gross).isEqualByComparingTo("120").isEqualByComparingTo(ledgerRealized);

        JsonNode stats = json(get(viewer, "/api/v1/journal/stats"), 200);
        assertThat(stats.get("trades").asInt()).isEqualTo(3);
        assertThat(stats.get("openTrades").asInt()).isEqualTo(1);
        assertThat(stats.get("netPnl").decimalValue()).isEqualByComparingTo(ledgerNet);
        assertThat(stats.get("wins").asInt()).isEqualTo(2);

        JsonNode one = json(get(viewer, "/api/v1/journal/trades/5"), 200);
        assertThat(one.get("side").asString()).isEqualTo("SHORT");
        assertThat(one.get("fees").decimalValue()).isEqualByComparingTo("3");
        assertThat(db.fetchOne("SELECT protective_stop FROM fill WHERE seq = 5").get(0, BigDecimal.class))
                .as("the ledger records the stop the order carried").isEqualByComparingTo("55");
        assertThat(one.get("initialRisk").decimalValue()).isEqualByComparingTo("50"); // |50 - 55| x 10
        assertThat(one.get("rMultiple").decimalValue()).isEqualByComparingTo("0.94"); // 47 / 50
        assertThat(trades.get(2).get("initialRisk").isNull()).as("trade 6: the reversing stop order had no stop").isTrue();
        assertThat(get(viewer, "/api/v1/journal/trades/404").statusCode()).isEqualTo(404);
    }

    @Test
    void a_trade_entered_by_a_3wi_setup_shows_the_setups_planned_stop_and_targets_through_the_schedulers_port() {
        db.execute("TRUNCATE scan_setup CASCADE");
        db.execute("INSERT INTO scan_setup (setup_id, symbol, mother_week, scan_id, state, order_id, reason, decided_at, side, quantity,"
                + " entry, stop, target1, target2) VALUES ('XYZ:2026-02-23', 'XYZ', DATE '2026-02-23', 1, 'TAKEN', 'it-5', 'entered',"
                + " now(), 'SELL', 10, 50, 55, 45, 40)");
        io.tradepilot.journal.JournalQueries queries = context.getBean(io.tradepilot.journal.JournalQueries.class);
        assertThat(queries.plan(5)).get().usingRecursiveComparison().withComparatorForType(java.util.Comparator.naturalOrder(), BigDecimal.class)
                .isEqualTo(new io.tradepilot.journal.TradePlan("3WI setup XYZ:2026-02-23", new BigDecimal("50"), new BigDecimal("55"),
                        new BigDecimal("45"), new BigDecimal("40")));
        assertThat(queries.plan(1)).as("entered by strategy sma, no setup").isEmpty();
        assertThat(queries.plan(404)).isEmpty();
        db.execute("TRUNCATE scan_setup CASCADE");
    }

    @Test
    void filters_select_trades_and_bad_paging_or_filter_values_are_400_problems_naming_the_field() {
        assertThat(ids(json(get(viewer, "/api/v1/journal/trades?symbol=XYZ"), 200).get("trades"))).containsExactly(6L, 5L);
        assertThat(ids(json(get(viewer, "/api/v1/journal/trades?outcome=loss"), 200).get("trades"))).containsExactly(6L);
        assertThat(ids(json(get(viewer, "/api/v1/journal/trades?side=SHORT"), 200).get("trades"))).containsExactly(5L);
        assertThat(ids(json(get(viewer, "/api/v1/journal/trades?from=2026-03-03"), 200).get("trades"))).isEmpty();
        JsonNode paged = json(get(viewer, "/api/v1/journal/trades?sort=NET_PNL&desc=true&offset=1&limit=2"), 200);
        assertThat(paged.get("total").asInt()).isEqualTo(4);
        assertThat(ids(paged.get("trades"))).containsExactly(5L, 8L);
        JsonNode keyset = json(get(viewer, "/api/v1/journal/trades?sort=NET_PNL&desc=true&after=5&limit=2"), 200); // after trade 5
        assertThat(keyset.get("total").asInt()).isEqualTo(4);
        assertThat(ids(keyset.get("trades"))).containsExactly(8L, 6L);
        assertThat(ids(json(get(viewer, "/api/v1/journal/trades?exitReason=manual"), 200).get("trades"))).containsExactly(6L);
        assertThat(ids(json(get(viewer, "/api/v1/journal/trades?exitReason=STOP"), 200).get("trades"))).containsExactly(5L);

        for (String[] bad : new String[][] {{"limit=0", "limit"}, {"limit=501", "limit"}, {"offset=-1", "offset"},
                {"limit=abc", "limit"}, {"side=UP", "side"}, {"from=2026-13-01", "from"}, {"sort=PRICE", "sort"},
                {"from=2026-03-05&to=2026-03-01", "to"}, {"after=x", "after"}, {"after=999", "after"}, {"after=5&offset=1", "offset"},
                {"exitReason=LUCK", "exitReason"}}) {
            HttpResponse<String> response = get(viewer, "/api/v1/journal/trades?" + bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
            JsonNode problem = json(response, 400);
            assertThat(problem.get("code").asString()).isEqualTo("INVALID_PARAMETER");
            assertThat(problem.get("field").asString()).isEqualTo(bad[1]);
        }
    }

    @Test
    void operators_tag_and_annotate_viewers_are_denied_and_every_attempt_is_audited() {
        HttpResponse<String> denied = put(viewer, "/api/v1/journal/trades/1/tags", "{\"tags\":[\"stopped out\"]}");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(auditOutcomes("JOURNAL_TAGS_SET")).containsExactly("DENIED");

        HttpResponse<String> tagged = put(operator, "/api/v1/journal/trades/1/tags", "{\"tags\":[\" 3WI success \",\"=cmd()\",\"3WI success\"]}");
        assertThat(tagged.statusCode()).isEqualTo(200);
        assertThat(tagged.body()).isEqualTo("[\"3WI success\",\"=cmd()\"]");
        assertThat(ids(json(get(viewer, "/api/v1/journal/trades?tag=3WI%20success"), 200).get("trades"))).containsExactly(1L);

        HttpResponse<String> control = put(operator, "/api/v1/journal/trades/1/tags", "{\"tags\":[\"bad\\u0007tag\"]}");
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(json(control, 422).get("field").asString()).isEqualTo("tags");
        assertThat(json(control, 422).get("code").asString()).isEqualTo("INVALID_TEXT");
        assertThat(put(operator, "/api/v1/journal/trades/1/tags", "{\"tags\":[\"" + "x".repeat(41) + "\"]}").statusCode()).isEqualTo(422);
        assertThat(put(operator, "/api/v1/journal/trades/77/tags", "{\"tags\":[\"a\"]}").statusCode()).isEqualTo(404);

        assertThat(put(operator, "/api/v1/journal/trades/1/note", "{\"note\":\"Good *entry*\\n\\n<script>x</script>\"}").statusCode()).isEqualTo(204);
        HttpResponse<String> badNote = put(operator, "/api/v1/journal/trades/1/note", "{\"note\":\"bell \\u0007\"}");
        assertThat(badNote.statusCode()).isEqualTo(422);
        assertThat(json(badNote, 422).get("field").asString()).isEqualTo("note");
        assertThat(json(get(viewer, "/api/v1/journal/trades/1"), 200).get("note").asString()).startsWith("Good *entry*");

        assertThat(auditOutcomes("JOURNAL_TAGS_SET")).containsExactly("DENIED", "SUCCESS", "FAILED", "FAILED", "FAILED");
        assertThat(auditOutcomes("JOURNAL_NOTE_SET")).containsExactly("SUCCESS", "FAILED");
    }

    @Test
    void csv_exports_are_exact_injection_safe_and_audited() {
        assertThat(put(operator, "/api/v1/journal/trades/1/tags", "{\"tags\":[\"=cmd()\"]}").statusCode()).isEqualTo(200);
        HttpResponse<String> trades = get(viewer, "/api/v1/journal/trades.csv");
        assertThat(trades.statusCode()).isEqualTo(200);
        assertThat(trades.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(trades.headers().firstValue("Content-Disposition")).get().asString().contains("journal-trades.csv");
        List<String> lines = trades.body().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.getFirst()).startsWith("trade_id,symbol,side,strategy");
        assertThat(lines.get(1)).startsWith("1,ABC,LONG,sma,PAPER,CLOSED,2026-03-02T04:00:00Z,2026-03-02,105,")
                .contains(",75,8,67,1800,,,FLATTEN_OR_SQUARE_OFF,'=cmd()");
        assertThat(lines.get(3)).contains(",-6.5,");

        HttpResponse<String> fills = get(viewer, "/api/v1/journal/fills.csv?symbol=XYZ");
        List<String> fillLines = fills.body().lines().toList();
        assertThat(fillLines).hasSize(5); // header, trade 5's two fills, trade 6's two (the reversing fill split in both)
        BigDecimal charges = BigDecimal.ZERO;
        for (String line : fillLines.subList(1, fillLines.size())) charges = charges.add(new BigDecimal(line.split(",")[11]));
        assertThat(charges).isEqualByComparingTo("4.5");
        assertThat(fillLines.get(2)).contains(",BUY,EXIT,10,45,450,2,");
        assertThat(fillLines.get(3)).contains(",BUY,ENTRY,5,45,225,1,");
        // charges by kind: a column per kind in the export; the reversing fill's kinds split between its two trades as its
        // commission is (2/3 closes trade 5, 1/3 opens trade 6); the fills that were not itemised have one COMMISSION kind
        assertThat(fillLines.getFirst()).endsWith(",strategy,order_type,charge_brokerage,charge_stt,charge_gst,charge_commission");
        assertThat(fillLines.get(1)).endsWith(",MARKET,,,,1");
        assertThat(fillLines.get(2)).endsWith(",STOP,1.00,0.60,0.40,");
        assertThat(fillLines.get(3)).endsWith(",STOP,0.50,0.30,0.20,");
        assertThat(fillLines.get(4)).endsWith(",MARKET,,,,0.5");
        List<String> tradeLines = get(viewer, "/api/v1/journal/trades.csv?symbol=XYZ").body().lines().toList();
        List<String> header = List.of(tradeLines.getFirst().split(","));
        assertThat(header).endsWith("charge_brokerage", "charge_stt", "charge_gst", "charge_commission");
        for (String line : tradeLines.subList(1, tradeLines.size())) {
            String[] cells = line.split(",", -1);
            BigDecimal kinds = BigDecimal.ZERO;
            for (int i = header.indexOf("charge_brokerage"); i < header.size(); i++) {
                if (!cells[i].isEmpty()) kinds = kinds.add(new BigDecimal(cells[i]));
            }
            assertThat(kinds).as("the fees of %s are the sum of their kinds", line).isEqualByComparingTo(cells[header.indexOf("fees")]);
        }
        JsonNode reversed = json(get(viewer, "/api/v1/journal/trades/6"), 200).get("fills").get(0).get("charges");
        assertThat(reversed.get("BROKERAGE").decimalValue()).isEqualByComparingTo("0.50");
        assertThat(reversed.get("GST").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(auditOutcomes("JOURNAL_EXPORT")).containsExactly("SUCCESS", "SUCCESS", "SUCCESS");
    }

    private List<String> auditOutcomes(String action) {
        return db.select(AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq(action)).and(AUDIT_EVENT.ID.gt(auditMark))
                .orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.OUTCOME);
    }

    private HttpResponse<String> get(String token, String path) {
        return api(token).get(path);
    }

    private HttpResponse<String> put(String token, String path, String json) {
        var client = api(token);
        return client.send(client.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static List<Long> ids(JsonNode trades) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode t : trades) ids.add(t.get("id").asLong());
        return ids;
    }
}
