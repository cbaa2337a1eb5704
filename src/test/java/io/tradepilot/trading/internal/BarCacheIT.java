package io.tradepilot.trading.internal;

import static io.tradepilot.testing.Eventually.eventuallyDespiteErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.MarketDataUnavailableException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Redis bar cache fed by the hosted engine's feed, on real PostgreSQL and Redis: capped per symbol,
 * exact, served by {@link MarketDataQueries} and {@code GET /api/v1/bars/{symbol}}, and never in the
 * engine's way when Redis is gone.
 */
@TestPropertySource(properties = {"tradepilot.controls.key-prefix=barcache-it:", "tradepilot.trading.bar-cache.key-prefix=barcache-it:bars:",
        "tradepilot.trading.bar-cache.history=100"})
@DirtiesContext
class BarCacheIT extends IntegrationTestSupport {

    private static final long LOCK_KEY = 880_002;

    @Autowired JooqLedger ledger;
    @Autowired TradingGate gate;
    @Autowired ControlEvents controlEvents;
    @Autowired ControlService controls;
    @Autowired DataSource dataSource;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired RedisBarCache cache;
    @Autowired MarketDataQueries marketData;

    private final List<EngineHost> hosts = new ArrayList<>();

    @BeforeEach
    void emptyLedgerAndCache() {
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "barcache-it:");
    }

    @AfterEach
    void stopHosts() {
        hosts.forEach(EngineHost::stop);
    }

    @Test
    void the_feed_fills_a_capped_exact_history_per_symbol_that_the_query_and_the_api_serve() {
        EngineHost host = start();
        eventuallyDespiteErrors(Duration.ofSeconds(90), () -> host.feedFinished() && cache.backlog() == 0
                && marketData.recentBars("BBB", 1000).size() == 100, "the feed to end and the cache to hold 100 bars of BBB");

        BarSeries aaa = series("AAA");
        List<CachedBar> bars = marketData.recentBars("AAA", 1000);
        assertThat(bars).as("capped at the configured history").hasSize(100);
        for (int j = 0; j < bars.size(); j++) {
            int k = aaa.size() - 100 + j;
            CachedBar b = bars.get(j);
            assertThat(b.start()).isEqualTo(Instant.ofEpochMilli(aaa.startMillis(k)));
            assertThat(b.open()).isEqualTo(aaa.decimal(aaa.open(k)));
            assertThat(b.high()).isEqualTo(aaa.decimal(aaa.high(k)));
            assertThat(b.low()).isEqualTo(aaa.decimal(aaa.low(k)));
            assertThat(b.close()).as("exact, scale kept").isEqualTo(aaa.decimal(aaa.close(k)));
            assertThat(b.volume()).isEqualTo(aaa.volume(k));
        }
        assertThat(marketData.recentBars("AAA", 3)).isEqualTo(bars.subList(97, 100));
        assertThat(marketData.latestClose("AAA")).contains(aaa.decimal(aaa.close(aaa.size() - 1)));
        assertThat(marketData.recentBars("NEVER-SEEN", 10)).isEmpty();
        assertThat(marketData.latestClose("NEVER-SEEN")).isEmpty();
        assertThatThrownBy(() -> marketData.recentBars("no spaces", 10)).isInstanceOf(IllegalArgumentException.class);

        String token = users.apiToken(users.viewer());
        var response = api(token).get("/api/v1/bars/AAA?limit=2");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"symbol\":\"AAA\"").contains("\"close\":" + bars.getLast().close().toPlainString());
        assertThat(api(token).get("/api/v1/bars/A$B?limit=2").statusCode()).isEqualTo(400);
        assertThat(api(token).get("/api/v1/bars/AAA?limit=x").statusCode()).isEqualTo(400);
        assertThat(api().get("/api/v1/bars/AAA").statusCode()).isEqualTo(401);
    }

    @Test
    void with_redis_gone_the_engine_runs_on_the_cache_drops_and_it_recovers_when_redis_is_back() {
        String token = users.apiToken(users.viewer());
        long droppedBefore = cache.dropped();
        try (var outage = redisOutage()) {
            EngineHost host = start();
            eventuallyDespiteErrors(Duration.ofSeconds(90), () -> host.feedFinished() && host.ledgerBacklog() == 0,
                    "the feed to end and the ledger to catch up without Redis");
            assertThat(host.snapshot().orElseThrow().barsProcessed()).isEqualTo(series("AAA").size() + series("BBB").size());
            eventuallyDespiteErrors(Duration.ofSeconds(30), () -> cache.backlog() == 0, "the cache writer to drop what it could not write");
            assertThat(cache.dropped()).isGreaterThan(droppedBefore);
            assertThatThrownBy(() -> marketData.recentBars("AAA", 5)).isInstanceOf(MarketDataUnavailableException.class);
            assertThat(api(token).get("/api/v1/bars/AAA?limit=2").statusCode()).isEqualTo(503);
            host.stop();
        }

        TradingFixtures.emptyLedger(db);
        EngineHost again = start();
        eventuallyDespiteErrors(Duration.ofSeconds(90), () -> again.feedFinished() && cache.backlog() == 0, "the feed to end after the outage");
        BarSeries aaa = series("AAA");
        assertThat(marketData.recentBars("AAA", 1000)).as("the cache filled again").hasSize(100);
        assertThat(marketData.latestClose("AAA")).contains(aaa.decimal(aaa.close(aaa.size() - 1)));
    }

    // ------------------------------------------------------------------------------ helpers

    private TradingProperties settings() {
        var strategy = new TradingProperties.StrategySettings(null, "sma-cross", List.of("AAA", "BBB"), new BigDecimal("100"),
                Map.of("fast", "5", "slow", "15"));
        var md = new TradingProperties.MarketData(TradingProperties.Source.SYNTHETIC, 0, Duration.ofMinutes(5),
                Duration.ofMinutes(10), new BigDecimal("0.2"),
                new TradingProperties.Synthetic(7, LocalDate.of(2025, 1, 6), 4), new TradingProperties.Csv(null, "NSE"));
        return new TradingProperties(true, false, new BigDecimal("1000000"), "INR", ZoneId.of("Asia/Kolkata"), LOCK_KEY,
                Duration.ofMillis(100), Duration.ofMillis(200), List.of(strategy),
                new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER), md);
    }

    private BarSeries series(String symbol) {
        return BarSource.load(settings(), List.of(symbol)).series().get(Instrument.nseEquity(symbol));
    }

    private EngineHost start() {
        TradingProperties properties = settings();
        EngineHost host = new EngineHost(properties, ledger, new LeaderLock(dataSource, properties.leaderLockKey()), gate,
                controlEvents, controls, clock, cache);
        hosts.add(host);
        host.start();
        return host;
    }

}
