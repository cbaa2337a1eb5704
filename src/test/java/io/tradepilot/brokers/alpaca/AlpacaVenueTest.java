package io.tradepilot.brokers.alpaca;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineEvent.ExecutionReportRefused;
import io.tradepilot.engine.core.EngineEvent.OrderFilled;
import io.tradepilot.engine.core.EngineEvent.OrderRejectedByVenue;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.PositionSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alpaca adapter between a real engine (on its single writer) and local stand-ins of Alpaca: WireMock for the
 * trading REST API and {@link StandInTradeStream} for the {@code trade_updates} websocket. Each test drives orders
 * through the engine and asserts the engine's order and position, and what reached the stand-in.
 */
class AlpacaVenueTest {

    private static final String KEY = "PKTESTKEY1234";
    private static final String SECRET = "test-secret-never-logged";
    private static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");
    private static final ClientOrderId CID = new ClientOrderId("manual:AAPL:1704205800000:B:0");
    private static final ClientOrderId CID2 = new ClientOrderId("manual:AAPL:1704205800000:B:1");
    private static final String BY_CID = "/v2/orders:by_client_order_id";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final SimulatedClock clock = new SimulatedClock(T0.toEpochMilli(), ZoneOffset.UTC);
    private final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> signals = new CopyOnWriteArrayList<>();
    private final List<Throwable> engineErrors = new CopyOnWriteArrayList<>();
    private WireMockServer alpaca;
    private StandInTradeStream stream;
    private AlpacaVenue venue;
    private SingleWriterEngine engine;

    @BeforeEach
    void standIns() throws Exception {
        alpaca = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        stream = new StandInTradeStream(KEY, SECRET);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) engine.close();
        if (venue != null) venue.close();
        stream.close();
        alpaca.stop();
        assertThat(engineErrors).isEmpty();
    }

    private AlpacaConfig config() {
        return AlpacaConfig.of(URI.create(alpaca.baseUrl()), KEY, SECRET)
                .withStreamUrl(stream.url())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(100))
                .withGuard(new BrokerCallGuard.Settings(200, Duration.ofSeconds(1), 3, Duration.ofSeconds(30), 3, Duration.ofMillis(20)))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private void connect(AlpacaConfig config) {
        venue = new AlpacaVenue(config, clock, (v, detail) -> signals.add(v + ": " + detail));
        TradingEngine core = new TradingEngine(EngineConfig.simple(Money.of("100000", Money.USD)), clock,
                OrderIdGenerator.sequential("O"), events::add, reports -> venue);
        engine = new SingleWriterEngine(core, Thread.ofPlatform().name("engine-writer").factory(), engineErrors::add);
        venue.start(engine);
        if (config.streamUrl() != null) eventually(WAIT, stream::listening, "the adapter listening to trade_updates");
    }

    private void placeLimitBuy(ClientOrderId cid, long qty, String limit) {
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.limit(cid, StrategyId.MANUAL, AAPL, Side.BUY,
                Quantity.of(qty), Price.of(limit), TimeInForce.DAY)));
    }

    private Order order(String id) {
        return engine.query(e -> e.order(new OrderId(id))).join();
    }

    private OrderStatus status(String id) {
        return engine.query(e -> e.order(new OrderId(id)).status()).join();
    }

    private String venueOrderId(String id) {
        return engine.query(e -> e.order(new OrderId(id)).venueOrderId()).join();
    }

    private Optional<PositionSnapshot> position() {
        return engine.query(e -> e.snapshot().portfolio().positions().stream().filter(p -> p.symbol().equals("AAPL")).findFirst()).join();
    }

    private <T extends EngineEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** An Alpaca order object as the REST API and the stream send it. */
    private static String alpacaOrder(String id, ClientOrderId cid, String status, String qty, String filledQty, String avgPrice) {
        return alpacaOrder(id, cid.value(), status, qty, filledQty, avgPrice, "100");
    }

    private static String alpacaOrder(String id, String cid, String status, String qty, String filledQty, String avgPrice, String limit) {
        return """
                {"id":"%s","client_order_id":"%s","created_at":"2024-01-02T14:30:00.100Z","updated_at":"2024-01-02T14:30:02Z",
                 "submitted_at":"2024-01-02T14:30:00.120Z","filled_at":null,"expired_at":null,"canceled_at":null,"failed_at":null,
                 "replaced_at":null,"replaced_by":null,"replaces":null,"asset_id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415",
                 "symbol":"AAPL","asset_class":"us_equity","notional":null,"qty":"%s","filled_qty":"%s","filled_avg_price":%s,
                 "order_class":"","order_type":"limit","type":"limit","side":"buy","time_in_force":"day","limit_price":"%s",
                 "stop_price":null,"status":"%s","extended_hours":false,"legs":null}
                """.formatted(id, cid, qty, filledQty, avgPrice == null ? "null" : "\"" + avgPrice + "\"", limit, status);
    }

    private static String update(String event, String qty, String price, String order) {
        return """
                {"event":"%s","execution_id":"x-%s-%s","timestamp":"2024-01-02T14:30:05.000Z","price":%s,"qty":%s,"position_qty":"0","order":%s}
                """.formatted(event, event, qty, price == null ? "null" : "\"" + price + "\"", qty == null ? "null" : "\"" + qty + "\"", order);
    }

    private static String fillActivity(String id, String orderId, String qty, String cumQty, String leaves, String price, String time) {
        return """
                {"id":"%s","activity_type":"FILL","transaction_time":"%s","type":"%s","price":"%s","qty":"%s","side":"buy",
                 "symbol":"AAPL","leaves_qty":"%s","order_id":"%s","cum_qty":"%s","order_status":"%s"}
                """.formatted(id, time, "0".equals(leaves) ? "fill" : "partial_fill", price, qty, leaves, orderId, cumQty,
                "0".equals(leaves) ? "filled" : "partially_filled");
    }

    private void stubPlacement(ClientOrderId cid, String alpacaId) {
        alpaca.stubFor(post(urlEqualTo("/v2/orders")).withRequestBody(matchingJsonPath("$.client_order_id", equalTo(cid.value())))
                .willReturn(okJson(alpacaOrder(alpacaId, cid, "new", "10", "0", null))));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void a_placement_is_accepted_then_filled_in_two_partial_fills() throws Exception {
        stubPlacement(CID, "alp-1");
        connect(config());

        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> "alp-1".equals(venueOrderId("O1")), "the venue's id on the engine's order");
        stream.push(update("partial_fill", "4", "99.9", alpacaOrder("alp-1", CID, "partially_filled", "10", "4", "99.9")));
        eventually(WAIT, () -> status("O1") == OrderStatus.PARTIALLY_FILLED, "a partial fill");
        stream.push(update("fill", "6", "100", alpacaOrder("alp-1", CID, "filled", "10", "10", "99.96")));
        eventually(WAIT, () -> status("O1") == OrderStatus.FILLED, "the order filled");

        assertThat(of(OrderFilled.class)).hasSize(2);
        assertThat(of(ExecutionReportRefused.class)).isEmpty();
        PositionSnapshot p = position().orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("10");
        assertThat(p.averagePrice()).isEqualByComparingTo("99.96");
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY))
                .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET))
                .withRequestBody(matchingJsonPath("$.client_order_id", equalTo(CID.value())))
                .withRequestBody(matchingJsonPath("$.symbol", equalTo("AAPL")))
                .withRequestBody(matchingJsonPath("$.qty", equalTo("10")))
                .withRequestBody(matchingJsonPath("$.side", equalTo("buy")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("limit")))
                .withRequestBody(matchingJsonPath("$.time_in_force", equalTo("day")))
                .withRequestBody(matchingJsonPath("$.limit_price", equalTo("100"))));
    }

    @Test
    void a_refused_placement_rejects_the_order_and_is_not_sent_again() {
        alpaca.stubFor(post(urlEqualTo("/v2/orders")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":40310000,\"message\":\"insufficient buying power\"}")));
        connect(config());

        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> status("O1") == OrderStatus.REJECTED, "the order rejected");

        assertThat(of(OrderRejectedByVenue.class)).singleElement()
                .satisfies(r -> assertThat(r.reason()).contains("insufficient buying power").doesNotContain(SECRET));
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        alpaca.verify(0, getRequestedFor(urlPathEqualTo(BY_CID)));
        assertThat(engine.latest().workingOrders()).isEmpty();
    }

    @Test
    void a_rejection_after_alpaca_accepted_the_order_ends_it_as_cancelled_with_the_reason() throws Exception {
        stubPlacement(CID, "alp-2");
        connect(config());
        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> "alp-2".equals(venueOrderId("O1")), "the venue's id");

        stream.push(update("rejected", null, null, alpacaOrder("alp-2", CID, "rejected", "10", "0", null)));
        eventually(WAIT, () -> status("O1") == OrderStatus.CANCELLED, "the order ended");

        assertThat(of(EngineEvent.OrderCancelled.class)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("rejected by Alpaca after it accepted the order"));
        assertThat(of(ExecutionReportRefused.class)).isEmpty();
    }

    @Test
    void a_cancel_that_loses_the_race_against_the_fill_leaves_the_order_filled_once() throws Exception {
        stubPlacement(CID, "alp-3");
        connect(config());
        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> "alp-3".equals(venueOrderId("O1")), "the venue's id");
        // meanwhile the order filled at Alpaca; its fill event is still on its way
        alpaca.stubFor(delete(urlEqualTo("/v2/orders/alp-3")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":42210000,\"message\":\"order is not cancelable\"}")));
        alpaca.stubFor(get(urlPathEqualTo(BY_CID)).willReturn(okJson(alpacaOrder("alp-3", CID, "filled", "10", "10", "100.25"))));
        alpaca.stubFor(get(urlPathEqualTo("/v2/account/activities/FILL")).willReturn(okJson(
                "[" + fillActivity("20240102143001::a1", "alp-3", "10", "10", "0", "100.25", "2024-01-02T14:30:01Z") + "]")));

        engine.accept(new EngineCommand.CancelOrder(new OrderId("O1"), "operator cancels"));
        eventually(WAIT, () -> status("O1") == OrderStatus.FILLED, "the fill winning the race");
        int seen = venue.tradeUpdatesHandled();
        stream.push(update("fill", "10", "100.25", alpacaOrder("alp-3", CID, "filled", "10", "10", "100.25")));
        eventually(WAIT, () -> venue.tradeUpdatesHandled() == seen + 1, "the late fill event handled");
        syncWithAdapter();

        assertThat(of(OrderFilled.class)).singleElement().satisfies(f -> assertThat(f.price().value()).isEqualByComparingTo("100.25"));
        assertThat(of(ExecutionReportRefused.class)).isEmpty();
        assertThat(position().orElseThrow().quantity()).isEqualByComparingTo("10");
        alpaca.verify(1, deleteRequestedFor(urlEqualTo("/v2/orders/alp-3")));
    }

    @Test
    void a_placement_that_times_out_after_reaching_alpaca_is_resolved_by_client_order_id_never_sent_twice() {
        alpaca.stubFor(post(urlEqualTo("/v2/orders"))
                .willReturn(okJson(alpacaOrder("alp-4", CID, "new", "10", "0", null)).withFixedDelay(2_000)));
        alpaca.stubFor(get(urlPathEqualTo(BY_CID)).withQueryParam("client_order_id", equalTo(CID.value()))
                .willReturn(okJson(alpacaOrder("alp-4", CID, "new", "10", "0", null))));
        connect(config().withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(100)));

        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> "alp-4".equals(venueOrderId("O1")), "the order resolved by its client order id");
        engine.accept(new EngineCommand.OnTimer(T0.plusSeconds(60))); // past the answer timeout: nothing left to resolve

        assertThat(status("O1")).isEqualTo(OrderStatus.ACCEPTED);
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        assertThat(alpaca.findAll(getRequestedFor(urlPathEqualTo(BY_CID)))).isNotEmpty();
        assertThat(signals).isEmpty(); // one timeout is not three failures
    }

    @Test
    void a_placement_whose_connection_broke_and_that_alpaca_never_got_is_rejected_only_after_the_grace_period() {
        alpaca.stubFor(post(urlEqualTo("/v2/orders")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        alpaca.stubFor(get(urlPathEqualTo(BY_CID)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":40410000,\"message\":\"order not found\"}")));
        // grace = max(2 x request timeout, answer timeout) = 1.5 s; lookups every 100 ms meanwhile
        connect(config().withStreamUrl(null).withTimeouts(Duration.ofMillis(750), Duration.ofMillis(500), Duration.ofMillis(100)));

        long start = System.nanoTime();
        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> status("O1") == OrderStatus.REJECTED, "the lost placement rejected");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_500));
        assertThat(alpaca.findAll(getRequestedFor(urlPathEqualTo(BY_CID))).size()).isGreaterThan(1);
        assertThat(of(OrderRejectedByVenue.class)).singleElement().satisfies(r -> assertThat(r.reason()).contains("never arrived"));
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void a_429_storm_retries_only_reads_and_never_repeats_the_placement() {
        alpaca.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"too many requests.\"}")));
        connect(config().withStreamUrl(null));

        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> alpaca.findAll(getRequestedFor(urlPathEqualTo(BY_CID))).size() == 3,
                "three attempts to look the placement up");
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        assertThat(status("O1")).isEqualTo(OrderStatus.ACCEPTED); // unknown yet: not rejected, not re-sent

        // the storm passes; Alpaca never processed the placement, so it does not know the id
        alpaca.stubFor(get(urlPathEqualTo(BY_CID)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":40410000,\"message\":\"order not found\"}")));
        engine.accept(new EngineCommand.OnTimer(T0.plusSeconds(60)));
        eventually(WAIT, () -> status("O1") == OrderStatus.REJECTED, "the unknown placement rejected");

        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        assertThat(signals).isEmpty(); // rate limiting is pacing, not a broker failure
    }

    @Test
    void a_5xx_storm_counts_broker_failures_and_three_in_a_row_raise_the_broker_errors_signal_once() {
        alpaca.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));
        connect(config().withStreamUrl(null));

        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> signals.size() == 1, "the BROKER_ERRORS signal");
        assertThat(signals.getFirst()).isEqualTo("alpaca: 3 consecutive broker failures");
        assertThat(venue.brokerFailing()).isTrue();
        syncWithAdapter();

        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        assertThat(alpaca.findAll(getRequestedFor(urlPathEqualTo(BY_CID)))).hasSize(2); // the third read refused by the open breaker
        assertThat(signals).hasSize(1);
        assertThat(status("O1")).isEqualTo(OrderStatus.ACCEPTED); // outcome unknown: resolved later, never re-sent
    }

    @Test
    void fills_missed_while_the_stream_was_down_are_back_filled_exactly_once_after_it_reconnects() throws Exception {
        stubPlacement(CID, "alp-7");
        connect(config());
        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> "alp-7".equals(venueOrderId("O1")), "the venue's id");

        stream.drop();
        alpaca.stubFor(get(urlPathEqualTo(BY_CID)).withQueryParam("client_order_id", equalTo(CID.value()))
                .willReturn(okJson(alpacaOrder("alp-7", CID, "filled", "10", "10", "100.8"))));
        alpaca.stubFor(get(urlPathEqualTo("/v2/account/activities/FILL")).willReturn(okJson("["
                + fillActivity("20240102143001::f1", "alp-7", "4", "4", "6", "100.5", "2024-01-02T14:30:01Z") + ","
                + fillActivity("20240102143001::o1", "other-order", "5", "5", "0", "55", "2024-01-02T14:30:01.500Z") + ","
                + fillActivity("20240102143002::f2", "alp-7", "6", "10", "0", "101", "2024-01-02T14:30:02Z") + "]")));

        eventually(WAIT, () -> stream.listens.get() == 2, "the stream reconnected");
        eventually(WAIT, () -> status("O1") == OrderStatus.FILLED, "the missed fills back-filled");

        // Alpaca replays the last fill on the new connection: nothing changes
        stubPlacement(CID2, "alp-8");
        placeLimitBuy(CID2, 10, "100");
        eventually(WAIT, () -> "alp-8".equals(venueOrderId("O2")), "a second order acknowledged");
        stream.push(update("fill", "6", "101", alpacaOrder("alp-7", CID, "filled", "10", "10", "100.8")));
        stream.push(update("partial_fill", "1", "99", alpacaOrder("alp-8", CID2, "partially_filled", "10", "1", "99")));
        eventually(WAIT, () -> status("O2") == OrderStatus.PARTIALLY_FILLED, "the update after the replay");

        List<OrderFilled> first = of(OrderFilled.class).stream().filter(f -> f.clientOrderId().equals(CID)).toList();
        assertThat(first).extracting(f -> f.quantity().value()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("4"), new BigDecimal("6"));
        assertThat(of(ExecutionReportRefused.class)).isEmpty();
        PositionSnapshot p = position().orElseThrow();
        assertThat(p.quantity()).isEqualByComparingTo("11");
        alpaca.verify(2, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    /**
     * Places 10 @ 100 (Alpaca id alp-5), then asks the engine to modify it to 8 @ 99.5; the stand-in answers the PATCH
     * with the replacement alp-6 in {@code replacementStatus}. Returns the replacement's client order id.
     */
    private String placeThenAskToReplace(String replacementStatus) {
        stubPlacement(CID, "alp-5");
        String replacementCid = CID.value() + "#R1";
        alpaca.stubFor(patch(urlEqualTo("/v2/orders/alp-5"))
                .willReturn(okJson(alpacaOrder("alp-6", replacementCid, replacementStatus, "8", "0", null, "99.5"))));
        connect(config());
        placeLimitBuy(CID, 10, "100");
        eventually(WAIT, () -> "alp-5".equals(venueOrderId("O1")), "the venue's id");
        engine.accept(new EngineCommand.ModifyOrder(new OrderId("O1"), Quantity.of(8), Price.of("99.5"), null, "tighter"));
        eventually(WAIT, () -> !alpaca.findAll(patchRequestedFor(urlEqualTo("/v2/orders/alp-5"))).isEmpty(), "the replacement requested");
        return replacementCid;
    }

    @Test
    void a_modification_replaces_the_order_and_the_replacement_fills_the_engine_order() throws Exception {
        String replacementCid = placeThenAskToReplace("new");
        assertThat(order("O1").request().quantity()).isEqualTo(Quantity.of(10)); // not before Alpaca confirms
        stream.push(update("replaced", null, null, alpacaOrder("alp-5", CID, "replaced", "10", "0", null)));
        eventually(WAIT, () -> order("O1").request().quantity().equals(Quantity.of(8)), "the order modified");
        stream.push(update("fill", "8", "99.5", alpacaOrder("alp-6", replacementCid, "filled", "8", "8", "99.5", "99.5")));
        eventually(WAIT, () -> status("O1") == OrderStatus.FILLED, "the replacement's fill on the engine's order");

        alpaca.verify(1, patchRequestedFor(urlEqualTo("/v2/orders/alp-5"))
                .withRequestBody(matchingJsonPath("$.qty", equalTo("8")))
                .withRequestBody(matchingJsonPath("$.limit_price", equalTo("99.5")))
                .withRequestBody(matchingJsonPath("$.client_order_id", equalTo(replacementCid))));
        assertThat(position().orElseThrow().quantity()).isEqualByComparingTo("8");
        assertThat(of(ExecutionReportRefused.class)).isEmpty();
    }

    @Test
    void a_replacement_that_loses_to_a_fill_of_the_old_order_leaves_the_engine_order_filled_unmodified() throws Exception {
        String replacementCid = placeThenAskToReplace("pending_new");
        stream.push(update("fill", "10", "100", alpacaOrder("alp-5", CID, "filled", "10", "10", "100")));
        stream.push(update("rejected", null, null, alpacaOrder("alp-6", replacementCid, "rejected", "8", "0", null, "99.5")));
        eventually(WAIT, () -> status("O1") == OrderStatus.FILLED, "the old order's fill");
        eventually(WAIT, () -> venue.tradeUpdatesHandled() >= 2, "the rejection handled");
        syncWithAdapter();

        assertThat(order("O1").request().quantity()).isEqualTo(Quantity.of(10));
        assertThat(of(EngineEvent.OrderModified.class)).isEmpty();
        assertThat(of(ExecutionReportRefused.class)).isEmpty();
        assertThat(position().orElseThrow().quantity()).isEqualByComparingTo("10");
    }

    @Test
    void the_stream_authenticates_with_the_key_and_secret_and_refuses_a_wrong_secret() {
        connect(config().withStreamUrl(null));
        try (var wrong = new AlpacaVenue(AlpacaConfig.of(URI.create(alpaca.baseUrl()), KEY, "wrong-secret")
                .withStreamUrl(stream.url()).withReconnect(Duration.ofMillis(50), Duration.ofMillis(100)), clock, (v, d) -> { })) {
            wrong.start(c -> { });
            eventually(WAIT, () -> stream.authFailures.get() >= 2, "refused and retried");
            assertThat(wrong.streamListening()).isFalse();
        }
    }

    /** Waits until the adapter's thread has run everything queued so far. */
    private void syncWithAdapter() {
        venue.awaitIdle();
    }
}
