package io.tradepilot.marketdata;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.Session;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.brokers.alpaca.StandInDataStream;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.testing.ApiClient;
import io.tradepilot.testing.Eventually;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market data module through its REST API (real tokens, Tomcat, PostgreSQL): CSV imports stored and loaded back
 * bar for bar, bad files refused whole with their line numbers, roles and audit, the size limit, the re-import
 * modes, deletes, and history fetched from a stand-in Alpaca (WireMock) through the active broker account.
 */
@TestPropertySource(properties = "tradepilot.marketdata.max-file-size=8MB")
class MarketDataIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ExchangeCalendar NSE = ExchangeCalendar.nse();
    private static final WireMockServer ALPACA = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Autowired DSLContext db;
    @Autowired HistoricalBars historicalBars;
    @Autowired VenueAccounts venueAccounts;

    private String operator;

    @BeforeAll
    static void startStandIn() {
        ALPACA.start();
    }

    @AfterAll
    static void stopStandIn() {
        ALPACA.stop();
    }

    @BeforeEach
    void emptyStore() {
        db.execute("TRUNCATE market_series RESTART IDENTITY CASCADE");
        operator = users.apiToken(users.operator());
    }

    /** NSE daily bars on every trading day from {@code from}, {@code days} of them, prices with 2 decimals. */
    static String daily(LocalDate from, int days) {
        StringBuilder csv = new StringBuilder(CsvBarReader.HEADER).append('\n');
        LocalDate d = NSE.isTradingDay(from) ? from : NSE.nextTradingDay(from);
        long close = 100_00;
        for (int i = 0; i < days; i++, d = NSE.nextTradingDay(d)) {
            long open = close;
            close = open + ((i * 37) % 11 - 5) * 13;
            long high = Math.max(open, close) + 25, low = Math.min(open, close) - 30;
            csv.append(d).append(',').append(price(open)).append(',').append(price(high)).append(',').append(price(low)).append(',')
                    .append(price(close)).append(',').append(1000 + i).append('\n');
        }
        return csv.toString();
    }

    private static String price(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private HttpResponse<String> importCsv(String token, String query, String csv) {
        return api(token).send(api(token).request("/api/v1/marketdata/imports?" + query).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).get("code").asString()).isEqualTo(code);
    }

    @Test
    void a_good_file_is_stored_and_loads_back_equal_bar_for_bar() throws Exception {
        String csv = daily(LocalDate.of(2024, 1, 1), 120);
        HttpResponse<String> response = importCsv(operator, "symbol=INFY&exchange=NSE&interval=1d", csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode result = json(response);
        assertThat(result.get("barsImported").asLong()).isEqualTo(120);
        assertThat(result.get("series").get("source").asString()).isEqualTo("CSV");

        BarSeries expected = CsvBarReader.parse(csv.getBytes(StandardCharsets.UTF_8), "x", "INFY", ZoneId.of("Asia/Kolkata"));
        Optional<BarSeries> loaded = historicalBars.load("INFY", "1d");
        assertThat(loaded).contains(expected);
        assertThat(historicalBars.load("INFY", "5m")).isEmpty();
        assertThat(historicalBars.catalog()).singleElement().satisfies(s -> {
            assertThat(s.symbol()).isEqualTo("INFY");
            assertThat(s.barCount()).isEqualTo(120);
            assertThat(s.first()).isEqualTo(expected.start(0));
            assertThat(s.last()).isEqualTo(expected.start(119));
            assertThat(s.gaps()).isZero();
        });
        HttpResponse<String> listed = api(users.apiToken(users.viewer())).get("/api/v1/marketdata/series");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(json(listed).get(0).get("barCount").asLong()).isEqualTo(120);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("MARKETDATA_IMPORT_CSV").and(AUDIT_EVENT.OUTCOME.eq("SUCCESS"))
                .and(AUDIT_EVENT.TARGET.eq("series:INFY/1d")))).isEqualTo(1);
    }

    @Test
    void a_file_with_three_problems_is_refused_whole_with_their_line_numbers_and_nothing_is_stored() {
        String[] lines = daily(LocalDate.of(2024, 1, 1), 10).split("\n");
        lines[3] = "2024-01-03,100.00,99.00,101.00,100.00,1000";   // line 4: high below low
        lines[6] = "2024-01-08,100.00,101.00,99.00,1OO.5,1000";    // line 7: unparseable close
        lines[8] = "2024-01-02,100.00,101.00,99.00,100.00,1000";   // line 9: before the previous bar
        HttpResponse<String> response = importCsv(operator, "symbol=TCS&exchange=NSE&interval=1d", String.join("\n", lines) + "\n");
        assertProblem(response, 422, "INVALID_FILE");
        JsonNode problem = json(response);
        List<Long> errorLines = new ArrayList<>();
        problem.get("issues").forEach(i -> errorLines.add(i.get("line").asLong()));
        assertThat(errorLines).containsExactly(4L, 7L, 9L);
        List<String> kinds = new ArrayList<>();
        problem.get("issues").forEach(i -> kinds.add(i.get("kind").asString()));
        assertThat(kinds).containsExactly("INCONSISTENT", "FORMAT", "OUT_OF_ORDER");
        assertThat(problem.get("totalErrors").asLong()).isEqualTo(3);

        assertThat(historicalBars.catalog()).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("market_bar"))).isZero();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("MARKETDATA_IMPORT_CSV").and(AUDIT_EVENT.OUTCOME.eq("FAILED"))
                .and(AUDIT_EVENT.TARGET.eq("series:TCS/1d")).and(AUDIT_EVENT.DETAIL.contains("line 4")))).isEqualTo(1);
    }

    @Test
    void a_viewer_may_read_but_not_import_or_delete_and_the_denials_are_audited() {
        assertThat(importCsv(operator, "symbol=SBIN&exchange=NSE&interval=1d", daily(LocalDate.of(2024, 3, 1), 5)).statusCode()).isEqualTo(201);
        TestUser viewer = users.viewer();
        String token = users.apiToken(viewer);
        assertProblem(importCsv(token, "symbol=WIPRO&exchange=NSE&interval=1d", daily(LocalDate.of(2024, 3, 1), 5)), 403, "FORBIDDEN");
        HttpResponse<String> delete = api(token).send(api(token).request("/api/v1/marketdata/series/SBIN/1d?confirmation=DELETE%20SBIN%201d").DELETE());
        assertProblem(delete, 403, "FORBIDDEN");
        assertThat(api(token).get("/api/v1/marketdata/series/SBIN/1d/report").statusCode()).isEqualTo(200);
        assertThat(historicalBars.catalog()).extracting(StoredSeries::symbol).containsExactly("SBIN");
        assertThat(db.select(AUDIT_EVENT.ACTION).from(AUDIT_EVENT).where(AUDIT_EVENT.USERNAME.eq(viewer.username()),
                AUDIT_EVENT.OUTCOME.eq("DENIED")).orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ACTION))
                .containsExactly("MARKETDATA_IMPORT_CSV", "MARKETDATA_DELETE");
    }

    @Test
    void a_file_over_the_size_limit_gets_413_and_bad_parameters_400() {
        StringBuilder big = new StringBuilder(daily(LocalDate.of(2024, 1, 1), 10));
        while (big.length() <= 8 * 1024 * 1024) big.append("2030-01-01,1,1,1,1,1\n".repeat(1000));
        assertProblem(importCsv(operator, "symbol=BIG&exchange=NSE&interval=1d", big.toString()), 413, "FILE_TOO_LARGE");
        assertProblem(importCsv(operator, "symbol=BIG&exchange=LSE&interval=1d", daily(LocalDate.of(2024, 1, 1), 3)), 400, "INVALID_PARAMETER");
        assertProblem(importCsv(operator, "symbol=BIG&exchange=NSE&interval=7x", daily(LocalDate.of(2024, 1, 1), 3)), 400, "INVALID_PARAMETER");
        assertProblem(importCsv(operator, "symbol=BIG&exchange=NSE&interval=1d&mode=MERGE", daily(LocalDate.of(2024, 1, 1), 3)), 400, "INVALID_PARAMETER");
        assertThat(historicalBars.catalog()).isEmpty();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("MARKETDATA_IMPORT_CSV").and(AUDIT_EVENT.DETAIL.startsWith("FILE_TOO_LARGE")))).isEqualTo(1);
    }

    @Test
    void reimporting_needs_an_explicit_mode_replace_replaces_and_extend_appends_only_later_bars() throws Exception {
        String first = daily(LocalDate.of(2024, 1, 1), 20);
        assertThat(importCsv(operator, "symbol=HDFC&exchange=NSE&interval=1d", first).statusCode()).isEqualTo(201);
        assertProblem(importCsv(operator, "symbol=HDFC&exchange=NSE&interval=1d", first), 409, "SERIES_EXISTS");

        String all = daily(LocalDate.of(2024, 1, 1), 30);
        String[] rows = all.split("\n");
        String later = CsvBarReader.HEADER + "\n" + String.join("\n", java.util.Arrays.copyOfRange(rows, 21, rows.length)) + "\n";
        assertProblem(importCsv(operator, "symbol=HDFC&exchange=NSE&interval=1d&mode=EXTEND", all), 409, "OVERLAP");
        HttpResponse<String> extended = importCsv(operator, "symbol=HDFC&exchange=NSE&interval=1d&mode=EXTEND", later);
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(201);
        assertThat(json(extended).get("series").get("barCount").asLong()).isEqualTo(30);
        assertThat(historicalBars.load("HDFC", "1d")).contains(
                CsvBarReader.parse(all.getBytes(StandardCharsets.UTF_8), "x", "HDFC", ZoneId.of("Asia/Kolkata")));

        String replacement = daily(LocalDate.of(2024, 6, 3), 5);
        HttpResponse<String> replaced = importCsv(operator, "symbol=HDFC&exchange=NSE&interval=1d&mode=REPLACE", replacement);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
        assertThat(historicalBars.load("HDFC", "1d").orElseThrow().size()).isEqualTo(5);
        assertThat(historicalBars.catalog()).singleElement().satisfies(s -> assertThat(s.first().toString()).startsWith("2024-06-02T18:30"));
    }

    @Test
    void warnings_are_stored_in_the_quality_report_and_a_delete_needs_its_typed_confirmation() {
        String csv = CsvBarReader.HEADER + "\n"
                + "2024-01-23,100,101,99,100,10\n"
                + "2024-01-23,100,101,99,100,10\n"     // line 3: identical duplicate, dropped
                + "2024-01-25,100,101,99,100,10\n"     // line 4: 2024-01-24 missing
                + "2024-01-29,100,130,99,125,10\n";    // line 5: +25 %
        HttpResponse<String> response = importCsv(operator, "symbol=ITC&exchange=NSE&interval=1d", csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        HttpResponse<String> report = api(operator).get("/api/v1/marketdata/series/ITC/1d/report");
        List<String> issues = new ArrayList<>();
        json(report).forEach(i -> issues.add(i.get("line").asLong() + " " + i.get("kind").asString()));
        assertThat(issues).containsExactly("3 DUPLICATE", "4 GAP", "5 OUTLIER");
        assertThat(historicalBars.catalog()).singleElement().satisfies(s -> {
            assertThat(s.duplicates()).isEqualTo(1);
            assertThat(s.gaps()).isEqualTo(1);
            assertThat(s.outliers()).isEqualTo(1);
            assertThat(s.barCount()).isEqualTo(3);
        });

        assertProblem(api(operator).send(api(operator).request("/api/v1/marketdata/series/ITC/1d?confirmation=yes").DELETE()), 422, "CONFIRMATION_MISMATCH");
        assertThat(api(operator).send(api(operator).request("/api/v1/marketdata/series/ITC/1d?confirmation=DELETE%20ITC%201d").DELETE())
                .statusCode()).isEqualTo(204);
        assertThat(historicalBars.catalog()).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("market_bar"))).isZero();
        assertProblem(api(operator).get("/api/v1/marketdata/series/ITC/1d/report"), 404, "NOT_FOUND");
    }

    @Test
    void history_is_fetched_from_the_active_alpaca_account_and_stored_as_a_broker_series() {
        String admin = users.apiToken(users.admin());
        db.execute("TRUNCATE broker_active_account, broker_account RESTART IDENTITY CASCADE");
        ALPACA.resetAll();
        ALPACA.stubFor(get(urlPathEqualTo("/v2/account")).willReturn(okJson("""
                {"id":"acc-1","account_number":"PA3STANDIN","status":"ACTIVE","currency":"USD","cash":"100000.00",
                 "buying_power":"200000","equity":"100000","trading_blocked":false}""")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/positions")).willReturn(okJson("[]")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders")).willReturn(okJson("[]")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/assets")).willReturn(okJson("""
                [{"id":"a1","class":"us_equity","exchange":"NASDAQ","symbol":"AAPL","name":"Apple","status":"active","tradable":true,"fractionable":true}]""")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/bars")).withQueryParam("timeframe", equalTo("1Day")).willReturn(okJson("""
                {"bars":[{"t":"2024-01-02T05:00:00Z","o":187.15,"h":188.44,"l":183.885,"c":185.64,"v":82488700},
                         {"t":"2024-01-03T05:00:00Z","o":184.22,"h":185.88,"l":183.43,"c":184.25,"v":58414500},
                         {"t":"2024-01-05T05:00:00Z","o":181.99,"h":182.76,"l":180.17,"c":181.18,"v":62303300}],
                 "symbol":"AAPL","next_page_token":null}""")));
        HttpResponse<String> created = api(admin).post("/api/v1/brokers/accounts", """
                {"broker":"alpaca","name":"md stand-in","environment":"PAPER","tradingUrl":"%s","marketDataUrl":"%s",
                 "tradeStreamUrl":"","dataStreamUrl":"ws://127.0.0.1:9/v2/iex","keyId":"PKSTANDIN00KEY4321","secret":"md-secret-0987"}"""
                .formatted(ALPACA.baseUrl(), ALPACA.baseUrl()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String fetch = """
                {"symbol":"AAPL","exchange":"NYSE","interval":"1d","from":"2024-01-01T00:00:00Z","to":"2024-01-06T00:00:00Z"}""";
        assertProblem(api(operator).post("/api/v1/marketdata/fetches", fetch), 409, "NO_BROKER");
        long id = json(created).get("id").asLong();
        HttpResponse<String> activated = api(admin).post("/api/v1/brokers/accounts/" + id + "/activate", "");
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);

        HttpResponse<String> fetched = api(operator).post("/api/v1/marketdata/fetches", fetch);
        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(201);
        JsonNode series = json(fetched).get("series");
        assertThat(series.get("source").asString()).isEqualTo("BROKER");
        assertThat(series.get("sourceDetail").asString()).startsWith("alpaca account");
        assertThat(series.get("gaps").asInt()).isEqualTo(1); // 2024-01-04 is missing
        BarSeries loaded = historicalBars.load("AAPL", "1d").orElseThrow();
        assertThat(loaded.size()).isEqualTo(3);
        assertThat(loaded.bar(0).low().value()).isEqualByComparingTo("183.885");
        assertThat(loaded.bar(2).volume()).isEqualTo(62303300);
        assertProblem(api(operator).post("/api/v1/marketdata/fetches", fetch.replace("AAPL", "NOPE")), 404, "UNKNOWN_SYMBOL");
        db.execute("TRUNCATE broker_active_account, broker_account RESTART IDENTITY CASCADE");
    }

    @Test
    void a_history_fetch_opens_no_stream_and_leaves_the_connections_health_of_the_trading_session_alone() throws Exception {
        String admin = users.apiToken(users.admin());
        db.execute("TRUNCATE broker_active_account, broker_account RESTART IDENTITY CASCADE");
        ALPACA.resetAll();
        ALPACA.stubFor(get(urlPathEqualTo("/v2/assets")).willReturn(okJson("""
                [{"id":"a1","class":"us_equity","exchange":"NASDAQ","symbol":"AAPL","name":"Apple","status":"active","tradable":true,"fractionable":true}]""")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/bars")).willReturn(okJson("""
                {"bars":[{"t":"2024-01-02T05:00:00Z","o":187.15,"h":188.44,"l":183.885,"c":185.64,"v":82488700}],
                 "symbol":"AAPL","next_page_token":null}""")));
        String key = "PKSTANDIN00KEY4321", secret = "md-secret-0987";
        try (StandInDataStream data = new StandInDataStream(key, secret)) {
            HttpResponse<String> created = api(admin).post("/api/v1/brokers/accounts", """
                    {"broker":"alpaca","name":"md standby","environment":"PAPER","tradingUrl":"%s","marketDataUrl":"%s",
                     "tradeStreamUrl":"","dataStreamUrl":"%s","keyId":"%s","secret":"%s"}"""
                    .formatted(ALPACA.baseUrl(), ALPACA.baseUrl(), data.url(), key, secret));
            long id = json(created).get("id").asLong();
            assertThat(api(admin).post("/api/v1/brokers/accounts/" + id + "/activate", "").statusCode()).isEqualTo(200);
            String fetch = """
                    {"symbol":"AAPL","exchange":"NYSE","interval":"1d","from":"2024-01-01T00:00:00Z","to":"2024-01-03T00:00:00Z","mode":"REPLACE"}""";

            // a standby: no engine leads here, so no session of the account is open and no health is shown
            JsonNode before = account(admin, id);
            assertThat(noHealth(before)).as(before.toString()).isTrue();
            HttpResponse<String> fetched = api(operator).post("/api/v1/marketdata/fetches", fetch);
            assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(201);
            JsonNode after = account(admin, id);
            assertThat(noHealth(after)).as("the fetch did not become the account's session: " + after).isTrue();
            assertThat(after.get("lastError")).isEqualTo(before.get("lastError"));
            assertThat(after.get("lastTestAt")).isEqualTo(before.get("lastTestAt"));
            assertThat(data.subscriptions()).as("no market-data stream was opened").isZero();

            // the trading session open here (a leader) streaming trades: its health stays the one shown
            try (VenueSession trading = venueAccounts.activeSession().orElseThrow();
                 AutoCloseable stream = trading.streamTrades(List.of(Instrument.usEquity("AAPL", "NASDAQ")), (i, t) -> { })) {
                Eventually.eventually(java.time.Duration.ofSeconds(30), data::subscribed, "the trading session subscribed");
                JsonNode shown = account(admin, id).get("health");
                assertThat(api(operator).post("/api/v1/marketdata/fetches", fetch).statusCode()).isEqualTo(201);
                assertThat(account(admin, id).get("health")).as("the trading session's health, unchanged").isEqualTo(shown);
                assertThat(data.subscriptions()).as("only the trading session's stream").isEqualTo(1);
            }
            ALPACA.verify(2, getRequestedFor(urlPathEqualTo("/v2/stocks/AAPL/bars")));
        } finally {
            db.execute("TRUNCATE broker_active_account, broker_account RESTART IDENTITY CASCADE");
        }
    }

    private static boolean noHealth(JsonNode account) {
        return account.path("health").isMissingNode() || account.path("health").isNull();
    }

    private JsonNode account(String admin, long id) {
        for (JsonNode a : json(api(admin).get("/api/v1/brokers/accounts"))) if (a.get("id").asLong() == id) return a;
        throw new AssertionError("account " + id + " not listed");
    }

    @Test
    void figures_import_and_load_of_a_year_of_one_minute_bars() {
        ExchangeCalendar nyse = ExchangeCalendar.nyse();
        StringBuilder csv = new StringBuilder(CsvBarReader.HEADER).append('\n');
        long price = 150_000;
        int rows = 0;
        for (LocalDate d : nyse.tradingDays(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))) {
            Session s = nyse.session(d).orElseThrow();
            for (var t = s.open(); t.isBefore(s.close()); t = t.plusMinutes(1)) {
                long open = price;
                price = Math.max(1000, price + ((rows * 7919L) % 41) - 20);
                long high = Math.max(open, price) + 15, low = Math.min(open, price) - 12;
                csv.append(t.toOffsetDateTime()).append(',').append(BigDecimal.valueOf(open, 3).toPlainString()).append(',')
                        .append(BigDecimal.valueOf(high, 3).toPlainString()).append(',').append(BigDecimal.valueOf(low, 3).toPlainString())
                        .append(',').append(BigDecimal.valueOf(price, 3).toPlainString()).append(',').append(100 + rows % 500).append('\n');
                rows++;
            }
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response = importCsv(operator, "symbol=SPY&exchange=NYSE&interval=1m", csv.toString());
        long t1 = System.nanoTime();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        BarSeries loaded = historicalBars.load("SPY", "1m").orElseThrow();
        long t2 = System.nanoTime();
        assertThat(loaded.size()).isEqualTo(rows);
        assertThat(json(response).get("series").get("gaps").asInt()).isZero();
        System.out.printf("FIGURES marketdata: %d one-minute rows (%.1f MB): import %.0f ms (%.0f rows/s), load %.0f ms (%.0f rows/s)%n",
                rows, csv.length() / 1e6, (t1 - t0) / 1e6, rows / ((t1 - t0) / 1e9), (t2 - t1) / 1e6, rows / ((t2 - t1) / 1e9));
    }
}
