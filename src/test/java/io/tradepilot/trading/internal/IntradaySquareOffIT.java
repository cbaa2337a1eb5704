package io.tradepilot.trading.internal;

import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.SquareOffResult;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-of-day square-off closes the intraday strategies' positions only, on real PostgreSQL and
 * Redis: in market time inside the host for an accelerated feed, and on request (the wall-clock job's
 * path, through the write-ahead placement queue) for a real-time feed.
 */
@TestPropertySource(properties = "tradepilot.controls.key-prefix=squareoff-it:")
@DirtiesContext
class IntradaySquareOffIT extends IntegrationTestSupport {

    private static final long LOCK_KEY = 880_002;
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Autowired JooqLedger ledger;
    @Autowired TradingGate gate;
    @Autowired ControlEvents controlEvents;
    @Autowired ControlService controls;
    @Autowired DataSource dataSource;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingQueries queries;

    private final List<EngineHost> hosts = new ArrayList<>();

    @BeforeEach
    void emptyLedgerAndFreshControls() {
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "squareoff-it:");
        TradingFixtures.awaitFreshControls(gate);
    }

    @AfterEach
    void stopHosts() {
        hosts.forEach(EngineHost::stop);
    }

    @Test
    void an_accelerated_feed_squares_off_only_the_intraday_symbols_in_market_time_at_15_25() {
        TradingProperties settings = settings(0, Duration.ofMinutes(5), "5", "15", 4);
        EngineHost host = start(settings);
        eventually(Duration.ofSeconds(120), () -> host.feedFinished() && host.ledgerBacklog() == 0, "the feed to end");

        List<LedgerOrder> engineOrders = queries.orders(false, 1000).stream().filter(o -> o.strategy().equals(StrategyId.ENGINE.value())).toList();
        assertThat(engineOrders).as("square-off orders").isNotEmpty();
        assertThat(engineOrders).allSatisfy(o -> {
            assertThat(o.symbol()).isEqualTo("AAA");
            // placed after the 15:20 bar (it ends at 15:25), filled at the 15:25 bar's open
            assertThat(o.createdAt().atZone(IST).toLocalTime()).isEqualTo(LocalTime.of(15, 20));
            assertThat(o.status()).isEqualTo("FILLED");
        });
        assertThat(engineOrders.stream().map(o -> o.createdAt().atZone(IST).toLocalDate()).distinct().count())
                .as("once a day at most").isEqualTo(engineOrders.size());
        assertThat(queries.orders(false, 1000)).as("the swing strategy traded too")
                .anySatisfy(o -> assertThat(o.symbol()).isEqualTo("BBB"));
        assertThat(new EngineSquareOff(settings, host).squareOffNow("by hand").outcome())
                .as("the wall-clock path defers to market time").isEqualTo(SquareOffResult.Outcome.SKIPPED_MARKET_TIME);
    }

    @Test
    void a_real_time_feed_squares_off_on_request_closing_only_the_intraday_positions() {
        // speed 1 with one-second gaps: real-time pacing; strategies too slow to trade during the test
        TradingProperties settings = settings(1, Duration.ofSeconds(1), "100", "200", 2);
        EngineHost host = startDeferred(settings);
        EngineSquareOff squareOff = new EngineSquareOff(settings, host);
        assertThat(squareOff.squareOffNow("not yet").outcome()).isEqualTo(SquareOffResult.Outcome.SKIPPED_NOT_LEADER);
        host.start();
        eventually(Duration.ofSeconds(20), () -> host.status().barsProcessed() > 0, "the first bars");
        host.send(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("it-buy-aaa"), StrategyId.MANUAL,
                Instrument.nseEquity("AAA"), Side.BUY, Quantity.of(10))));
        host.send(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("it-buy-bbb"), StrategyId.MANUAL,
                Instrument.nseEquity("BBB"), Side.BUY, Quantity.of(20))));
        eventually(Duration.ofSeconds(30), () -> position("AAA").compareTo(BigDecimal.TEN) == 0
                && position("BBB").compareTo(new BigDecimal("20")) == 0, "both positions open");

        SquareOffResult result = squareOff.squareOffNow("end-of-day square-off (test)");

        assertThat(result.outcome()).isEqualTo(SquareOffResult.Outcome.REQUESTED);
        assertThat(result.symbols()).containsExactly("AAA");
        eventually(Duration.ofSeconds(30), () -> position("AAA").signum() == 0, "AAA squared off");
        assertThat(position("BBB")).isEqualByComparingTo("20");
        assertThat(queries.orders(false, 100)).filteredOn(o -> o.strategy().equals(StrategyId.ENGINE.value()))
                .singleElement().satisfies(o -> assertThat(o.symbol()).isEqualTo("AAA"));
    }

    @Test
    void an_intraday_strategy_that_would_re_enter_after_the_square_off_does_not_and_trades_again_the_next_day(@TempDir Path folder)
            throws Exception {
        writeZigZag(folder, 75);
        EngineHost host = start(csvSettings(folder));
        eventually(Duration.ofSeconds(120), () -> host.feedFinished() && host.ledgerBacklog() == 0, "the feed to end");

        assertDoorClosedAfterTheSquareOffAndOpenTheNextDay();
    }

    @Test
    void the_door_stays_closed_after_a_restart_later_on_the_day_of_the_square_off(@TempDir Path folder) throws Exception {
        // first run: day 1 up to the 15:20 bar (it ends at 15:25: the square-off follows it; its order fills at the next bar)
        writeZigZag(folder, 74);
        EngineHost first = start(csvSettings(folder));
        eventually(Duration.ofSeconds(120), () -> first.feedFinished() && first.ledgerBacklog() == 0, "the first run to end");
        first.stop();
        assertThat(queries.orders(true, 100)).as("the square-off's closing order waits for the next bar")
                .singleElement().satisfies(o -> assertThat(o.strategy()).isEqualTo(StrategyId.ENGINE.value()));

        // the restart, same day: the 15:25 bar and day 2 arrive
        writeZigZag(folder, 75);
        EngineHost second = start(csvSettings(folder));
        eventually(Duration.ofSeconds(120), () -> second.feedFinished() && second.ledgerBacklog() == 0, "the second run to end");

        assertThat(second.recovery().mismatches()).isEmpty();
        assertDoorClosedAfterTheSquareOffAndOpenTheNextDay();
    }

    /**
     * The zig-zag makes sma-cross 1/2 buy on every rise and sell on every fall: at 15:25 on day 1 (a rise, flat
     * after the square-off's fill) it asks to enter again, which must be refused; on day 2 it trades again.
     */
    private void assertDoorClosedAfterTheSquareOffAndOpenTheNextDay() {
        LocalDate day1 = LocalDate.of(2025, 1, 6);
        LocalDate day2 = LocalDate.of(2025, 1, 7);
        List<LedgerOrder> intra = queries.orders(false, 1000).stream().filter(o -> o.strategy().equals("intra")).toList();
        assertThat(intra).as("no entry after the cut-off on day 1")
                .noneMatch(o -> o.createdAt().atZone(IST).toLocalDate().equals(day1)
                        && !o.createdAt().atZone(IST).toLocalTime().isBefore(LocalTime.of(15, 25)));
        var refusals = db.fetch("SELECT occurred_at, detail FROM order_event WHERE event_type = 'REJECTED' AND detail LIKE 'AFTER_SQUARE_OFF%'");
        assertThat(refusals).as("the re-entry at 15:25 was refused, each day")
                .extracting(r -> r.get(0, java.time.OffsetDateTime.class).atZoneSameInstant(IST).toLocalDateTime())
                .containsExactlyInAnyOrder(day1.atTime(15, 25), day2.atTime(15, 25));
        assertThat(intra).as("trading again the next day")
                .anyMatch(o -> o.createdAt().atZone(IST).toLocalDate().equals(day2) && o.side().equals("BUY"));
        assertThat(position("AAA")).as("flat after day 2's square-off").isZero();
        assertThat(queries.orders(false, 1000)).filteredOn(o -> o.strategy().equals(StrategyId.ENGINE.value()))
                .extracting(o -> o.createdAt().atZone(IST).toLocalDateTime())
                .containsExactlyInAnyOrder(day1.atTime(15, 20), day2.atTime(15, 20));
    }

    /**
     * {@code AAA.csv}: the full 2025-01-06 session and, when {@code day1Bars} is 75, the full 2025-01-07 one,
     * five-minute bars from 09:15 closing 101, 100, 101, 100, … (every bar's open, high and low at its close).
     */
    private static void writeZigZag(Path folder, int day1Bars) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
        for (LocalDate day : List.of(LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 7))) {
            int bars = day.getDayOfMonth() == 6 ? day1Bars : (day1Bars == 75 ? 75 : 0);
            for (int i = 0; i < bars; i++) {
                String price = i % 2 == 0 ? "101.00" : "100.00";
                csv.append(day.atTime(9, 15).plusMinutes(5L * i).atZone(IST).toOffsetDateTime()
                                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx")))
                        .append(',').append(price).append(',').append(price).append(',').append(price).append(',').append(price)
                        .append(",1000\n");
            }
        }
        Files.writeString(folder.resolve("AAA.csv"), csv);
    }

    private TradingProperties csvSettings(Path folder) {
        var intraday = new TradingProperties.StrategySettings("intra", "sma-cross", List.of("AAA"), new BigDecimal("100"),
                Map.of("fast", "1", "slow", "2"), true);
        var md = new TradingProperties.MarketData(TradingProperties.Source.CSV, 0, Duration.ofMinutes(5),
                Duration.ofMinutes(10), new BigDecimal("0.2"),
                new TradingProperties.Synthetic(7, LocalDate.of(2025, 1, 6), 1), new TradingProperties.Csv(folder, "NSE"));
        return new TradingProperties(true, false, new BigDecimal("1000000"), "INR", IST, LOCK_KEY,
                Duration.ofMillis(100), Duration.ofMillis(200), List.of(intraday),
                new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER), md,
                new TradingProperties.SquareOff(LocalTime.of(15, 25), Duration.ofMinutes(5)));
    }

    private BigDecimal position(String symbol) {
        return queries.openPositions().stream().filter(p -> p.symbol().equals(symbol)).map(p -> p.quantity())
                .findFirst().orElse(BigDecimal.ZERO);
    }

    private TradingProperties settings(double speed, Duration maxGap, String fast, String slow, int days) {
        var intraday = new TradingProperties.StrategySettings("intra", "sma-cross", List.of("AAA"), new BigDecimal("100"),
                Map.of("fast", fast, "slow", slow), true);
        var swing = new TradingProperties.StrategySettings("swing", "sma-cross", List.of("BBB"), new BigDecimal("100"),
                Map.of("fast", fast, "slow", slow), false);
        var md = new TradingProperties.MarketData(TradingProperties.Source.SYNTHETIC, speed, maxGap,
                Duration.ofMinutes(10), new BigDecimal("0.2"),
                new TradingProperties.Synthetic(7, LocalDate.of(2025, 1, 6), days), new TradingProperties.Csv(null, "NSE"));
        return new TradingProperties(true, false, new BigDecimal("1000000"), "INR", IST, LOCK_KEY,
                Duration.ofMillis(100), Duration.ofMillis(200), List.of(intraday, swing),
                new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER), md,
                new TradingProperties.SquareOff(LocalTime.of(15, 25), Duration.ofMinutes(5)));
    }

    private EngineHost startDeferred(TradingProperties properties) {
        EngineHost host = new EngineHost(properties, ledger, new LeaderLock(dataSource, properties.leaderLockKey()), gate,
                controlEvents, controls, clock);
        hosts.add(host);
        return host;
    }

    private EngineHost start(TradingProperties properties) {
        EngineHost host = startDeferred(properties);
        host.start();
        return host;
    }

}
