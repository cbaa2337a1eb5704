package io.tradepilot.signals.web;

import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.db.Tables.SIGNAL_EVENT;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TradingState;
import io.tradepilot.signals.CreatedWebhookStrategy;
import io.tradepilot.signals.NewWebhookStrategy;
import io.tradepilot.signals.QuantityMode;
import io.tradepilot.signals.SignalAction;
import io.tradepilot.signals.SignalAdministration;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.internal.EngineHost;
import io.tradepilot.trading.internal.TradingFixtures;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signals end to end over HTTP (real Tomcat, no session, no API token) on real PostgreSQL and Redis, with the
 * context's own engine host trading an accelerated synthetic market: TradingView and ChartInk alerts become orders in
 * the engine attributed to their strategy; malformed, unauthenticated, stale, replayed, unmapped, disallowed and
 * blocked ones are answered with a problem and a stable code, are recorded, and trade nothing.
 */
@TestPropertySource(locations = "classpath:trading/idle-synthetic-engine.properties", properties = {
        "tradepilot.controls.key-prefix=signals-it:",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.leader-lock-key=880120",
        "tradepilot.signals.orders-per-minute=30"})
@DirtiesContext
class SignalWebhookIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final DateTimeFormatter CHARTINK_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);

    @Autowired EngineHost host;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingGate gate;
    @Autowired ControlService controls;
    @Autowired SignalAdministration signals;

    @BeforeEach
    void startTheHostOnFreshControls() {
        // with the stored strategy configurations, which would win over this class's properties
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "signals-it:");
        TradingFixtures.awaitFreshControlsTradingActive(gate);
        host.start();
        assertThat(host.role()).isEqualTo(EngineHost.Role.LEADER);
        eventually(Duration.ofSeconds(10), () -> mark("CCC") != null && mark("DDD") != null, "the first bars");
    }

    @AfterEach
    void stopTheHost() {
        host.stop();
    }

    @Test
    void a_tradingview_alert_with_its_secret_becomes_an_order_in_the_engine_attributed_to_the_strategy() {
        CreatedWebhookStrategy s = create(QuantityMode.FIXED, Map.of("RELIANCE", "CCC"), EnumSet.of(SignalAction.BUY, SignalAction.SELL));
        String id = s.strategy().id();

        HttpResponse<String> answer = post(id, tradingView(s.secret(), "NSE:RELIANCE", "buy", clock.instant()), null, null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        JsonNode receipt = JSON.readTree(answer.body());
        String orderId = receipt.get("orderIds").get(0).asString();
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq(id))).as("one order of the strategy").isEqualTo(1);
        var order = db.selectFrom(TRADE_ORDER).where(TRADE_ORDER.STRATEGY.eq(id)).fetchOne();
        assertThat(order.getSymbol()).isEqualTo("CCC");
        assertThat(order.getSide()).isEqualTo("BUY");
        assertThat(order.getQuantity()).isEqualByComparingTo("3");
        assertThat(order.getClientOrderId()).startsWith(id + ":CCC:");
        eventually(Duration.ofSeconds(10), () -> "FILLED".equals(db.select(TRADE_ORDER.STATUS).from(TRADE_ORDER)
                .where(TRADE_ORDER.STRATEGY.eq(id)).fetchOne(TRADE_ORDER.STATUS)), "the order filled in the engine");
        var recorded = db.selectFrom(SIGNAL_EVENT).where(SIGNAL_EVENT.STRATEGY_ID.eq(id)).fetchOne();
        assertThat(recorded.getOutcome()).isEqualTo("PLACED");
        assertThat(recorded.getOrderIds()).isEqualTo(orderId);
        assertThat(recorded.getFormat()).isEqualTo("TRADINGVIEW");
        assertThat(recorded.getAction()).isEqualTo("BUY");
        assertThat(recorded.getPayload()).as("the secret is not recorded").doesNotContain(s.secret()).contains("\"secret\":\"***\"");
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SIGNAL_RECEIVED").and(AUDIT_EVENT.TARGET.eq("strategy:" + id))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ORDER_STRATEGY").and(AUDIT_EVENT.USERNAME.eq("strategy:" + id))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).as("the order audited like a manual one").isEqualTo(1);

        HttpResponse<String> exit = post(id, tradingView(s.secret(), "RELIANCE", "sell", clock.instant().plusMillis(1)), null, null);
        assertThat(exit.statusCode()).as(exit.body()).isEqualTo(202);
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq(id))).isEqualTo(2);
    }

    @Test
    void a_chartink_alert_places_one_order_per_stock_sized_by_risk_and_a_signed_payload_needs_no_secret_in_it() {
        CreatedWebhookStrategy s = create(QuantityMode.RISK, Map.of("CCC", "CCC", "DDD", "DDD"), EnumSet.of(SignalAction.BUY));
        String id = s.strategy().id();
        String body = "{\"stocks\":\"CCC,DDD\",\"trigger_prices\":\"100,40\",\"triggered_at\":\""
                + CHARTINK_TIME.format(clock.instant().atZone(ZoneId.of("Asia/Kolkata"))).toLowerCase(Locale.ROOT)
                + "\",\"scan_name\":\"Short term breakouts\",\"scan_url\":\"short-term-breakouts\","
                + "\"alert_name\":\"BUY short term breakouts\",\"webhook_url\":\"http://localhost/api/v1/signals/" + id + "\"}";

        HttpResponse<String> answer = post(id, body, s.secret(), null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        // risk 50 with a 1 % stop: 50 / (100 x 1 %) = 50 CCC, 50 / (40 x 1 %) = 125 DDD
        assertThat(db.select(TRADE_ORDER.SYMBOL, TRADE_ORDER.QUANTITY).from(TRADE_ORDER).where(TRADE_ORDER.STRATEGY.eq(id))
                .fetchMap(TRADE_ORDER.SYMBOL, TRADE_ORDER.QUANTITY))
                .hasEntrySatisfying("CCC", q -> assertThat(q).isEqualByComparingTo("50"))
                .hasEntrySatisfying("DDD", q -> assertThat(q).isEqualByComparingTo("125"));
        assertThat(db.selectFrom(SIGNAL_EVENT).where(SIGNAL_EVENT.STRATEGY_ID.eq(id)).fetchOne().getFormat()).isEqualTo("CHARTINK");

        String signed = tradingView(null, "CCC", "buy", clock.instant());
        HttpResponse<String> answered = post(id, signed, null, "sha256=" + hmac(s.secret(), signed));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq(id))).isEqualTo(3);
    }

    @Test
    void malformed_unauthenticated_stale_replayed_unmapped_disallowed_and_blocked_signals_trade_nothing_and_are_recorded() {
        CreatedWebhookStrategy s = create(QuantityMode.FIXED, Map.of("RELIANCE", "CCC"), EnumSet.of(SignalAction.BUY, SignalAction.SELL));
        String id = s.strategy().id();
        String secret = s.secret();
        Instant now = clock.instant();

        expect(post(id, "{\"secret\":\"" + secret + "\", not json", null, null), 400, "MALFORMED_SIGNAL");
        expect(post(id, "{\"secret\":\"" + secret + "\",\"action\":\"buy\",\"time\":\"" + now + "\"}", null, null), 400, "MALFORMED_SIGNAL");
        expect(post(id, "{\"secret\":\"" + secret + "\",\"ticker\":\"RELIANCE\",\"action\":\"buy\"}", null, null), 400, "MISSING_TIME");
        expect(post(id, tradingView(null, "RELIANCE", "buy", now), null, null), 401, "BAD_SECRET");
        expect(post(id, tradingView(secret + "x", "RELIANCE", "buy", now), null, null), 401, "BAD_SECRET");
        expect(post(id, tradingView(null, "RELIANCE", "buy", now), "wrong", null), 401, "BAD_SECRET");
        expect(post(id, tradingView(null, "RELIANCE", "buy", now), null, "sha256=" + "00".repeat(32)), 401, "BAD_SECRET");
        expect(post("no-such-strategy", tradingView(secret, "RELIANCE", "buy", now), null, null), 404, "UNKNOWN_STRATEGY");
        expect(post(id, tradingView(secret, "RELIANCE", "buy", now.minusSeconds(300)), null, null), 409, "STALE_SIGNAL");
        expect(post(id, tradingView(secret, "RELIANCE", "buy", now.plusSeconds(300)), null, null), 409, "STALE_SIGNAL");
        expect(post(id, tradingView(secret, "INFY", "buy", now.plusMillis(1)), null, null), 422, "UNKNOWN_SYMBOL");
        expect(post(id, tradingView(secret, "RELIANCE", "short", now.plusMillis(2)), null, null), 422, "ACTION_NOT_ALLOWED");
        String chartInkOld = "{\"stocks\":\"RELIANCE\",\"trigger_prices\":\"100\",\"triggered_at\":\""
                + CHARTINK_TIME.format(now.minus(Duration.ofMinutes(10)).atZone(ZoneId.of("Asia/Kolkata"))) + "\",\"scan_name\":\"x\",\"alert_name\":\"BUY x\"}";
        expect(post(id, chartInkOld, secret, null), 409, "STALE_SIGNAL");

        String once = tradingView(secret, "RELIANCE", "buy", now.plusMillis(3));
        assertThat(post(id, once, null, null).statusCode()).isEqualTo(202);
        expect(post(id, once, null, null), 409, "DUPLICATE_SIGNAL");
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq(id))).as("the replay traded nothing").isEqualTo(1);

        users.as(users.operator(), () -> controls.pause("signals test pauses trading"));
        eventually(Duration.ofSeconds(5), () -> gate.current() instanceof ControlsReading.Known k && k.trading().state() != TradingState.ACTIVE,
                "trading paused");
        expect(post(id, tradingView(secret, "RELIANCE", "buy", now.plusMillis(4)), null, null), 409, "TRADING_BLOCKED");
        users.as(users.operator(), () -> controls.resume("signals test resumes trading"));

        users.as(users.admin(), () -> signals.setEnabled(id, false));
        expect(post(id, tradingView(secret, "RELIANCE", "buy", now.plusMillis(5)), null, null), 409, "STRATEGY_DISABLED");

        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq(id))).as("only the one good signal traded").isEqualTo(1);
        Map<String, Integer> outcomes = db.select(SIGNAL_EVENT.OUTCOME, org.jooq.impl.DSL.count()).from(SIGNAL_EVENT)
                .where(SIGNAL_EVENT.STRATEGY_ID.eq(id)).groupBy(SIGNAL_EVENT.OUTCOME).fetchMap(SIGNAL_EVENT.OUTCOME, org.jooq.impl.DSL.count());
        assertThat(outcomes).containsEntry("PLACED", 1).containsEntry("MALFORMED", 3).containsEntry("REFUSED", 12);
        assertThat(db.fetchCount(SIGNAL_EVENT, SIGNAL_EVENT.STRATEGY_ID.eq("no-such-strategy").and(SIGNAL_EVENT.CODE.eq("UNKNOWN_STRATEGY"))))
                .isEqualTo(1);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SIGNAL_RECEIVED").and(AUDIT_EVENT.TARGET.eq("strategy:" + id))
                .and(AUDIT_EVENT.OUTCOME.eq("DENIED")).and(AUDIT_EVENT.USERNAME.eq("anonymous")))).as("bad secrets audited").isEqualTo(4);
        assertThat(db.selectFrom(SIGNAL_EVENT).where(SIGNAL_EVENT.STRATEGY_ID.eq(id)).fetch(SIGNAL_EVENT.PAYLOAD))
                .as("no recorded payload holds the secret").noneMatch(p -> p.contains(secret));
    }

    @Test
    void a_strategys_orders_are_rate_limited_and_only_an_admin_creates_or_disables_strategies() {
        CreatedWebhookStrategy s = create(QuantityMode.FIXED, Map.of("CCC", "CCC"), EnumSet.of(SignalAction.BUY, SignalAction.SELL));
        String id = s.strategy().id();
        Instant now = clock.instant();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = post(id, tradingView(s.secret(), "CCC", i % 2 == 0 ? "buy" : "sell", now.plusMillis(i)), null, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }
        expect(post(id, tradingView(s.secret(), "CCC", "buy", now.plusMillis(31)), null, null), 429, "RATE_LIMITED");
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq(id))).isEqualTo(30);

        assertThatThrownBy(() -> users.as(users.operator(), () -> signals.create(request("op-" + SEQUENCE.incrementAndGet(), QuantityMode.FIXED,
                Map.of("CCC", "CCC"), EnumSet.of(SignalAction.BUY))))).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> users.as(users.viewer(), () -> signals.setEnabled(id, false))).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.like("SIGNAL_CONFIG_%").and(AUDIT_EVENT.OUTCOME.eq("DENIED"))))
                .isGreaterThanOrEqualTo(2);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("SIGNAL_STRATEGY_CREATED").and(AUDIT_EVENT.TARGET.eq("strategy:" + id))
                .and(AUDIT_EVENT.OUTCOME.eq("SUCCESS")))).isEqualTo(1);
        assertThat(users.as(users.viewer(), () -> signals.strategies())).extracting(w -> w.id()).contains(id);
    }

    /**
     * The webhook's latency, request sent to the answer that the engine accepted the order (the write-ahead record
     * committed), over 240 signals after 40 of warm-up: printed, not asserted (see docs/signals.md).
     */
    @Test
    void latency_from_request_to_order_accepted_is_measured() {
        int warmUp = 40;
        int measured = 240;
        List<CreatedWebhookStrategy> strategies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            strategies.add(create(QuantityMode.FIXED, Map.of("CCC", "CCC"), EnumSet.of(SignalAction.BUY, SignalAction.SELL)));
        }
        Instant now = clock.instant();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < warmUp + measured; i++) {
            CreatedWebhookStrategy s = strategies.get(i % strategies.size());
            String body = tradingView(s.secret(), "CCC", (i / strategies.size()) % 2 == 0 ? "buy" : "sell", now.plusMillis(i));
            long start = System.nanoTime();
            HttpResponse<String> r = post(s.strategy().id(), body, null, null);
            long took = (System.nanoTime() - start) / 1000;
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            if (i >= warmUp) micros.add(took);
        }
        Collections.sort(micros);
        System.out.printf(Locale.ROOT, "SIGNAL LATENCY request->order accepted over %d signals: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                micros.size(), micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() * 9 / 10) / 1000.0,
                micros.get(micros.size() * 99 / 100) / 1000.0, micros.getLast() / 1000.0);
    }

    // ------------------------------------------------------------------------------ helpers

    private CreatedWebhookStrategy create(QuantityMode mode, Map<String, String> symbols, Set<SignalAction> actions) {
        String id = "it-" + SEQUENCE.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        return users.as(users.admin(), () -> signals.create(request(id, mode, symbols, actions)));
    }

    private static NewWebhookStrategy request(String id, QuantityMode mode, Map<String, String> symbols, Set<SignalAction> actions) {
        return new NewWebhookStrategy(id, "IT " + id, symbols, mode, mode == QuantityMode.FIXED ? new BigDecimal("3") : null,
                mode == QuantityMode.RISK ? new BigDecimal("50") : null, mode == QuantityMode.RISK ? BigDecimal.ONE : null, actions, true);
    }

    private static String tradingView(String secret, String ticker, String action, Instant time) {
        return "{" + (secret == null ? "" : "\"secret\":\"" + secret + "\",") + "\"ticker\":\"" + ticker + "\",\"action\":\"" + action
                + "\",\"contracts\":\"1\",\"price\":\"100.5\",\"timenow\":\"" + time + "\"}";
    }

    private HttpResponse<String> post(String strategyId, String body, String secretParam, String signature) {
        HttpRequest.Builder request = api().request("/api/v1/signals/" + strategyId + (secretParam == null ? "" : "?secret=" + secretParam))
                .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) request.header("X-Signature", signature);
        return api().send(request);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo(code);
        return response;
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private BigDecimal mark(String symbol) {
        return TradingFixtures.mark(host, symbol);
    }
}
