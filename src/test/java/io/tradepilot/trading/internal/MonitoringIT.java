package io.tradepilot.trading.internal;

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's view from outside: {@code /actuator/prometheus} behind an API token, its meters moving while the
 * engine trades an accelerated synthetic market, and the health components ({@code db}, {@code redis},
 * {@code engine}, {@code leader}, {@code feed}, {@code broker}) with their details for a token holder.
 */
@TestPropertySource(properties = {
        "tradepilot.controls.key-prefix=monitoring-it:",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880115",
        "tradepilot.trading.tick=100ms",
        "tradepilot.trading.standby-retry=1h",
        "tradepilot.trading.limits.daily-loss=0",
        "tradepilot.trading.limits.consecutive-losses=0",
        "tradepilot.trading.limits.drawdown=0",
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols[0]=AAA",
        "tradepilot.trading.strategies[0].symbols[1]=BBB",
        "tradepilot.trading.strategies[0].quantity=100",
        "tradepilot.trading.strategies[0].params.fast=5",
        "tradepilot.trading.strategies[0].params.slow=15",
        "tradepilot.trading.marketdata.speed=3000",
        "tradepilot.trading.marketdata.max-gap=5m",
        "tradepilot.trading.marketdata.stale-after=10m",
        "tradepilot.trading.marketdata.synthetic.seed=7",
        "tradepilot.trading.marketdata.synthetic.first-day=2025-01-06",
        "tradepilot.trading.marketdata.synthetic.trading-days=12"})
@DirtiesContext
class MonitoringIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired EngineHost host;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingGate gate;
    @Autowired ControlService controls;

    @BeforeEach
    void startTheHostFromAnEmptyLedger() {
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "monitoring-it:");
        TradingFixtures.awaitFreshControls(gate);
        host.start();
        assertThat(host.role()).isEqualTo(EngineHost.Role.LEADER);
    }

    @AfterEach
    void stopTheHost() {
        host.stop();
    }

    @Test
    void the_scrape_without_a_token_or_with_a_bad_one_is_refused_with_a_401_problem() throws Exception {
        HttpResponse<String> none = api().get("/actuator/prometheus");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(none.body()).path("code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(none.body()).doesNotContain("tradepilot_");

        HttpResponse<String> bad = api("tp_not-a-real-token").get("/actuator/prometheus");
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(bad.body()).path("code").asString()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void a_viewers_token_reads_every_meter_and_the_counters_move_as_the_engine_trades() {
        String token = users.apiToken(users.viewer());
        String first = scrape(token);
        for (String name : List.of("tradepilot_bars_total", "tradepilot_orders_total{outcome=\"accepted\"",
                "tradepilot_orders_total{outcome=\"rejected\"", "tradepilot_rejects_total{reason=\"KILL_SWITCH_ENGAGED\"",
                "tradepilot_fills_total", "tradepilot_bar_to_order_seconds_bucket", "tradepilot_feed_lag_seconds",
                "tradepilot_ledger_backlog", "tradepilot_ledger_write_seconds_bucket",
                "tradepilot_control_state{control=\"kill_switch\"", "tradepilot_control_state{control=\"circuit_breaker\"",
                "tradepilot_control_state{control=\"trading\"", "tradepilot_control_state{control=\"unknown\"",
                "tradepilot_alerts_deliveries_total{channel=\"TELEGRAM\",outcome=\"sent\"",
                "tradepilot_audit_spool_size_bytes")) {
            assertThat(first).as(name).contains(name);
        }
        double fillsBefore = value(first, "tradepilot_fills_total");
        double acceptedBefore = value(first, "tradepilot_orders_total{outcome=\"accepted\"}");

        eventually(Duration.ofSeconds(60), () -> value(scrape(token), "tradepilot_fills_total") > fillsBefore,
                "a fill counted");
        String after = scrape(token);
        assertThat(value(after, "tradepilot_orders_total{outcome=\"accepted\"}")).isGreaterThan(acceptedBefore);
        assertThat(value(after, "tradepilot_bars_total")).isGreaterThan(0);
        assertThat(value(after, "tradepilot_bar_to_order_seconds_count")).isGreaterThan(0);
        assertThat(value(after, "tradepilot_ledger_write_seconds_count")).isGreaterThan(0);
        assertThat(value(after, "tradepilot_feed_lag_seconds")).isBetween(0.0, 60.0);
        assertThat(value(after, "tradepilot_control_state{control=\"kill_switch\"}")).isZero();

        TestUser admin = users.admin();
        users.as(admin, () -> controls.engageKillSwitch("monitoring test engages the kill switch"));
        eventually(Duration.ofSeconds(10), () -> gate.current() instanceof ControlsReading.Known k && k.killSwitch().engaged(),
                "the kill switch engaged");
        assertThat(value(scrape(token), "tradepilot_control_state{control=\"kill_switch\"}")).isEqualTo(1.0);
    }

    @Test
    void the_scrape_time_is_measured() {
        String token = users.apiToken(users.viewer());
        eventually(Duration.ofSeconds(60), () -> value(scrape(token), "tradepilot_fills_total") > 0, "a fill counted");
        List<Long> micros = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            bytes = scrape(token).length();
            micros.add((System.nanoTime() - start) / 1000);
        }
        micros.sort(Long::compare);
        System.out.printf("MEASURED scrape of /actuator/prometheus (%d bytes, 50 scrapes while trading): p50 %.1f ms, "
                        + "p95 %.1f ms, max %.1f ms%n", bytes, micros.get(25) / 1000.0, micros.get(47) / 1000.0,
                micros.get(49) / 1000.0);
        assertThat(bytes).isGreaterThan(1000);
    }

    @Test
    void health_lists_every_component_and_shows_details_only_to_a_token_holder() throws Exception {
        eventually(Duration.ofSeconds(10), () -> host.sinceLastBar().isPresent(), "the first bar");
        HttpResponse<String> anonymous = api().get("/actuator/health");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode components = JSON.readTree(anonymous.body()).path("components");
        for (String name : List.of("db", "redis", "engine", "leader", "feed", "broker")) {
            assertThat(components.path(name).path("status").asString()).as(name).isEqualTo("UP");
        }
        assertThat(components.path("broker").has("details")).isFalse();

        JsonNode detailed = JSON.readTree(api(users.apiToken(users.viewer())).get("/actuator/health").body()).path("components");
        assertThat(detailed.path("broker").path("details").path("accounts").asString()).isEqualTo("none configured");
        assertThat(detailed.path("leader").path("details").path("leader").asBoolean()).isTrue();
        assertThat(detailed.path("feed").path("details").path("secondsSinceLastBar").asDouble()).isBetween(0.0, 60.0);
    }

    private String scrape(String token) {
        HttpResponse<String> response = api(token).get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the first sample whose line starts with {@code series} (a name, or a name and its first labels). */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "[^ ]* ([^ \\n]+)").matcher(scrape);
        assertThat(m.find()).as("a sample of " + series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
