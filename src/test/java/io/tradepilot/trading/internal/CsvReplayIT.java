package io.tradepilot.trading.internal;

import static io.tradepilot.testing.Eventually.eventually;
import static io.tradepilot.db.Tables.FEED_CHECKPOINT;
import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.ROUND_TRIP;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.portfolio.PositionSnapshot;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's own engine host configured for a CSV replay ({@code marketdata.source=csv}) of a
 * small fixture folder (three symbols, two sessions of 5-minute bars), at full speed: every bar reaches
 * the engine, the strategies trade, the ledger matches the engine exactly and the feed reports its end.
 * The host does not start with the context (auto-startup off) so that the test can empty the shared
 * ledger first.
 */
@TestPropertySource(properties = {
        "tradepilot.controls.key-prefix=csv-replay-it:",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880003",
        "tradepilot.trading.limits.daily-loss=0",
        "tradepilot.trading.limits.consecutive-losses=0",
        "tradepilot.trading.limits.drawdown=0",
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols=ALPHA,BRAVO,CHARLIE",
        "tradepilot.trading.strategies[0].quantity=10",
        "tradepilot.trading.strategies[0].params.fast=5",
        "tradepilot.trading.strategies[0].params.slow=15",
        "tradepilot.trading.marketdata.source=csv",
        "tradepilot.trading.marketdata.csv.folder=target/test-classes/replay/nse-5min",
        "tradepilot.trading.marketdata.csv.exchange=NSE",
        "tradepilot.trading.marketdata.speed=0",
        "tradepilot.trading.marketdata.stale-after=10m",
        "tradepilot.trading.bar-cache.key-prefix=csv-replay-it:bars:"})
@DirtiesContext
class CsvReplayIT extends IntegrationTestSupport {

    private static final Path FOLDER = Path.of("target/test-classes/replay/nse-5min");

    @Autowired EngineHost host;
    @Autowired JooqLedger ledger;
    @Autowired DSLContext db;
    @Autowired TradingQueries queries;

    @Test
    void a_csv_folder_replays_at_full_speed_the_strategies_trade_and_the_ledger_matches_the_engine() throws Exception {
        TradingFixtures.emptyLedger(db);
        Map<String, List<String>> files = new HashMap<>();
        for (String symbol : List.of("ALPHA", "BRAVO", "CHARLIE")) {
            files.put(symbol, Files.readAllLines(FOLDER.resolve(symbol + ".csv")).stream().skip(1).filter(l -> !l.isBlank()).toList());
        }
        int bars = files.values().stream().mapToInt(List::size).sum();

        host.start();
        assertThat(host.role()).isEqualTo(EngineHost.Role.LEADER);
        eventually(Duration.ofSeconds(90), () -> host.feedFinished() && host.ledgerBacklog() == 0,
                "the replay to end and the ledger to catch up");
        EngineSnapshot snapshot = host.snapshot().orElseThrow();

        assertThat(snapshot.barsProcessed()).as("every bar of every file").isEqualTo(bars);
        assertThat(db.fetchCount(TRADE_ORDER)).as("orders").isGreaterThan(3);
        assertThat(db.fetchCount(ROUND_TRIP)).as("round trips").isGreaterThan(1);
        assertThat(db.fetchCount(FILL)).isGreaterThanOrEqualTo(db.fetchCount(ROUND_TRIP));
        for (var e : files.entrySet()) {
            String last = e.getValue().getLast();
            Instant lastStart = OffsetDateTime.parse(last.substring(0, last.indexOf(',')).replace("+05:30", ":00+05:30")).toInstant();
            assertThat(db.select(FEED_CHECKPOINT.LAST_BAR_START).from(FEED_CHECKPOINT).where(FEED_CHECKPOINT.SYMBOL.eq(e.getKey()))
                    .fetchOne(FEED_CHECKPOINT.LAST_BAR_START)).as(e.getKey() + " checkpoint at its last bar").isEqualTo(lastStart);
        }

        Map<String, LedgerPosition> recorded = new HashMap<>();
        for (LedgerPosition p : ledger.positions(false)) recorded.put(p.symbol(), p);
        assertThat(snapshot.portfolio().positions()).isNotEmpty();
        for (PositionSnapshot p : snapshot.portfolio().positions()) {
            LedgerPosition r = recorded.get(p.symbol());
            assertThat(r).as(p.symbol()).isNotNull();
            assertThat(r.quantity()).isEqualByComparingTo(p.quantity());
            assertThat(r.averagePrice()).isEqualByComparingTo(p.averagePrice());
            assertThat(r.realizedPnl()).isEqualByComparingTo(p.realizedPnl());
        }
        BigDecimal cash = new BigDecimal("1000000");
        for (var f : ledger.fills()) {
            BigDecimal notional = f.quantity().multiply(f.price());
            cash = ("BUY".equals(f.side()) ? cash.subtract(notional) : cash.add(notional)).subtract(f.commission());
        }
        assertThat(snapshot.portfolio().cash()).isEqualByComparingTo(cash);
        assertThat(queries.equity(1).getFirst().equity()).isEqualByComparingTo(snapshot.portfolio().equity());
        assertThat(db.fetchOne(DSL.select(DSL.countDistinct(TRADE_ORDER.CLIENT_ORDER_ID)).from(TRADE_ORDER)).value1())
                .isEqualTo(db.fetchCount(TRADE_ORDER));
        host.stop();
    }
}
