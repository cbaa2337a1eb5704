package io.tradepilot.trading.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.tradepilot.testing.ChildApplication;
import io.tradepilot.testing.IntegrationTestSupport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the real application (its own JVM, {@link StandInVenueApplication}) while its orders are working at
 * a stand-in Alpaca (WireMock with a small order book, {@link StandInBook}). After the restart no order reached the venue twice (WireMock's
 * journal: one POST per client order id), the orders working at the kill were resolved by client order id, and the
 * ledger equals the venue: every order the venue holds is in the ledger with the venue's id, and every order of the
 * ledger that the venue does not hold was rejected (recorded, never sent).
 */
class VenueKillNineIT extends IntegrationTestSupport {

    private static final String BY_CID = "/v2/orders:by_client_order_id";

    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;

    private final List<Process> processes = new ArrayList<>();
    private WireMockServer alpaca;
    private final StandInBook book = new StandInBook();

    @AfterEach
    void stop() {
        for (Process p : processes) p.destroyForcibly();
        if (alpaca != null) alpaca.stop();
    }

    @Test
    void after_kill_9_with_orders_working_at_the_venue_no_order_is_sent_twice_and_the_ledger_equals_the_venue() throws Exception {
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "venue9-it:");
        alpaca = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(book));
        alpaca.start();
        alpaca.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));

        List<String> firstLog = new CopyOnWriteArrayList<>();
        Process first = startApplication("first", firstLog);
        await(Duration.ofMinutes(4), () -> !book.working.isEmpty() && book.orders.size() >= 4 && acknowledged() >= 3,
                "orders working and filled at the venue, acknowledged in the ledger", first, firstLog);
        first.destroyForcibly();   // SIGKILL
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        Set<String> workingAtKill = cids("ACCEPTED");
        int ordersAtKill = db.fetchCount(TRADE_ORDER);

        List<String> secondLog = new CopyOnWriteArrayList<>();
        Process second = startApplication("second", secondLog);
        await(Duration.ofMinutes(3), () -> secondLog.stream().anyMatch(l -> l.contains("Engine started as leader:")
                        && l.contains("at the alpaca account stand-in")),
                "the second process to start its engine at the stand-in account", second, secondLog);
        await(Duration.ofMinutes(2), () -> book.lookedUp.containsAll(workingAtKill),
                "every order working at the kill looked up by its client order id", second, secondLog);
        await(Duration.ofMinutes(3), () -> db.fetchCount(TRADE_ORDER) >= ordersAtKill + 4,
                "trading carrying on after the restart", second, secondLog);
        // the stand-in market ends after 60 days: then nothing is in flight, and the ledger must equal the venue
        await(Duration.ofMinutes(4), quietFor(Duration.ofSeconds(5)), "the market to end and nothing to be in flight", second, secondLog);
        assertThat(ledgerAgainstVenue()).as("the ledger against the venue").isEmpty();
        second.destroy();          // SIGTERM
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("the second process ends").isTrue();

        assertThat(workingAtKill).as("orders working at the kill").isNotEmpty();
        assertThat(book.posts).as("POSTs per client order id").allSatisfy((cid, n) -> assertThat(n).as(cid).isEqualTo(1));
        assertThat(ledgerAgainstVenue()).isEmpty();
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STATUS.eq("FILLED"))).as("orders filled at the venue").isPositive();
    }

    /**
     * Where the ledger and the venue disagree, in words: every order the venue holds must be in the ledger with the
     * venue's id and state (working: ACCEPTED, filled: FILLED); every other order of the ledger must be rejected (recorded,
     * never sent).
     */
    private List<String> ledgerAgainstVenue() {
        Map<String, String> ledger = new HashMap<>();
        db.selectFrom(TRADE_ORDER).forEach(r -> ledger.put(r.getClientOrderId(), r.getStatus() + " " + r.getVenueOrderId()));
        List<String> out = new ArrayList<>();
        book.orders.forEach((cid, id) -> {
            String expected = (book.working.contains(cid) ? "ACCEPTED " : "FILLED ") + id;
            if (!expected.equals(ledger.get(cid))) out.add(cid + ": venue " + expected + ", ledger " + ledger.get(cid));
        });
        ledger.forEach((cid, row) -> {
            if (!book.orders.containsKey(cid) && !row.startsWith("REJECTED")) out.add(cid + ": not at the venue, ledger " + row);
        });
        return out;
    }

    /** True once neither the ledger nor the venue changed for {@code quiet} (nothing in flight; the market ended). */
    private BooleanSupplier quietFor(Duration quiet) {
        long[] since = {System.nanoTime()};
        String[] last = {""};
        return () -> {
            String now = db.fetchCount(TRADE_ORDER) + "/" + db.fetchCount(io.tradepilot.db.Tables.ORDER_EVENT) + "/" + book.posts;
            if (!now.equals(last[0])) {
                last[0] = now;
                since[0] = System.nanoTime();
            }
            return System.nanoTime() - since[0] > quiet.toNanos();
        };
    }

    private int acknowledged() {
        return db.fetchCount(TRADE_ORDER, TRADE_ORDER.VENUE_ORDER_ID.isNotNull());
    }

    private Set<String> cids(String status) {
        return new HashSet<>(db.select(TRADE_ORDER.CLIENT_ORDER_ID).from(TRADE_ORDER).where(TRADE_ORDER.STATUS.eq(status))
                .fetch(TRADE_ORDER.CLIENT_ORDER_ID));
    }

    /**
     * Alpaca's order book as far as the test needs it: {@code POST /v2/orders} books the order ({@code id} =
     * {@code alp-<n>}) and answers it — orders of {@link #HELD} symbols stay {@code new} (working), the others are
     * {@code filled} at once at 100 — counting POSTs per client order id (a second POST of an id is refused 422 as at
     * Alpaca); {@code GET /v2/orders:by_client_order_id} answers a booked order as booked, else 404; the FILL
     * activities are empty (the adapter then reports a filled order's rest at its average price).
     */
    static final class StandInBook implements ResponseDefinitionTransformerV2 {
        static final Set<String> HELD = Set.of("VA", "VB");
        private static final JsonMapper JSON = JsonMapper.builder().build();
        /** Client order id → the venue's id. */
        final Map<String, String> orders = new ConcurrentHashMap<>();
        /** Client order id → the order as the venue answers it. */
        final Map<String, String> answers = new ConcurrentHashMap<>();
        final Set<String> working = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> posts = new ConcurrentHashMap<>();
        final Set<String> lookedUp = ConcurrentHashMap.newKeySet();

        @Override
        public String getName() {
            return "stand-in-alpaca-book";
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent event) {
            var request = event.getRequest();
            String url = request.getUrl();
            String method = request.getMethod().getName();
            if (method.equals("POST") && url.equals("/v2/orders")) {
                var body = JSON.readTree(request.getBodyAsString());
                String cid = body.get("client_order_id").asString();
                posts.merge(cid, 1, Integer::sum);
                if (orders.containsKey(cid)) return json(422, "{\"code\":40010001,\"message\":\"client_order_id must be unique\"}");
                String id = "alp-" + (orders.size() + 1);
                String symbol = body.get("symbol").asString();
                boolean held = HELD.contains(symbol);
                String qty = body.get("qty").asString();
                orders.put(cid, id);
                if (held) working.add(cid);
                answers.put(cid, AlpacaStandIn.order(id, cid, symbol, body.get("side").asString(), qty, null, held ? "new" : "filled",
                        held ? "0" : qty, held ? null : "100"));
                return json(200, answers.get(cid));
            }
            if (method.equals("GET") && url.startsWith(BY_CID)) {
                String cid = request.queryParameter("client_order_id").firstValue();
                lookedUp.add(cid);
                String answer = answers.get(cid);
                return answer == null ? json(404, "{\"code\":40410000,\"message\":\"order not found\"}") : json(200, answer);
            }
            if (method.equals("GET") && url.startsWith("/v2/account/activities")) return json(200, "[]");
            return event.getResponseDefinition();
        }

        private static ResponseDefinition json(int status, String body) {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body).build();
        }
    }

    // ------------------------------------------------------------------------------ the application process

    private Process startApplication(String name, List<String> log) throws IOException {
        Process p = ChildApplication.start(Path.of("target", "venue-kill9-it"), name,
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dstandin.alpaca=" + alpaca.baseUrl()),
                StandInVenueApplication.class.getName(), List.of(
                        "--server.port=" + ChildApplication.freePort(),
                        "--tradepilot.controls.key-prefix=venue9-it:",
                        "--tradepilot.trading.bar-cache.key-prefix=venue9-it:bars:",
                        "--tradepilot.trading.enabled=true",
                        "--tradepilot.trading.leader-lock-key=880081",
                        "--tradepilot.trading.currency=USD",
                        "--tradepilot.trading.market-zone=America/New_York",
                        "--tradepilot.trading.limits.daily-loss=0",
                        "--tradepilot.trading.limits.consecutive-losses=0",
                        "--tradepilot.trading.limits.drawdown=0",
                        // six symbols, two of them held working at the stand-in: working entries count as open
                        // positions, so the default of 3 would throttle the trading this test needs after the restart
                        "--tradepilot.trading.limits.max-open-positions=10",
                        // the stand-in market trades New York hours (the default window is NSE's, in IST)
                        "--tradepilot.trading.limits.trading-hours.zone=America/New_York",
                        "--tradepilot.trading.limits.trading-hours.entry-from=09:30",
                        "--tradepilot.trading.limits.trading-hours.entry-until=15:50",
                        "--tradepilot.trading.limits.trading-hours.exit-until=16:00",
                        "--tradepilot.trading.strategies[0].name=sma-cross",
                        "--tradepilot.trading.strategies[0].symbols=VA,VB,VC,VD,VE,VF",
                        "--tradepilot.trading.strategies[0].quantity=10",
                        "--tradepilot.trading.strategies[0].params.fast=5",
                        "--tradepilot.trading.strategies[0].params.slow=15",
                        "--tradepilot.trading.marketdata.speed=0",
                        "--tradepilot.trading.marketdata.stale-after=10m",
                        // this test is about placements across a kill -9, not about agreeing with the broker's book: the
                        // stand-in has no positions or cash endpoints, and a mismatch would trip the breaker at start
                        "--tradepilot.reconciliation.enabled=false"), log);
        processes.add(p);
        return p;
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what, Process process, List<String> log) {
        ChildApplication.await(timeout, condition, what, process, log);
    }
}
