package io.tradepilot.brokers.alpaca;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Alpaca session against local stand-ins of Alpaca's documented protocols: WireMock for the trading and
 * market-data REST APIs, {@link StandInDataStream} for the market-data websocket. Instruments and their tick sizes,
 * history across pages, a 429 storm, the book and fills, live bars and a dropped stream back-filled from REST.
 */
class AlpacaSessionTest {

    private static final String KEY = "PKSESSIONKEY9876";
    private static final String SECRET = "session-secret-never-logged";
    private static final Instant T0 = Instant.parse("2024-01-02T14:30:30Z");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BARS = "/v2/stocks/AAPL/bars";

    private final SimulatedClock clock = new SimulatedClock(T0.toEpochMilli(), ZoneOffset.UTC);
    private final List<String> signals = new CopyOnWriteArrayList<>();
    private final List<Bar> received = new CopyOnWriteArrayList<>();
    private WireMockServer alpaca;
    private StandInDataStream stream;
    private AlpacaSession session;

    @BeforeEach
    void standIns() throws Exception {
        alpaca = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        stream = new StandInDataStream(KEY, SECRET);
        AccountCredentials account = new AccountCredentials(7, BrokerKind.ALPACA, "stand-in", AccountEnvironment.PAPER,
                URI.create(alpaca.baseUrl()), URI.create(alpaca.baseUrl()), null, stream.url(), "iex", KEY, SECRET, null, null);
        AlpacaConfig config = AlpacaConfig.of(URI.create(alpaca.baseUrl()), KEY, SECRET).withStreamUrl(null)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(100))
                .withGuard(new BrokerCallGuard.Settings(200, Duration.ofSeconds(1), 3, Duration.ofSeconds(30), 3, Duration.ofMillis(20)))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
        session = new AlpacaSession(account, config, clock, (venue, detail) -> signals.add(venue + ": " + detail));
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
        stream.close();
        alpaca.stop();
    }

    @Test
    void instruments_come_from_the_asset_list_with_alpacas_tick_rules() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/assets")).withQueryParam("status", equalTo("active"))
                .withQueryParam("asset_class", equalTo("us_equity")).willReturn(okJson("""
                [{"id":"a1","class":"us_equity","exchange":"NASDAQ","symbol":"AAPL","name":"Apple","status":"active","tradable":true,"fractionable":true},
                 {"id":"a2","class":"us_equity","exchange":"NYSE","symbol":"PENY","name":"Penny","status":"active","tradable":true,"fractionable":false},
                 {"id":"a3","class":"us_equity","exchange":"OTC","symbol":"GONE","name":"Gone","status":"active","tradable":false,"fractionable":false}]""")));
        alpaca.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/trades/latest")).willReturn(okJson(
                "{\"symbol\":\"AAPL\",\"trade\":{\"t\":\"2024-01-02T14:30:00Z\",\"x\":\"V\",\"p\":187.51,\"s\":100}}")));
        alpaca.stubFor(get(urlPathEqualTo("/v2/stocks/PENY/trades/latest")).willReturn(okJson(
                "{\"symbol\":\"PENY\",\"trade\":{\"t\":\"2024-01-02T14:30:00Z\",\"x\":\"V\",\"p\":0.4512,\"s\":100}}")));

        Instrument aapl = session.instrument("AAPL").orElseThrow();
        assertThat(aapl).isEqualTo(new Instrument("AAPL", "NASDAQ", Money.USD, new BigDecimal("0.01"), BigDecimal.ONE));
        Instrument penny = session.instrument("PENY").orElseThrow();
        assertThat(penny.tickSize()).isEqualByComparingTo("0.0001");
        assertThat(penny.exchange()).isEqualTo("NYSE");
        assertThat(session.instrument("GONE")).isEmpty();
        assertThat(session.instrument("NOPE")).isEmpty();
        assertThat(session.instrument("AAPL")).contains(aapl);
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/assets")));
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/AAPL/trades/latest")).withQueryParam("feed", equalTo("iex")));
    }

    @Test
    void history_follows_next_page_token_keeps_exact_decimals_and_leaves_out_the_unfinished_bar() {
        clock.setMillis(Instant.parse("2024-01-02T14:47:00Z").toEpochMilli());
        alpaca.stubFor(get(urlPathEqualTo(BARS)).withQueryParam("page_token", absent()).willReturn(okJson("""
                {"bars":[{"t":"2024-01-02T14:30:00Z","o":187.15,"h":187.4999,"l":187.01,"c":187.3,"v":1200,"n":14,"vw":187.2},
                         {"t":"2024-01-02T14:35:00Z","o":187.3,"h":187.6,"l":187.25,"c":187.55,"v":900,"n":9,"vw":187.4}],
                 "symbol":"AAPL","next_page_token":"QUFQTHwyMDI0"}""")));
        alpaca.stubFor(get(urlPathEqualTo(BARS)).withQueryParam("page_token", equalTo("QUFQTHwyMDI0")).willReturn(okJson("""
                {"bars":[{"t":"2024-01-02T14:40:00Z","o":187.55,"h":187.7,"l":187.5,"c":187.65,"v":700,"n":7,"vw":187.6},
                         {"t":"2024-01-02T14:45:00Z","o":187.65,"h":187.7,"l":187.6,"c":187.61,"v":100,"n":2,"vw":187.6}],
                 "symbol":"AAPL","next_page_token":null}""")));

        List<Bar> bars = session.history(Instrument.usEquity("AAPL", "NASDAQ"), Duration.ofMinutes(5),
                Instant.parse("2024-01-02T14:30:00Z"), Instant.parse("2024-01-02T15:00:00Z"));

        assertThat(bars).extracting(Bar::start).containsExactly(Instant.parse("2024-01-02T14:30:00Z"),
                Instant.parse("2024-01-02T14:35:00Z"), Instant.parse("2024-01-02T14:40:00Z"));
        assertThat(bars.getFirst().high().value()).isEqualByComparingTo("187.4999");
        assertThat(bars.getFirst().volume()).isEqualTo(1200);
        alpaca.verify(2, getRequestedFor(urlPathEqualTo(BARS)).withQueryParam("timeframe", equalTo("5Min"))
                .withQueryParam("feed", equalTo("iex")).withQueryParam("adjustment", equalTo("raw"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY)));
        assertThatThrownBy(() -> session.history(Instrument.usEquity("AAPL", "NASDAQ"), Duration.ofSeconds(30),
                Instant.parse("2024-01-02T14:30:00Z"), Instant.parse("2024-01-02T15:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_429_storm_is_ridden_out_by_read_retries_and_never_trips_broker_errors() {
        clock.setMillis(Instant.parse("2024-01-02T14:40:00Z").toEpochMilli());
        alpaca.stubFor(get(urlPathEqualTo(BARS)).inScenario("storm").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"message\":\"too many requests\"}")).willSetStateTo("again"));
        alpaca.stubFor(get(urlPathEqualTo(BARS)).inScenario("storm").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(429).withBody("{\"message\":\"too many requests\"}")).willSetStateTo("calm"));
        alpaca.stubFor(get(urlPathEqualTo(BARS)).inScenario("storm").whenScenarioStateIs("calm").willReturn(okJson("""
                {"bars":[{"t":"2024-01-02T14:30:00Z","o":1,"h":1,"l":1,"c":1,"v":5}],"symbol":"AAPL","next_page_token":null}""")));

        List<Bar> bars = session.history(Instrument.usEquity("AAPL", "NASDAQ"), Duration.ofMinutes(1),
                Instant.parse("2024-01-02T14:30:00Z"), Instant.parse("2024-01-02T14:40:00Z"));

        assertThat(bars).hasSize(1);
        alpaca.verify(3, getRequestedFor(urlPathEqualTo(BARS)));

        // a storm that does not end: the read gives up after its attempts, with what is known; no BROKER_ERRORS
        alpaca.resetAll();
        alpaca.stubFor(get(urlPathEqualTo(BARS)).willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> session.history(Instrument.usEquity("AAPL", "NASDAQ"), Duration.ofMinutes(1),
                Instant.parse("2024-01-02T14:30:00Z"), Instant.parse("2024-01-02T14:40:00Z")))
                .isInstanceOfSatisfying(AlpacaException.class, e -> assertThat(e.kind()).isEqualTo(AlpacaException.Kind.RATE_LIMITED));
        alpaca.verify(3, getRequestedFor(urlPathEqualTo(BARS)));
        assertThat(signals).isEmpty();
        assertThat(session.health().rateLimitHeadroom()).isBetween(0, 200);
    }

    @Test
    void the_book_holds_cash_positions_and_open_orders_as_alpaca_reports_them() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/account")).willReturn(okJson("""
                {"id":"acc-1","account_number":"PA3XYZ","status":"ACTIVE","currency":"USD","cash":"98765.4321",
                 "buying_power":"197530.86","equity":"100012.34","trading_blocked":false}""")));
        alpaca.stubFor(get(urlPathEqualTo("/v2/positions")).willReturn(okJson("""
                [{"symbol":"AAPL","exchange":"NASDAQ","side":"long","qty":"10","avg_entry_price":"187.125","market_value":"1875","unrealized_pl":"3.75"},
                 {"symbol":"TSLA","exchange":"NASDAQ","side":"short","qty":"-5","avg_entry_price":"240.5","market_value":"-1200","unrealized_pl":"2.5"}]""")));
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders")).withQueryParam("status", equalTo("open")).willReturn(okJson("""
                [{"id":"o-1","client_order_id":"manual:AAPL:1704205800000:B:0#R1","symbol":"AAPL","side":"buy","type":"limit",
                  "time_in_force":"day","status":"partially_filled","qty":"10","filled_qty":"4","limit_price":"186.5"},
                 {"id":"o-2","client_order_id":"6b1d0f7e-2f2a-4c55-9a55-1f4d2b1c0d9e","symbol":"MSFT","side":"sell","type":"market",
                  "time_in_force":"day","status":"new","qty":"3","filled_qty":"0"}]""")));

        BrokerBook book = session.book();

        assertThat(book.currency()).isEqualTo(Money.USD);
        assertThat(book.cash()).isEqualByComparingTo("98765.4321");
        assertThat(book.positions()).extracting(p -> p.instrument().symbol(), p -> p.quantity().toPlainString(),
                p -> p.averagePrice().toPlainString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AAPL", "10", "187.125"), org.assertj.core.groups.Tuple.tuple("TSLA", "-5", "240.5"));
        assertThat(book.workingOrders()).hasSize(2);
        BrokerBook.BrokerOrder ours = book.workingOrders().get(0);
        assertThat(ours.clientOrderId()).isEqualTo("manual:AAPL:1704205800000:B:0");
        assertThat(ours.filledQuantity()).isEqualByComparingTo("4");
        assertThat(ours.side()).isEqualTo(Side.BUY);
        assertThat(book.workingOrders().get(1).clientOrderId()).isNull();
        assertThat(book.workingOrders().get(1).side()).isEqualTo(Side.SELL);
    }

    @Test
    void fills_since_name_the_engines_client_order_id_and_charge_nothing() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/account/activities/FILL")).willReturn(okJson("""
                [{"id":"20240102143100::f1","activity_type":"FILL","transaction_time":"2024-01-02T14:31:00.123Z","type":"partial_fill",
                  "price":"187.2","qty":"4","side":"buy","symbol":"AAPL","leaves_qty":"6","order_id":"o-1","cum_qty":"4"},
                 {"id":"20240102143200::f2","activity_type":"FILL","transaction_time":"2024-01-02T14:32:00Z","type":"fill",
                  "price":"187.25","qty":"6","side":"buy","symbol":"AAPL","leaves_qty":"0","order_id":"o-1","cum_qty":"10"}]""")));
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders/o-1")).willReturn(okJson("""
                {"id":"o-1","client_order_id":"manual:AAPL:1704205800000:B:0","symbol":"AAPL","side":"buy","type":"limit",
                 "time_in_force":"day","status":"filled","qty":"10","filled_qty":"10","filled_avg_price":"187.23"}""")));

        List<BrokerBook.BrokerFill> fills = session.fillsSince(Instant.parse("2024-01-02T14:00:00Z"));

        assertThat(fills).extracting(BrokerBook.BrokerFill::fillId).containsExactly("20240102143100::f1", "20240102143200::f2");
        assertThat(fills).allSatisfy(f -> {
            assertThat(f.clientOrderId()).isEqualTo("manual:AAPL:1704205800000:B:0");
            assertThat(f.fee()).isEqualByComparingTo("0");
        });
        assertThat(fills.get(1).price()).isEqualByComparingTo("187.25");
        assertThat(fills.get(0).at()).isEqualTo(Instant.parse("2024-01-02T14:31:00.123Z"));
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/orders/o-1")));
    }

    @Test
    void live_minute_bars_stream_and_a_dropped_stream_is_back_filled_from_rest_each_bar_once_in_order() throws Exception {
        Instrument aapl = Instrument.usEquity("AAPL", "NASDAQ");
        try (AutoCloseable handle = session.streamBars(List.of(aapl), Duration.ofMinutes(1), (i, bar) -> received.add(bar))) {
            eventually(WAIT, stream::subscribed, "subscribed to the stand-in's bars");
            assertThat(stream.subscribedBars).containsExactly("AAPL");
            stream.bar("AAPL", "2024-01-02T14:30:00Z", "187.1", "187.3", "187.0", "187.2", 300);
            eventually(WAIT, () -> received.size() == 1, "the first bar delivered");
            assertThat(session.health().connected()).isTrue();

            // the connection drops; while it is down three minutes pass, which Alpaca's REST API then has
            alpaca.stubFor(get(urlPathEqualTo(BARS)).withQueryParam("timeframe", equalTo("1Min")).willReturn(okJson("""
                    {"bars":[{"t":"2024-01-02T14:30:00Z","o":187.1,"h":187.3,"l":187.0,"c":187.2,"v":300},
                             {"t":"2024-01-02T14:31:00Z","o":187.2,"h":187.4,"l":187.1,"c":187.35,"v":200},
                             {"t":"2024-01-02T14:32:00Z","o":187.35,"h":187.5,"l":187.3,"c":187.45,"v":150},
                             {"t":"2024-01-02T14:33:00Z","o":187.45,"h":187.6,"l":187.4,"c":187.5,"v":120}],
                     "symbol":"AAPL","next_page_token":null}""")));
            clock.setMillis(Instant.parse("2024-01-02T14:34:05Z").toEpochMilli());
            long dropped = System.nanoTime();
            stream.drop();
            eventually(WAIT, () -> stream.subscriptions.get() == 2, "the stream resubscribed");
            eventually(WAIT, () -> received.size() == 4, "the gap back-filled");
            System.out.printf("ALPACA BARS drop -> gap back-filled (reconnect after 50 ms, auth, subscribe, one REST page): %d ms%n",
                    (System.nanoTime() - dropped) / 1_000_000);
            stream.bar("AAPL", "2024-01-02T14:33:00Z", "187.45", "187.6", "187.4", "187.5", 120); // a replay: ignored
            stream.bar("AAPL", "2024-01-02T14:34:00Z", "187.5", "187.7", "187.5", "187.65", 90);
            eventually(WAIT, () -> received.size() == 5, "the next live bar delivered");
        }
        assertThat(received).extracting(Bar::start).containsExactly(Instant.parse("2024-01-02T14:30:00Z"),
                Instant.parse("2024-01-02T14:31:00Z"), Instant.parse("2024-01-02T14:32:00Z"), Instant.parse("2024-01-02T14:33:00Z"),
                Instant.parse("2024-01-02T14:34:00Z"));
        assertThat(received.get(3).close().value()).isEqualByComparingTo("187.5");
        alpaca.verify(1, getRequestedFor(urlPathEqualTo(BARS)).withQueryParam("start", equalTo("2024-01-02T14:31:00Z"))
                .withQueryParam("end", equalTo("2024-01-02T14:34:00Z")));
    }

    @Test
    void five_minute_bars_are_built_from_minute_bars_the_bucket_in_progress_seeded_from_rest() throws Exception {
        clock.setMillis(Instant.parse("2024-01-02T14:32:30Z").toEpochMilli());
        alpaca.stubFor(get(urlPathEqualTo(BARS)).withQueryParam("timeframe", equalTo("1Min")).willReturn(okJson("""
                {"bars":[{"t":"2024-01-02T14:30:00Z","o":10.00,"h":10.20,"l":9.95,"c":10.10,"v":100},
                         {"t":"2024-01-02T14:31:00Z","o":10.10,"h":10.15,"l":10.05,"c":10.12,"v":50},
                         {"t":"2024-01-02T14:32:00Z","o":10.12,"h":10.13,"l":10.11,"c":10.12,"v":5}],
                 "symbol":"AAPL","next_page_token":null}""")));
        Instrument aapl = Instrument.usEquity("AAPL", "NASDAQ");
        try (AutoCloseable handle = session.streamBars(List.of(aapl), Duration.ofMinutes(5), (i, bar) -> received.add(bar))) {
            eventually(WAIT, stream::subscribed, "subscribed to the stand-in's bars");
            stream.bar("AAPL", "2024-01-02T14:32:00Z", "10.12", "10.30", "10.11", "10.25", 40);
            stream.bar("AAPL", "2024-01-02T14:33:00Z", "10.25", "10.26", "9.90", "9.99", 30);
            stream.bar("AAPL", "2024-01-02T14:34:00Z", "9.99", "10.05", "9.98", "10.01", 20);
            eventually(WAIT, () -> received.size() == 1, "the five-minute bar delivered at its last minute");
        }
        Bar bar = received.getFirst();
        assertThat(bar.start()).isEqualTo(Instant.parse("2024-01-02T14:30:00Z"));
        assertThat(bar.open().value()).isEqualByComparingTo("10.00");
        assertThat(bar.high().value()).isEqualByComparingTo("10.30");
        assertThat(bar.low().value()).isEqualByComparingTo("9.90");
        assertThat(bar.close().value()).isEqualByComparingTo("10.01");
        assertThat(bar.volume()).isEqualTo(100 + 50 + 40 + 30 + 20);
    }

    @Test
    void a_refused_authentication_on_the_data_stream_is_retried_and_never_shows_the_secret() throws Exception {
        stream.close();
        stream = new StandInDataStream(KEY, "another-secret");
        AccountCredentials account = new AccountCredentials(7, BrokerKind.ALPACA, "stand-in", AccountEnvironment.PAPER,
                URI.create(alpaca.baseUrl()), URI.create(alpaca.baseUrl()), null, stream.url(), "iex", KEY, SECRET, null, null);
        session.close();
        session = new AlpacaSession(account, AlpacaSessionFactory.config(account).withReconnect(Duration.ofMillis(50), Duration.ofMillis(100))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(100)), clock, (v, d) -> { });
        try (AutoCloseable handle = session.streamBars(List.of(Instrument.usEquity("AAPL", "NASDAQ")), Duration.ofMinutes(1), (i, b) -> { })) {
            eventually(WAIT, () -> stream.authFailures.get() >= 2, "refused and retried");
            assertThat(session.health().connected()).isFalse();
            assertThat(session.health().lastError()).contains("402").doesNotContain(SECRET);
        }
    }
}
