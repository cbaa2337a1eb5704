package io.tradepilot.brokers.kite;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.engine.broker.ZerodhaCharges;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineEvent.ExecutionReportRefused;
import io.tradepilot.engine.core.EngineEvent.OrderFilled;
import io.tradepilot.engine.core.EngineEvent.OrderRejectedByVenue;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.brokers.BrokerBook;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kite adapter between a real engine (on its single writer) and local stand-ins of Kite Connect: WireMock for the
 * REST API v3 and {@link StandInKiteTicker} for the KiteTicker websocket. Each test drives orders through the engine and
 * asserts the engine's order, what reached the stand-in, and what the session reports.
 */
class KiteVenueTest {

    private static final String API_KEY = "kiteapikey1";
    private static final String SECRET = "kite-secret-never-logged";
    private static final String TOKEN = "accesstoken123";
    private static final Instant T0 = Instant.parse("2026-12-07T04:00:00Z"); // 09:30 IST
    private static final Instrument INFY = new Instrument("INFY", "NSE", Money.INR, new BigDecimal("0.05"), BigDecimal.ONE);
    private static final ClientOrderId CID = new ClientOrderId("manual:INFY:1796616000000:B:0");
    private static final ClientOrderId CID2 = new ClientOrderId("manual:INFY:1796616000000:B:1");
    private static final String TAG = KiteTag.of(CID);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final SimulatedClock clock = new SimulatedClock(T0.toEpochMilli(), ZoneOffset.UTC);
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> signals = new CopyOnWriteArrayList<>();
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private final List<Throwable> engineErrors = new CopyOnWriteArrayList<>();
    private WireMockServer kite;
    private StandInKiteTicker ticker;
    private KiteSession session;
    private SingleWriterEngine engine;

    @BeforeEach
    void standIns() throws Exception {
        kite = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        kite.start();
        ticker = new StandInKiteTicker(TOKEN);
        kite.stubFor(get(urlEqualTo("/orders")).atPriority(10).willReturn(okJson("{\"status\":\"success\",\"data\":[]}")));
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) engine.close();
        if (session != null) session.close();
        ticker.close();
        kite.stop();
        assertThat(engineErrors).isEmpty();
    }

    private KiteConfig config(boolean withTicker) {
        return KiteConfig.of(API_KEY, SECRET)
                .withUrls(URI.create(kite.baseUrl()), URI.create(kite.baseUrl() + "/connect/login"), withTicker ? ticker.url() : null)
                .withLive(false)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(200))
                .withGuard(new BrokerCallGuard.Settings(200, Duration.ofSeconds(1), 3, Duration.ofSeconds(30), 3, Duration.ofMillis(20)), 10)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private void connect(KiteConfig config) {
        session = new KiteSession("acc-1", config, TOKEN, clock, (v, detail) -> signals.add(v + ": " + detail), logins::add);
        TradingEngine core = new TradingEngine(EngineConfig.simple(Money.of("1000000", Money.INR)), clock,
                OrderIdGenerator.sequential("O"), events::add, reports -> session.venue());
        engine = new SingleWriterEngine(core, Thread.ofPlatform().name("engine-writer").factory(), engineErrors::add);
        session.start(engine);
        if (config.tickerUrl() != null) eventually(WAIT, session::tickerConnected, "the ticker connected");
    }

    private void placeLimitBuy(ClientOrderId cid, long qty, String limit) {
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.limit(cid, StrategyId.MANUAL, INFY, Side.BUY,
                Quantity.of(qty), Price.of(limit), TimeInForce.DAY)));
    }

    private OrderStatus status(String id) {
        return engine.query(e -> e.order(new OrderId(id)).status()).join();
    }

    private <T extends EngineEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** One order object as Kite's REST API and order updates send it (numbers as JSON numbers, times in IST). */
    static String kiteOrder(String id, String tag, String status, int qty, int filled, String avg, String message) {
        return """
                {"order_id":"%s","exchange_order_id":"1100000000%s","placed_by":"AB1234","variety":"regular","status":"%s",
                 "tradingsymbol":"INFY","exchange":"NSE","instrument_token":408065,"transaction_type":"BUY","order_type":"LIMIT",
                 "product":"MIS","validity":"DAY","price":1500.5,"quantity":%d,"trigger_price":0,"average_price":%s,
                 "pending_quantity":%d,"filled_quantity":%d,"disclosed_quantity":0,"order_timestamp":"2026-12-07 09:30:00",
                 "exchange_timestamp":"2026-12-07 09:30:00","exchange_update_timestamp":"2026-12-07 09:30:0%d",
                 "status_message":%s,"tag":"%s","tags":["%s"]}
                """.formatted(id, id.substring(id.length() - 3), status, qty, avg, qty - filled, filled, filled % 10,
                message == null ? "null" : "\"" + message + "\"", tag, tag);
    }

    private static String ok(String data) {
        return "{\"status\":\"success\",\"data\":" + data + "}";
    }

    private void stubPlacement(String kiteId) {
        kite.stubFor(post(urlEqualTo("/orders/regular")).willReturn(okJson(ok("{\"order_id\":\"" + kiteId + "\"}"))));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void an_order_goes_out_with_its_tag_and_product_and_fills_in_two_steps_read_from_the_order_history() {
        stubPlacement("230000000000001");
        kite.stubFor(get(urlEqualTo("/orders/230000000000001")).willReturn(okJson(ok("[" +
                kiteOrder("230000000000001", TAG, "PUT ORDER REQ RECEIVED", 10, 0, "0", null) + "," +
                kiteOrder("230000000000001", TAG, "OPEN", 10, 0, "0", null) + "," +
                kiteOrder("230000000000001", TAG, "OPEN", 10, 4, "1500", null) + "," +
                kiteOrder("230000000000001", TAG, "COMPLETE", 10, 10, "1500.3", null) + "]"))));
        connect(config(false));

        placeLimitBuy(CID, 10, "1500.50");
        eventually(WAIT, () -> status("O1") == OrderStatus.FILLED, "the order filled");

        List<OrderFilled> fills = of(OrderFilled.class);
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).quantity().value()).isEqualByComparingTo("4");
        assertThat(fills.get(0).price().value()).isEqualByComparingTo("1500");
        assertThat(fills.get(1).quantity().value()).isEqualByComparingTo("6");
        assertThat(fills.get(1).price().value()).isEqualByComparingTo("1500.5"); // (1500.3 x 10 - 1500 x 4) / 6
        assertThat(fills.get(0).commission().amount())
                .isEqualByComparingTo(ZerodhaCharges.intraday().breakdown(Side.BUY, new BigDecimal("4"), new BigDecimal("1500")).total());
        assertThat(fills.get(0).commission().amount()).isEqualByComparingTo("2.53");
        assertThat(of(ExecutionReportRefused.class)).isEmpty();
        kite.verify(1, postRequestedFor(urlEqualTo("/orders/regular"))
                .withHeader("Authorization", equalTo("token " + API_KEY + ":" + TOKEN))
                .withHeader("X-Kite-Version", equalTo("3"))
                .withRequestBody(containing("tag=" + TAG))
                .withRequestBody(containing("product=MIS"))
                .withRequestBody(containing("order_type=LIMIT"))
                .withRequestBody(containing("price=1500.50"))
                .withRequestBody(containing("validity=DAY")));
        assertThat(TAG).hasSize(20).matches("[0-9A-Z]+");
    }

    @Test
    void kites_risk_check_rejection_ends_the_order_rejected_with_kites_reason() {
        stubPlacement("230000000000002");
        kite.stubFor(get(urlEqualTo("/orders/230000000000002")).willReturn(okJson(ok("[" +
                kiteOrder("230000000000002", TAG, "REJECTED", 10, 0, "0", "Insufficient funds. Required margin is 15005.00") + "]"))));
        connect(config(false));

        placeLimitBuy(CID, 10, "1500.50");
        eventually(WAIT, () -> status("O1") == OrderStatus.REJECTED, "the order rejected");

        assertThat(of(OrderRejectedByVenue.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("Insufficient funds"));
    }

    @Test
    void an_expired_token_rejects_the_order_reports_login_needed_once_and_sends_nothing_more() {
        kite.stubFor(post(urlEqualTo("/orders/regular")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Incorrect `api_key` or `access_token`.\",\"error_type\":\"TokenException\"}")));
        connect(config(false));

        placeLimitBuy(CID, 10, "1500.50");
        eventually(WAIT, () -> status("O1") == OrderStatus.REJECTED, "the first order rejected");
        placeLimitBuy(CID2, 5, "1500.50");
        eventually(WAIT, () -> status("O2") == OrderStatus.REJECTED, "the second order rejected without a call");

        assertThat(session.loginNeeded()).isTrue();
        assertThat(logins).hasSize(1);
        assertThat(logins.getFirst()).contains("TokenException").doesNotContain(TOKEN);
        assertThat(of(OrderRejectedByVenue.class).get(1).reason()).contains("login needed");
        assertThat(signals).isEmpty();
        kite.verify(1, postRequestedFor(urlEqualTo("/orders/regular")));
        kite.verify(0, getRequestedFor(urlEqualTo("/orders"))); // no polling with a dead token, no retry storm

        session.accessToken("nextdaytoken");
        assertThat(session.loginNeeded()).isFalse();
    }

    @Test
    void a_placement_timing_out_after_it_reached_kite_is_resolved_by_its_tag_and_never_sent_again() {
        kite.stubFor(post(urlEqualTo("/orders/regular")).willReturn(okJson(ok("{\"order_id\":\"230000000000003\"}")).withFixedDelay(3_000)));
        kite.stubFor(get(urlEqualTo("/orders")).atPriority(1).willReturn(okJson(ok("[" +
                kiteOrder("230000000000003", TAG, "COMPLETE", 10, 10, "1500.25", null) + "]"))));
        kite.stubFor(get(urlEqualTo("/orders/230000000000003")).willReturn(okJson(ok("[" +
                kiteOrder("230000000000003", TAG, "OPEN", 10, 0, "0", null) + "," +
                kiteOrder("230000000000003", TAG, "COMPLETE", 10, 10, "1500.25", null) + "]"))));
        connect(config(false));

        placeLimitBuy(CID, 10, "1500.50");
        eventually(WAIT, () -> status("O1") == OrderStatus.FILLED, "the order found by its tag and filled");

        assertThat(of(OrderFilled.class)).singleElement().satisfies(f -> assertThat(f.price().value()).isEqualByComparingTo("1500.25"));
        kite.verify(1, postRequestedFor(urlEqualTo("/orders/regular")));
    }

    @Test
    void a_placement_answered_429_is_looked_up_and_rejected_when_kite_does_not_have_it() {
        kite.stubFor(post(urlEqualTo("/orders/regular")).willReturn(aResponse().withStatus(429)
                .withBody("{\"status\":\"error\",\"message\":\"Too many requests\",\"error_type\":\"NetworkException\"}")));
        connect(config(false));

        placeLimitBuy(CID, 10, "1500.50");
        eventually(WAIT, () -> status("O1") == OrderStatus.REJECTED, "the order rejected after the lookup");

        assertThat(of(OrderRejectedByVenue.class).getFirst().reason()).contains(TAG);
        kite.verify(1, postRequestedFor(urlEqualTo("/orders/regular")));
        assertThat(signals).isEmpty();
    }

    @Test
    void a_5xx_storm_signals_broker_errors_once_and_sends_each_order_once() {
        kite.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(503)
                .withBody("{\"status\":\"error\",\"message\":\"Service unavailable\",\"error_type\":\"NetworkException\"}")));
        connect(config(false));

        placeLimitBuy(CID, 10, "1500.50");
        eventually(WAIT, () -> !signals.isEmpty(), "the BROKER_ERRORS signal");

        assertThat(signals).containsExactly("kite: 3 consecutive broker failures");
        kite.verify(1, postRequestedFor(urlEqualTo("/orders/regular")));
        assertThat(status("O1")).isIn(OrderStatus.NEW, OrderStatus.ACCEPTED, OrderStatus.REJECTED);
    }

    @Test
    void order_updates_on_the_ticker_fill_the_order_and_a_cancel_of_the_rest_is_confirmed() throws Exception {
        stubPlacement("230000000000004");
        kite.stubFor(get(urlEqualTo("/orders/230000000000004")).willReturn(okJson(ok("[" +
                kiteOrder("230000000000004", TAG, "OPEN", 10, 0, "0", null) + "]"))));
        kite.stubFor(delete(urlEqualTo("/orders/regular/230000000000004")).willReturn(okJson(ok("{\"order_id\":\"230000000000004\"}"))));
        connect(config(true));

        placeLimitBuy(CID, 10, "1500.50");
        eventually(WAIT, () -> status("O1") == OrderStatus.ACCEPTED, "the order open at Kite");
        ticker.orderUpdate(kiteOrder("230000000000004", TAG, "UPDATE", 10, 3, "1500.5", null));
        eventually(WAIT, () -> status("O1") == OrderStatus.PARTIALLY_FILLED, "a partial fill from the order update");
        ticker.orderUpdate(kiteOrder("230000000000004", TAG, "UPDATE", 10, 3, "1500.5", null)); // a repeat: ignored
        engine.accept(new EngineCommand.CancelOrder(new OrderId("O1"), "test"));
        eventually(WAIT, () -> kite.countRequestsMatching(deleteRequestedFor(urlEqualTo("/orders/regular/230000000000004")).build()).getCount() == 1,
                "the cancel sent");
        ticker.orderUpdate(kiteOrder("230000000000004", TAG, "CANCELLED", 10, 3, "1500.5", "Cancelled by user"));
        eventually(WAIT, () -> status("O1") == OrderStatus.CANCELLED, "the rest cancelled");

        assertThat(of(OrderFilled.class)).singleElement().satisfies(f -> assertThat(f.quantity().value()).isEqualByComparingTo("3"));
        assertThat(of(ExecutionReportRefused.class)).isEmpty();
    }

    @Test
    void a_modify_changes_the_order_in_place() {
        stubPlacement("230000000000005");
        kite.stubFor(get(urlEqualTo("/orders/230000000000005")).willReturn(okJson(ok("[" +
                kiteOrder("230000000000005", TAG, "OPEN", 10, 0, "0", null) + "]"))));
        kite.stubFor(put(urlEqualTo("/orders/regular/230000000000005")).willReturn(okJson(ok("{\"order_id\":\"230000000000005\"}"))));
        connect(config(false));

        placeLimitBuy(CID, 10, "1500.50");
        eventually(WAIT, () -> status("O1") == OrderStatus.ACCEPTED, "the order open at Kite");
        engine.accept(new EngineCommand.ModifyOrder(new OrderId("O1"), Quantity.of(8), Price.of("1499.95"), null, "test"));
        eventually(WAIT, () -> !of(EngineEvent.OrderModified.class).isEmpty(), "the modification confirmed");

        kite.verify(1, putRequestedFor(urlEqualTo("/orders/regular/230000000000005"))
                .withRequestBody(containing("quantity=8")).withRequestBody(containing("price=1499.95")));
    }

    @Test
    void ticks_become_one_minute_bars_on_the_exchange_clock_and_the_ticker_refuses_a_stale_token() throws Exception {
        kite.stubFor(get(urlEqualTo("/instruments/NSE")).willReturn(aResponse().withStatus(200).withBody(
                "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange\n"
                        + "408065,1594,INFY,\"INFOSYS, LTD\",0,,0,0.05,1,EQ,NSE,NSE\n"
                        + "256265,1001,NIFTY 50,NIFTY 50,0,,0,0,0,EQ,INDICES,NSE\n")));
        connect(config(true));
        assertThat(session.instrument("INFY")).contains(INFY);
        assertThat(session.instrument("NIFTY 50")).isEmpty();

        List<Bar> bars = new CopyOnWriteArrayList<>();
        session.streamBars(List.of(INFY), Duration.ofMinutes(1), (i, b) -> bars.add(b));
        eventually(WAIT, () -> ticker.subscribed.contains(408065L), "the instrument subscribed");
        Instant m0 = Instant.parse("2026-12-07T04:00:00Z"); // 09:30:00 IST
        ticker.tick(408065, "1500.00", 10, 1_000, m0.plusSeconds(1));
        ticker.tick(408065, "1502.50", 5, 1_005, m0.plusSeconds(20));
        ticker.tick(408065, "1499.05", 20, 1_025, m0.plusSeconds(59));
        ticker.heartbeat();
        ticker.tick(408065, "1501.00", 1, 1_026, m0.plusSeconds(61));
        eventually(WAIT, () -> bars.size() == 1, "the 09:30 bar finished by the 09:31 tick");

        Bar b = bars.getFirst();
        assertThat(b.start()).isEqualTo(m0);
        assertThat(b.open().value()).isEqualByComparingTo("1500.00");
        assertThat(b.high().value()).isEqualByComparingTo("1502.50");
        assertThat(b.low().value()).isEqualByComparingTo("1499.05");
        assertThat(b.close().value()).isEqualByComparingTo("1499.05");
        assertThat(b.volume()).isEqualTo(35); // 1,025 - (1,000 - 10)

        ticker.token("nextdaytoken");
        ticker.drop();
        eventually(WAIT, () -> !logins.isEmpty(), "login needed after the ticker refused the token");
        int refusals = ticker.refusals.get();
        assertThat(refusals).isEqualTo(1);
        assertThat(session.loginNeeded()).isTrue();
    }

    @Test
    void ticks_stream_as_market_trades_with_the_day_volume_for_the_hosts_bars() throws Exception {
        kite.stubFor(get(urlEqualTo("/instruments/NSE")).willReturn(aResponse().withStatus(200).withBody(
                "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange\n"
                        + "408065,1594,INFY,\"INFOSYS, LTD\",0,,0,0.05,1,EQ,NSE,NSE\n")));
        connect(config(true));
        assertThat(session.streamsTrades()).isTrue();

        List<String> trades = new CopyOnWriteArrayList<>();
        try (AutoCloseable handle = session.streamTrades(List.of(INFY), (i, t) -> trades.add(i.symbol() + " " + t.time() + " "
                + t.price().toPlainString() + " " + t.quantity() + " " + t.volumeToday()))) {
            eventually(WAIT, () -> ticker.subscribed.contains(408065L), "the instrument subscribed");
            Instant m0 = Instant.parse("2026-12-07T04:00:00Z"); // 09:30:00 IST
            ticker.tick(408065, "1500.05", 10, 1_000, m0.plusSeconds(1));
            ticker.heartbeat();
            ticker.tick(408065, "1499.95", 5, 1_005, m0.plusSeconds(20));
            eventually(WAIT, () -> trades.size() == 2, "both ticks delivered");
        }
        assertThat(trades).containsExactly("INFY 2026-12-07T04:00:01Z 1500.05 10 1000", "INFY 2026-12-07T04:00:20Z 1499.95 5 1005");
    }

    @Test
    void the_market_stream_tells_each_connection_and_drop_and_the_minute_candles_serve_the_hosts_back_fill() throws Exception {
        kite.stubFor(get(urlEqualTo("/instruments/NSE")).willReturn(aResponse().withStatus(200).withBody(
                "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange\n"
                        + "408065,1594,INFY,\"INFOSYS, LTD\",0,,0,0.05,1,EQ,NSE,NSE\n")));
        kite.stubFor(get(urlPathEqualTo("/instruments/historical/408065/minute")).willReturn(okJson(ok(
                "{\"candles\":[[\"2026-12-07T09:30:00+0530\",1500.05,1501.5,1499.95,1500.6,120],"
                        + "[\"2026-12-07T09:31:00+0530\",1500.6,1500.8,1500.1,1500.25,35]]}"))));
        connect(config(true));
        List<String> heard = new CopyOnWriteArrayList<>();
        try (AutoCloseable handle = session.streamMarket(List.of(INFY), new io.tradepilot.brokers.MarketListener() {
            @Override public void trade(Instrument instrument, io.tradepilot.brokers.MarketTrade trade) { heard.add("trade " + trade.price()); }
            @Override public void subscribed(int connection) { heard.add("subscribed " + connection); }
            @Override public void dropped() { heard.add("dropped"); }
        })) {
            eventually(WAIT, () -> heard.contains("subscribed 1"), "the connected ticker counted as the first subscription");
            ticker.drop();
            eventually(WAIT, () -> heard.contains("subscribed 2"), "the drop and the reconnect heard");
            assertThat(heard).containsExactly("subscribed 1", "dropped", "subscribed 2");
        }
        List<Bar> minutes = session.history(INFY, Duration.ofMinutes(1), Instant.parse("2026-12-07T04:00:00Z"),
                Instant.parse("2026-12-07T04:02:00Z"));
        assertThat(minutes).extracting(b -> b.start() + " " + b.open().value().toPlainString() + " " + b.high().value().toPlainString()
                + " " + b.low().value().toPlainString() + " " + b.close().value().toPlainString() + " " + b.volume())
                .containsExactly("2026-12-07T04:00:00Z 1500.05 1501.5 1499.95 1500.6 120", "2026-12-07T04:01:00Z 1500.6 1500.8 1500.1 1500.25 35");
    }

    @Test
    void the_book_and_the_fills_come_from_margins_positions_orders_and_trades_in_exact_decimals() {
        kite.stubFor(get(urlEqualTo("/user/margins")).willReturn(okJson(ok(
                "{\"equity\":{\"enabled\":true,\"net\":99725.05,\"available\":{\"adhoc_margin\":0,\"cash\":245431.6,\"opening_balance\":245431.6}}}"))));
        kite.stubFor(get(urlEqualTo("/portfolio/positions")).willReturn(okJson(ok(
                "{\"net\":[{\"tradingsymbol\":\"INFY\",\"exchange\":\"NSE\",\"product\":\"MIS\",\"quantity\":-7,\"average_price\":1500.35},"
                        + "{\"tradingsymbol\":\"TCS\",\"exchange\":\"NSE\",\"product\":\"MIS\",\"quantity\":0,\"average_price\":0}],\"day\":[]}"))));
        kite.stubFor(get(urlEqualTo("/orders")).atPriority(1).willReturn(okJson(ok("[" +
                kiteOrder("230000000000006", "OTHERTAG", "OPEN", 10, 2, "1500.1", null) + "," +
                kiteOrder("230000000000007", "OTHERTAG2", "COMPLETE", 10, 10, "1500.1", null) + "]"))));
        kite.stubFor(get(urlEqualTo("/trades")).willReturn(okJson(ok(
                "[{\"trade_id\":\"10000001\",\"order_id\":\"230000000000006\",\"exchange\":\"NSE\",\"tradingsymbol\":\"INFY\","
                        + "\"product\":\"MIS\",\"average_price\":1500.1,\"quantity\":2,\"transaction_type\":\"BUY\","
                        + "\"fill_timestamp\":\"2026-12-07 09:31:05\",\"exchange_timestamp\":\"2026-12-07 09:31:05\"},"
                        + "{\"trade_id\":\"10000000\",\"order_id\":\"230000000000007\",\"exchange\":\"NSE\",\"tradingsymbol\":\"INFY\","
                        + "\"product\":\"MIS\",\"average_price\":1500.1,\"quantity\":10,\"transaction_type\":\"BUY\","
                        + "\"fill_timestamp\":\"2026-12-07 09:15:05\",\"exchange_timestamp\":\"2026-12-07 09:15:05\"}]"))));
        connect(config(false));

        BrokerBook book = session.book();
        assertThat(book.cash()).isEqualByComparingTo("245431.6");
        assertThat(book.positions()).singleElement().satisfies(p -> {
            assertThat(p.instrument().symbol()).isEqualTo("INFY");
            assertThat(p.quantity()).isEqualByComparingTo("-7");
            assertThat(p.averagePrice()).isEqualByComparingTo("1500.35");
        });
        assertThat(book.workingOrders()).singleElement().satisfies(o -> {
            assertThat(o.venueOrderId()).isEqualTo("230000000000006");
            assertThat(o.clientOrderId()).isNull(); // not placed by this engine
            assertThat(o.filledQuantity()).isEqualByComparingTo("2");
        });
        List<BrokerBook.BrokerFill> fills = session.fillsSince(Instant.parse("2026-12-07T03:50:00Z")); // 09:20 IST
        assertThat(fills).singleElement().satisfies(f -> {
            assertThat(f.fillId()).isEqualTo("10000001");
            assertThat(f.at()).isEqualTo(Instant.parse("2026-12-07T04:01:05Z"));
            assertThat(f.price()).isEqualByComparingTo("1500.1");
            assertThat(f.fee()).isEqualByComparingTo(ZerodhaCharges.intraday().breakdown(Side.BUY, new BigDecimal("2"), new BigDecimal("1500.1")).total());
        });
    }
}
