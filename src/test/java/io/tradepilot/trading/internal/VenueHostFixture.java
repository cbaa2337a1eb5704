package io.tradepilot.trading.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tradepilot.controls.TradingGate;
import org.jooq.DSLContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * What the host's tests at a stand-in Alpaca account share ({@link VenueHostIT}, {@link SessionTradeBarsIT}): a clean
 * start (empty ledger, the test's controls keys deleted, fresh controls) with WireMock as Alpaca's REST APIs, and the
 * trading settings of one AAPL strategy that cannot trade on a test's few bars (only the test's orders reach the venue).
 */
final class VenueHostFixture {

    private VenueHostFixture() { }

    /** Empties the ledger and the controls under {@code keyPrefix}, then starts a WireMock on a free local port. */
    static WireMockServer cleanStartWithStandIn(DSLContext db, StringRedisTemplate redis, TradingGate gate, String keyPrefix) {
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, keyPrefix);
        TradingFixtures.awaitFreshControls(gate);
        WireMockServer alpaca = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        return alpaca;
    }

    /** USD, New York, 5-minute bars, one sma-cross AAPL strategy (fast 50, slow 200), silence stale after {@code staleAfter}. */
    static TradingProperties properties(long lockKey, Duration staleAfter) {
        var strategy = new TradingProperties.StrategySettings(null, "sma-cross", List.of("AAPL"), new BigDecimal("1"),
                Map.of("fast", "50", "slow", "200"));
        var md = new TradingProperties.MarketData(TradingProperties.Source.SYNTHETIC, 0, Duration.ofMinutes(5),
                staleAfter, new BigDecimal("0.2"),
                new TradingProperties.Synthetic(7, LocalDate.of(2024, 1, 2), 1), new TradingProperties.Csv(null, "NASDAQ"));
        return new TradingProperties(true, false, new BigDecimal("100000"), "USD", ZoneId.of("America/New_York"), lockKey,
                Duration.ofMillis(100), Duration.ofMillis(200), List.of(strategy),
                new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER), md);
    }
}
