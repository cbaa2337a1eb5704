package io.tradepilot.controls.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditOutcome;

import io.lettuce.core.ClientOptions;
import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlResult;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.GateDecision;
import io.tradepilot.controls.KillSwitch;
import io.tradepilot.controls.KillSwitchState;
import io.tradepilot.controls.OrderPurpose;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.controls.TradingGate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import redis.embedded.RedisServer;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Redis store against a real Redis: its own embedded server (so that it can be stopped), or
 * with {@code -Dit.external=true} the server of {@code TRADEPILOT_REDIS_URL} (and then without the stop test).
 * Keys get a random prefix so runs never see each other's data.
 */
class RedisControlStoreIT {

    private static final boolean EXTERNAL = Boolean.getBoolean("it.external");
    private static RedisServer server;
    private static String host = "127.0.0.1";
    private static int port;

    private final String prefix = "it-" + UUID.randomUUID() + ":";
    private final Clock clock = Clock.systemUTC();
    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;
    private RedisControlStore store;

    @BeforeAll
    static void startRedis() throws Exception {
        if (EXTERNAL) {
            String url = System.getenv().getOrDefault("TRADEPILOT_REDIS_URL", "redis://127.0.0.1:6379/0");
            var uri = java.net.URI.create(url);
            host = uri.getHost();
            port = uri.getPort() > 0 ? uri.getPort() : 6379;
            return;
        }
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        server.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (server != null && server.isActive()) {
            server.stop();
        }
    }

    @BeforeEach
    void connect() {
        var client = LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2))
                .clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build())
                .build();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port), client);
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        store = new RedisControlStore(redis, JsonMapper.builder().build(), clock, prefix, 1000);
    }

    @AfterEach
    void disconnect() {
        SecurityContextHolder.clearContext();
        connections.destroy();
    }

    private ControlChanged change(int n) {
        return new ControlChanged(Control.KILL_SWITCH, ControlAction.ENGAGE_KILL_SWITCH, "ACTIVE", "ENGAGED",
                "olga", Instant.ofEpochSecond(n), "change " + n, "");
    }

    @Test
    void a_fresh_store_reads_as_everything_clear() {
        var known = store.read().known();

        assertThat(known.killSwitch().state()).isEqualTo(KillSwitchState.ACTIVE);
        assertThat(known.killSwitch().lastChange()).isEmpty();
        assertThat(TradingGate.decide(known, OrderPurpose.ENTRY).allowed()).isTrue();
    }

    @Test
    void a_change_is_stored_with_who_when_why_and_read_back() {
        var engaged = new KillSwitch(KillSwitchState.ENGAGED,
                Optional.of(new io.tradepilot.controls.Change("olga", Instant.ofEpochSecond(7), "broker down")));

        assertThat(store.compareAndSet(Control.KILL_SWITCH, "", engaged, change(7))).isTrue();

        var known = store.read().known();
        assertThat(known.killSwitch()).isEqualTo(engaged);
        assertThat(store.history(Control.KILL_SWITCH, 10)).containsExactly(change(7));
    }

    @Test
    void a_check_and_set_against_a_stale_value_writes_nothing() {
        var engaged = new KillSwitch(KillSwitchState.ENGAGED, Optional.empty());
        store.compareAndSet(Control.KILL_SWITCH, "", engaged, change(1));

        assertThat(store.compareAndSet(Control.KILL_SWITCH, "", KillSwitch.initial(), change(2))).isFalse();

        assertThat(store.read().known().killSwitch()).isEqualTo(engaged);
        assertThat(store.history(Control.KILL_SWITCH, 10)).containsExactly(change(1));
    }

    @Test
    void the_history_keeps_the_newest_thousand_changes_per_control() {
        String raw = "";
        for (int n = 1; n <= 1005; n++) {
            var next = new KillSwitch(n % 2 == 1 ? KillSwitchState.ENGAGED : KillSwitchState.ACTIVE, Optional.empty());
            assertThat(store.compareAndSet(Control.KILL_SWITCH, raw, next, change(n))).isTrue();
            raw = store.read().raw().get(Control.KILL_SWITCH);
        }

        assertThat(redis.opsForList().size(prefix + "kill_switch:history")).isEqualTo(1000);
        var history = store.history(Control.KILL_SWITCH, 5000);
        assertThat(history).hasSize(1000);
        assertThat(history.getFirst()).isEqualTo(change(1005));
        assertThat(history.getLast()).isEqualTo(change(6));
    }

    @Test
    void changes_are_published_in_the_order_they_were_stored() throws Exception {
        var relay = new RedisControlEventRelay(store);
        List<ControlChanged> received = Collections.synchronizedList(new ArrayList<>());
        var done = new CountDownLatch(50);
        relay.subscribe(c -> {
            received.add(c);
            done.countDown();
        });
        var container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setTaskExecutor(Executors.newSingleThreadExecutor());
        container.addMessageListener(relay, new ChannelTopic(store.channel()));
        container.afterPropertiesSet();
        container.start();
        try {
            Thread.sleep(300); // the subscription is set up asynchronously
            String raw = "";
            for (int n = 1; n <= 50; n++) {
                var next = new KillSwitch(n % 2 == 1 ? KillSwitchState.ENGAGED : KillSwitchState.ACTIVE, Optional.empty());
                store.compareAndSet(Control.KILL_SWITCH, raw, next, change(n));
                raw = store.read().raw().get(Control.KILL_SWITCH);
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(received).extracting(c -> c.at().getEpochSecond())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        } finally {
            container.stop();
            container.destroy();
        }
    }

    @Test
    void concurrent_engages_by_many_operators_engage_exactly_once() throws Exception {
        List<AuditEntry> audit = Collections.synchronizedList(new ArrayList<>());
        var service = new ControlService(store, new ControlAuthorization(audit::add), audit::add,
                ControlRules.defaults(), clock);
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        List<Future<ControlResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String user = "operator" + i;
            results.add(pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, "n/a", AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
                start.await();
                return service.engageKillSwitch("everyone saw the same alert");
            }));
        }
        start.countDown();
        List<ControlResult> outcomes = new ArrayList<>();
        for (var f : results) {
            outcomes.add(f.get(20, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(r -> r instanceof ControlResult.Applied).hasSize(1);
        assertThat(outcomes).filteredOn(r -> r instanceof ControlResult.Refused)
                .allSatisfy(r -> assertThat(((ControlResult.Refused) r).refusal().code())
                        .isIn(RefusalCode.ALREADY_ENGAGED, RefusalCode.CONCURRENT_CHANGE));
        assertThat(store.history(Control.KILL_SWITCH, 100)).hasSize(1);
        assertThat(audit).hasSize(8);
    }

    @Test
    void with_redis_stopped_the_state_is_unknown_trading_is_blocked_and_nothing_changes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(EXTERNAL, "stops the embedded server only");
        List<AuditEntry> audit = Collections.synchronizedList(new ArrayList<>());
        var service = new ControlService(store, new ControlAuthorization(audit::add), audit::add,
                ControlRules.defaults(), clock);
        var gate = new TradingGate(service::read, clock);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "olga", "n/a", AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        assertThat(gate.check(OrderPurpose.ENTRY).allowed()).isTrue();

        server.stop();
        try {
            assertThatThrownBy(() -> store.read()).isInstanceOf(ControlStore.ControlStoreUnavailable.class);
            assertThat(service.read()).isInstanceOf(ControlsReading.Unknown.class);
            assertThat(gate.check(OrderPurpose.ENTRY)).isInstanceOf(GateDecision.UnknownBlocked.class);
            assertThat(gate.check(OrderPurpose.EXIT)).isInstanceOf(GateDecision.UnknownBlocked.class);
            assertThat(gate.check(OrderPurpose.CANCEL).allowed()).isTrue();
            var result = service.engageKillSwitch("broker is down");
            assertThat(result).isInstanceOfSatisfying(ControlResult.Refused.class,
                    r -> assertThat(r.refusal().code()).isEqualTo(RefusalCode.STATE_UNAVAILABLE));
            assertThat(audit).last().extracting(AuditEntry::outcome)
                    .isEqualTo(AuditOutcome.FAILED);
        } finally {
            server.start();
        }
        // Lettuce reconnects by itself: the answer comes back without a restart
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!(service.read() instanceof ControlsReading.Known) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(gate.check(OrderPurpose.ENTRY).allowed()).isTrue();
    }
}
