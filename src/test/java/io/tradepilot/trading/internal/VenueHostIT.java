package io.tradepilot.trading.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.alpaca.AlpacaConfig;
import io.tradepilot.brokers.alpaca.StandInTradeStream;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TradingModeChanged;
import io.tradepilot.controls.TradingModeState;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.base.format.Json;
import io.tradepilot.trading.EngineReconciliation;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.reconciliation.internal.Reconciler;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine host trading through a broker account: a {@code VenueSession} around the real Alpaca adapter
 * ({@link AlpacaStandIn.Session}) pointed at local stand-ins (WireMock for the REST API, {@link StandInTradeStream} for
 * {@code trade_updates}), its bars pushed by the test through the session's stream. Each test places orders through
 * the host and asserts what reached the stand-in (one POST per client order id) and what the ledger holds.
 */
@TestPropertySource(properties = "tradepilot.controls.key-prefix=venue-it:")
@DirtiesContext
class VenueHostIT extends IntegrationTestSupport {

    private static final long LOCK_KEY = 880_080;
    private static final String KEY = "PKVENUEHOST01";
    private static final String SECRET = "venue-host-secret";
    private static final Instrument AAPL = Instrument.usEquity("AAPL", "NASDAQ");
    private static final Instant OPEN = Instant.parse("2024-01-02T14:30:00Z");
    private static final String BY_CID = "/v2/orders:by_client_order_id";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired JooqLedger ledger;
    @Autowired TradingGate gate;
    @Autowired ControlEvents controlEvents;
    @Autowired ControlService controls;
    @Autowired DataSource dataSource;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingQueries queries;

    private final List<EngineHost> hosts = new ArrayList<>();
    /** What the stand-in account's book holds (its sessions' {@code book()}). */
    private volatile List<BrokerBook.BrokerPosition> brokerPositions = List.of();
    private final List<StandInSession> sessions = new ArrayList<>();
    private WireMockServer alpaca;
    private StandInTradeStream stream;

    @BeforeEach
    void standIns() throws Exception {
        alpaca = VenueHostFixture.cleanStartWithStandIn(db, redis, gate, "venue-it:");
        stream = new StandInTradeStream(KEY, SECRET);
    }

    @AfterEach
    void stop() throws Exception {
        hosts.forEach(EngineHost::stop);
        stream.close();
        alpaca.stop();
    }

    @Test
    void a_placement_is_recorded_sent_once_and_its_partial_and_full_fills_reach_the_ledger() throws Exception {
        ClientOrderId cid = new ClientOrderId("manual:AAPL:1:B:0");
        stubPlacement(cid, "alp-1");
        EngineHost host = start();

        assertThat(place(host, cid, "10", "100")).isInstanceOf(EngineHost.Decision.Accepted.class);
        eventually(WAIT, () -> "alp-1".equals(order(cid).venueOrderId()), "the venue's order id in the ledger");
        stream.push(AlpacaStandIn.update("partial_fill", "4", "99.9", alpacaOrder("alp-1", cid, "partially_filled", "10", "4", "99.9")));
        eventually(WAIT, () -> "PARTIALLY_FILLED".equals(order(cid).status()), "the partial fill recorded");
        stream.push(AlpacaStandIn.update("fill", "6", "100", alpacaOrder("alp-1", cid, "filled", "10", "10", "99.96")));
        eventually(WAIT, () -> "FILLED".equals(order(cid).status()), "the fill recorded");

        assertThat(db.fetch(FILL, FILL.CLIENT_ORDER_ID.eq(cid.value()))).extracting(r -> r.getQuantity().stripTrailingZeros().toPlainString())
                .containsExactly("4", "6");
        assertThat(order(cid).filledQuantity()).isEqualByComparingTo("10");
        eventually(WAIT, () -> ledger.positions(false).stream().anyMatch(p -> p.symbol().equals("AAPL")
                && p.quantity().compareTo(BigDecimal.TEN) == 0), "the position of 10 in the ledger");
        assertThat(postsOf(cid)).isEqualTo(1);
        assertThat(Json.mapper().writeValueAsString(queries.orders(false, 10)))
                .as("the REST order JSON (GET /api/v1/orders) carries the venue's id").contains("\"venueOrderId\":\"alp-1\"");
    }

    @Test
    void a_placement_the_venue_refuses_is_recorded_first_and_then_rejected() throws Exception {
        ClientOrderId cid = new ClientOrderId("manual:AAPL:2:B:0");
        alpaca.stubFor(post(urlEqualTo("/v2/orders")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":40310000,\"message\":\"insufficient buying power\"}")));
        EngineHost host = start();

        assertThat(place(host, cid, "10", "100")).isInstanceOf(EngineHost.Decision.Accepted.class);
        eventually(WAIT, () -> "REJECTED".equals(order(cid).status()), "the venue's rejection recorded");

        assertThat(order(cid).statusReason()).contains("insufficient buying power").doesNotContain(SECRET);
        assertThat(postsOf(cid)).isEqualTo(1);
        assertThat(host.snapshot().orElseThrow().workingOrders()).isEmpty();
    }

    @Test
    void a_cancel_goes_to_the_venue_and_its_confirmation_ends_the_order_in_the_ledger() throws Exception {
        ClientOrderId cid = new ClientOrderId("manual:AAPL:3:B:0");
        stubPlacement(cid, "alp-3");
        alpaca.stubFor(delete(urlEqualTo("/v2/orders/alp-3")).willReturn(aResponse().withStatus(204)));
        alpaca.stubFor(get(urlPathEqualTo(BY_CID)).willReturn(okJson(alpacaOrder("alp-3", cid, "canceled", "10", "0", null))));
        EngineHost host = start();
        assertThat(place(host, cid, "10", "100")).isInstanceOf(EngineHost.Decision.Accepted.class);
        eventually(WAIT, () -> "alp-3".equals(order(cid).venueOrderId()), "the venue's order id in the ledger");

        host.send(new EngineCommand.CancelOrder(new OrderId(order(cid).orderId()), "operator cancels"));
        eventually(WAIT, () -> "CANCELLED".equals(order(cid).status()), "the cancel recorded");

        alpaca.verify(1, com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(urlEqualTo("/v2/orders/alp-3")));
        assertThat(postsOf(cid)).isEqualTo(1);
    }

    @Test
    void after_a_crash_a_working_order_is_resolved_at_the_venue_and_never_sent_again() throws Exception {
        ClientOrderId cid = new ClientOrderId("manual:AAPL:4:B:0");
        stubPlacement(cid, "alp-4");
        EngineHost first = start();
        assertThat(place(first, cid, "10", "100")).isInstanceOf(EngineHost.Decision.Accepted.class);
        eventually(WAIT, () -> "alp-4".equals(order(cid).venueOrderId()), "the venue's order id in the ledger");
        first.halt();

        // meanwhile at the venue: 3 of 10 filled
        alpaca.stubFor(get(urlPathEqualTo(BY_CID)).willReturn(okJson(alpacaOrder("alp-4", cid, "partially_filled", "10", "3", "99.5"))));
        alpaca.stubFor(get(urlPathEqualTo("/v2/account/activities/FILL")).willReturn(okJson(
                "[" + AlpacaStandIn.fillActivity("20240102143001::a4", "alp-4", "3", "3", "7", "99.5", "2024-01-02T14:31:00Z") + "]")));
        EngineHost second = start();
        eventually(WAIT, () -> "PARTIALLY_FILLED".equals(order(cid).status()), "the fill found at the venue recorded");

        assertThat(second.recovery().workingOrders()).isEqualTo(1);
        assertThat(postsOf(cid)).as("the order was resolved, not sent again").isEqualTo(1);
        alpaca.verify(com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly(1),
                getRequestedFor(urlPathEqualTo(BY_CID)).withQueryParam("client_order_id", equalTo(cid.value())));
        assertThat(db.fetchCount(TRADE_ORDER)).isEqualTo(1);
        assertThat(order(cid).filledQuantity()).isEqualByComparingTo("3");
        assertThat(second.snapshot().orElseThrow().workingOrders()).singleElement()
                .satisfies(o -> assertThat(o.filled().value()).isEqualByComparingTo("3"));
    }

    @Test
    void a_live_account_takes_the_engines_orders_only_in_live_mode_and_otherwise_feeds_the_paper_venue() throws Exception {
        ClientOrderId paperOrder = new ClientOrderId("manual:AAPL:7:B:0");
        stubPlacement(paperOrder, "alp-7");
        EngineHost paper = start(true, false);

        assertThat(place(paper, paperOrder, "10", "100")).isInstanceOf(EngineHost.Decision.Accepted.class);
        eventually(WAIT, () -> ledger.ordersWithExchange().stream().anyMatch(e -> e.getKey().clientOrderId().equals(paperOrder.value())),
                "the order in the ledger");
        assertThat(order(paperOrder).venueOrderId()).as("filled at the paper venue, not sent to the broker").isNull();
        assertThat(postsOf(paperOrder)).isZero();
        assertThat(stream.listening()).as("the broker's order updates are not started").isFalse();
        paper.stop();
        hosts.remove(paper);

        ClientOrderId liveOrder = new ClientOrderId("manual:AAPL:8:B:0");
        stubPlacement(liveOrder, "alp-8");
        EngineHost live = start(true, true);
        assertThat(place(live, liveOrder, "10", "100")).isInstanceOf(EngineHost.Decision.Accepted.class);
        eventually(WAIT, () -> "alp-8".equals(order(liveOrder).venueOrderId()), "the broker's order id in the ledger");
        assertThat(postsOf(liveOrder)).isEqualTo(1);
        assertThat(postsOf(paperOrder)).isZero();
    }

    @Test
    void adopting_the_brokers_position_books_it_at_the_brokers_price_it_survives_a_restart_and_the_next_run_is_clean() throws Exception {
        EngineHost host = start();
        brokerPositions = List.of(new BrokerBook.BrokerPosition(AAPL, new BigDecimal("12"), new BigDecimal("101.5")));
        EngineReconciliation reconciliation = new HostReconciliation(host);

        assertThat(reconciliation.adoptPosition(AAPL, new BigDecimal("12"), new BigDecimal("101.5"), "bought by hand in the Alpaca app"))
                .isTrue();

        LedgerOrder adopted = ledger.ordersWithExchange().stream().map(Map.Entry::getKey)
                .filter(o -> o.strategy().equals("reconciliation")).findFirst().orElseThrow();
        assertThat(adopted.status()).isEqualTo("FILLED");
        assertThat(adopted.side()).isEqualTo("BUY");
        assertThat(db.fetch(FILL, FILL.CLIENT_ORDER_ID.eq(adopted.clientOrderId()))).singleElement().satisfies(f -> {
            assertThat(f.getPrice()).isEqualByComparingTo("101.5");
            assertThat(f.getCommission()).isZero();
        });
        assertThat(db.fetchValue("select detail from order_event where event_type = 'ADOPTED' and client_order_id = ?",
                adopted.clientOrderId())).asString().contains("BUY 12 @ 101.5", "bought by hand in the Alpaca app");
        eventually(WAIT, () -> ledgerPosition("12"), "the ledger holds the broker's 12");
        assertThat(differences(host)).as("the next comparison with the broker").isEmpty();
        alpaca.verify(0, postRequestedFor(urlEqualTo("/v2/orders")));

        // recovery replays the adopted fill like any other
        host.stop();
        hosts.remove(host);
        EngineHost restarted = start();
        assertThat(restarted.recovery().mismatches()).isEmpty();
        assertThat(restarted.snapshot().orElseThrow().portfolio().positions()).singleElement().satisfies(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("12");
            assertThat(p.averagePrice()).isEqualByComparingTo("101.5");
        });
        assertThat(differences(restarted)).isEmpty();
    }

    @Test
    void closing_at_the_broker_sends_one_recorded_market_order_whose_fill_leaves_ledger_and_broker_equal() throws Exception {
        EngineHost host = start();
        brokerPositions = List.of(new BrokerBook.BrokerPosition(AAPL, new BigDecimal("5"), new BigDecimal("100")));
        alpaca.stubFor(post(urlEqualTo("/v2/orders")).withRequestBody(matchingJsonPath("$.client_order_id", com.github.tomakehurst.wiremock.client.WireMock.matching("reconciliation:AAPL:.*")))
                .willReturn(okJson(AlpacaStandIn.order("alp-r", "reconciliation:AAPL:0:S:0", "AAPL", "sell", "5", null, "new", "0", null))));
        EngineReconciliation reconciliation = new HostReconciliation(host);
        assertThat(differences(host)).extracting(Reconciler.Difference::key).containsExactly("AAPL");

        // the ledger holds 0, the broker 5: the order to send is -5
        assertThat(reconciliation.closeAtBroker(AAPL, new BigDecimal("-5"), new BigDecimal("100"), "bought by mistake in the app")).isTrue();

        LedgerOrder close = ledger.ordersWithExchange().stream().map(Map.Entry::getKey)
                .filter(o -> o.strategy().equals("reconciliation") && o.side().equals("SELL") && o.type().equals("MARKET")
                        && !"FILLED".equals(o.status())).findFirst().orElseThrow(() -> new AssertionError("the closing order is recorded when the call returns"));
        ClientOrderId cid = new ClientOrderId(close.clientOrderId());
        eventually(WAIT, () -> postsOf(cid) == 1, "the closing order at the broker");
        stream.push(AlpacaStandIn.update("fill", "5", "99", AlpacaStandIn.order("alp-r", cid.value(), "AAPL", "sell", "5", null, "filled", "5", "99")));
        eventually(WAIT, () -> "FILLED".equals(order(cid).status()), "the closing fill recorded");
        brokerPositions = List.of();

        eventually(WAIT, () -> ledger.positions(false).stream().noneMatch(p -> p.symbol().equals("AAPL") && p.quantity().signum() != 0),
                "the ledger flat in AAPL");
        assertThat(differences(host)).isEmpty();
        assertThat(postsOf(cid)).isEqualTo(1);
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        // the broker's 5 booked at 100 and sold at 99: the loss is in the ledger
        assertThat(host.snapshot().orElseThrow().portfolio().realizedPnl()).isEqualByComparingTo("-5");
    }

    @Test
    void the_running_engine_hears_each_trading_mode_change_and_a_start_begins_at_the_modes_size_factor() throws Exception {
        EngineHost host = start();
        assertThat(sizeFactor(host)).as("no mode given: entries as computed").isEqualByComparingTo("1");
        TradingModeState[] mode = {modeState(TradingMode.LIVE, "0.25")};
        org.springframework.beans.factory.support.StaticListableBeanFactory beans = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        beans.addBean("modes", new TradingModes() {
            @Override public TradingModeState current() { return mode[0]; }
            @Override public TradingModeState switchToLive(String confirmation, String reason) { throw new UnsupportedOperationException(); }
            @Override public TradingModeState dropToPaper(String reason) { throw new UnsupportedOperationException(); }
            @Override public TradingModeState raiseSizeFactor(String reason) { throw new UnsupportedOperationException(); }
        });
        LiveSizeFactor live = new LiveSizeFactor(host, beans.getBeanProvider(TradingModes.class));

        live.on(new TradingModeChanged(modeState(TradingMode.PAPER, "1.00"), modeState(TradingMode.LIVE, "0.10")));
        assertThat(sizeFactor(host)).as("LIVE at 10 %").isEqualByComparingTo("0.10");
        live.on(new TradingModeChanged(modeState(TradingMode.LIVE, "0.10"), modeState(TradingMode.PAPER, "1.00")));
        assertThat(sizeFactor(host)).as("back in PAPER").isEqualByComparingTo("1");

        host.sizeFactorFrom(live::current);
        host.restartForNewVenue();
        eventually(WAIT, () -> host.role() == EngineHost.Role.LEADER && host.running() != null && sizeFactorOrZero(host).signum() > 0,
                "the engine running again");
        assertThat(sizeFactor(host)).as("a start reads the mode: LIVE at 25 %").isEqualByComparingTo("0.25");
    }

    private static TradingModeState modeState(TradingMode mode, String factor) {
        return new TradingModeState(mode, new BigDecimal(factor), "admin", OPEN, "test");
    }

    private static BigDecimal sizeFactor(EngineHost host) throws InterruptedException {
        return host.query(io.tradepilot.engine.core.TradingEngine::sizeFactor, WAIT).orElseThrow();
    }

    private static BigDecimal sizeFactorOrZero(EngineHost host) {
        try {
            return sizeFactor(host);
        } catch (RuntimeException | InterruptedException notRunning) {
            return BigDecimal.ZERO;
        }
    }

    /** What reconciliation's comparison finds between the ledger (as the reconciliation module reads it) and the broker. */
    private List<Reconciler.Difference> differences(EngineHost host) {
        Map<String, BigDecimal> positions = new java.util.LinkedHashMap<>();
        for (var p : queries.openPositions()) positions.put(p.symbol(), p.quantity());
        List<Reconciler.LedgerOrder> orders = new ArrayList<>();
        for (LedgerOrder o : queries.orders(true, 1000)) {
            orders.add(new Reconciler.LedgerOrder(o.clientOrderId(), o.symbol(), o.side(), o.quantity(), o.filledQuantity(), o.working()));
        }
        var session = host.running().session;
        return new Reconciler(BigDecimal.ONE).compare(new Reconciler.LedgerSide(positions, orders, null), session.book(),
                session.fillsSince(OPEN.minus(Duration.ofDays(1)))).differences();
    }

    private boolean ledgerPosition(String quantity) {
        return ledger.positions(false).stream().anyMatch(p -> p.symbol().equals("AAPL") && p.quantity().compareTo(new BigDecimal(quantity)) == 0);
    }

    @Test
    void entries_wait_for_the_first_clean_reconciliation_of_the_session_while_exits_would_pass() throws Exception {
        ClientOrderId held = new ClientOrderId("manual:AAPL:9:B:0");
        ClientOrderId after = new ClientOrderId("manual:AAPL:9:B:1");
        stubPlacement(after, "alp-9");
        EngineHost host = start(false, false, true);
        HostReconciliation reconciliation = new HostReconciliation(host);
        var session = reconciliation.session().orElseThrow();

        EngineHost.Decision refused = place(host, held, "10", "100");
        assertThat(refused).isInstanceOfSatisfying(EngineHost.Decision.Rejected.class,
                r -> assertThat(r.message()).contains("awaiting the start-up reconciliation with alpaca account stand-in"));
        reconciliation.reconciled(session, false);                  // differences found: the breaker trips, entries stay held
        assertThat(place(host, new ClientOrderId("manual:AAPL:9:B:2"), "10", "100")).isInstanceOf(EngineHost.Decision.Rejected.class);
        assertThat(alpaca.findAll(postRequestedFor(urlEqualTo("/v2/orders")))).as("nothing sent before reconciliation").isEmpty();

        reconciliation.reconciled(session, true);                   // the books agree
        assertThat(place(host, after, "10", "100")).isInstanceOf(EngineHost.Decision.Accepted.class);
        eventually(WAIT, () -> "alp-9".equals(order(after).venueOrderId()), "the entry sent once the books agree");
        assertThat(postsOf(after)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private EngineHost start() {
        return start(false, false);
    }

    /**
     * A host at a stand-in account.
     *
     * @param live       whether the account is a live (real-money) one
     * @param liveOrders whether the trading mode is LIVE (a live account takes the engine's orders only then)
     */
    private EngineHost start(boolean live, boolean liveOrders) {
        return start(live, liveOrders, false);
    }

    /** @param reconcileFirst whether entries wait for the start-up reconciliation (as in the application) */
    private EngineHost start(boolean live, boolean liveOrders, boolean reconcileFirst) {
        TradingProperties properties = VenueHostFixture.properties(LOCK_KEY, Duration.ofHours(1));
        VenueAccounts accounts = () -> {
            StandInSession s = new StandInSession(config(), clock, live, () -> brokerPositions);
            sessions.add(s);
            return Optional.of(s);
        };
        EngineHost host = new EngineHost(properties, ledger, new LeaderLock(dataSource, LOCK_KEY), gate, controlEvents, controls,
                clock, StrategySwitches.NONE, BarCache.NONE, LeadershipProperties.DEFAULTS, accounts, () -> liveOrders);
        hosts.add(host);
        host.startup.require(reconcileFirst);
        host.start();
        boolean routed = !live || liveOrders;
        eventually(WAIT, () -> host.role() == EngineHost.Role.LEADER && (!routed || stream.listening()),
                "the host leading and the adapter listening");
        StandInSession session = sessions.getLast();
        eventually(WAIT, () -> session.sink != null, "the host streaming bars");
        session.sink.accept(AAPL, bar(OPEN.plus(Duration.ofMinutes(5 * (sessions.size() + 20))), "100"));
        return host;
    }

    private EngineHost.Decision place(EngineHost host, ClientOrderId cid, String qty, String limit) throws InterruptedException {
        return host.placeAndAwait(OrderRequest.limit(cid, StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(Long.parseLong(qty)),
                Price.of(limit), TimeInForce.DAY), WAIT).orElseThrow();
    }

    private LedgerOrder order(ClientOrderId cid) {
        return ledger.ordersWithExchange().stream().map(Map.Entry::getKey).filter(o -> o.clientOrderId().equals(cid.value()))
                .findFirst().orElseThrow();
    }

    /** The POSTs of new orders with {@code cid} in the stand-in's journal. */
    private long postsOf(ClientOrderId cid) {
        List<LoggedRequest> posts = alpaca.findAll(postRequestedFor(urlEqualTo("/v2/orders"))
                .withRequestBody(matchingJsonPath("$.client_order_id", equalTo(cid.value()))));
        return posts.size();
    }

    private void stubPlacement(ClientOrderId cid, String alpacaId) {
        alpaca.stubFor(post(urlEqualTo("/v2/orders")).withRequestBody(matchingJsonPath("$.client_order_id", equalTo(cid.value())))
                .willReturn(okJson(alpacaOrder(alpacaId, cid, "new", "10", "0", null))));
    }

    private AlpacaConfig config() {
        return AlpacaConfig.of(URI.create(alpaca.baseUrl()), KEY, SECRET)
                .withStreamUrl(stream.url())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(100))
                .withGuard(new BrokerCallGuard.Settings(200, Duration.ofSeconds(1), 3, Duration.ofSeconds(30), 3, Duration.ofMillis(20)))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private static Bar bar(Instant start, String price) {
        Price p = Price.of(price);
        return new Bar(start, p, p, p, p, 1000);
    }

    /** A session at the stand-ins whose bar stream is the test's: {@link #sink} is what the host listens on. */
    static final class StandInSession extends AlpacaStandIn.Session {
        volatile BiConsumer<Instrument, Bar> sink;
        private final boolean live;
        private final java.util.function.Supplier<List<BrokerBook.BrokerPosition>> positions;

        StandInSession(AlpacaConfig config, Clock clock, boolean live, java.util.function.Supplier<List<BrokerBook.BrokerPosition>> positions) {
            super(config, clock);
            this.live = live;
            this.positions = positions;
        }

        @Override
        public BrokerBook book() {
            return new BrokerBook(OPEN, java.util.Currency.getInstance("USD"), null, positions.get(), List.of());
        }

        @Override
        public boolean live() {
            return live;
        }

        @Override
        public Optional<Instrument> instrument(String symbol) {
            return symbol.equals(AAPL.symbol()) ? Optional.of(AAPL) : Optional.empty();
        }

        @Override
        public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) {
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < 10; i++) bars.add(bar(OPEN.plus(barSize.multipliedBy(i)), "100"));
            return bars;
        }

        @Override
        public AutoCloseable streamBars(List<Instrument> instruments, Duration barSize, BiConsumer<Instrument, Bar> sink) {
            this.sink = sink;
            return () -> this.sink = null;
        }
    }

    private static String alpacaOrder(String id, ClientOrderId cid, String status, String qty, String filledQty, String avgPrice) {
        return AlpacaStandIn.order(id, cid.value(), "AAPL", "buy", qty, "100", status, filledQty, avgPrice);
    }
}
