package io.tradepilot.scheduler.internal;

import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TradingState;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.scheduler.SetupLine;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.TradingQueries;
import io.tradepilot.trading.internal.EngineHost;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.SCAN_SETUP;
import static io.tradepilot.db.Tables.SETUP_EXIT;
import static io.tradepilot.db.Tables.TRADE_ORDER;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 3WI live path on a replay of real daily data: ../shared/data/nifty50_daily_2020_2025 (NIFTY-50 constituents,
 * split-adjusted, 2020-10 … 2025-09). The engine replays five of its symbols' daily bars from 2024-03-11 (CSV replay,
 * half a second a day); the scheduled scan reads the whole 50-symbol folder cut at its as-of date, as the scan job
 * would find it that evening. What the real data hold (found by the scanner, recorded here):
 * <ul>
 *   <li>as of 2024-01-19 TECHM broke out on a week that had not ended (the Saturday session of 2024-01-20 followed):
 *       found, not qualified, no order;</li>
 *   <li>as of 2024-03-15 TCS broke out of its mother week's high on a complete week, filters passed: one entry with
 *       its stop 3,962.10 (mother low) and targets; a rerun and a rerun after an engine restart enter nothing more;
 *       the days after, a bar's low reaches the stop (2024-03-20, low 3,960.20): one stop exit, the trade EXITED;</li>
 *   <li>as of 2024-06-28 RELIANCE broke out (stop 1,359.30): entered; on 2024-08-05 it closes 1,447.30, more than 6 %
 *       below the entry: the hourly tracker's exit finding places the exit, once however often it runs.</li>
 * </ul>
 * Skipped, saying why, when the shared data are absent.
 */
@EnabledIf(value = "dataPresent", disabledReason = "../shared/data/nifty50_daily_2020_2025 is absent: this test replays the "
        + "project's shared real daily data (see its README); ThreeWeekInsideLiveIT covers the path on the bundled fixture")
@TestPropertySource(properties = {
        "tradepilot.controls.key-prefix=threewi-replay-it:",
        "tradepilot.trading.bar-cache.key-prefix=threewi-replay-it:bars:",
        "tradepilot.scheduler.enabled=false",
        "tradepilot.scheduler.scans.move-stops=false", // this class proves the plan stop, targets and tracker; SetupStopsIT the moved stops
        "tradepilot.scheduler.scans.capital=200000",
        "tradepilot.scheduler.scans.place-orders=true",
        "tradepilot.scheduler.scans.exit-watch=100ms",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.limits.trading-hours.enabled=false",
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880147",
        "tradepilot.trading.tick=50ms",
        "tradepilot.trading.standby-retry=1h",
        "tradepilot.trading.limits.daily-loss=0",
        "tradepilot.trading.limits.consecutive-losses=0",
        "tradepilot.trading.limits.drawdown=0",
        "tradepilot.trading.strategies[0].id=idle",
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols=INFY,TCS,RELIANCE,TECHM,BEL", // the engine trades the symbols its strategies name
        "tradepilot.trading.strategies[0].quantity=1",
        "tradepilot.trading.strategies[0].params.fast=500",
        "tradepilot.trading.strategies[0].params.slow=1000",
        "tradepilot.trading.marketdata.source=csv",
        "tradepilot.trading.marketdata.csv.exchange=NSE",
        "tradepilot.trading.marketdata.speed=120",
        "tradepilot.trading.marketdata.max-gap=1m",
        "tradepilot.trading.marketdata.stale-after=10m"})
@DirtiesContext
class ThreeWeekInsideReplayIT extends IntegrationTestSupport {

    static final Path DATA = Path.of("..", "shared", "data", "nifty50_daily_2020_2025");
    static final Path WORK = Path.of("target", "threewi-replay-it");
    static final Path FEED = WORK.resolve("feed");
    static final Path SCAN = WORK.resolve("scan");
    static final List<String> TRADED = List.of("TCS", "RELIANCE", "TECHM", "BEL", "INFY");
    static final LocalDate REPLAY_FROM = LocalDate.of(2024, 3, 11);
    static final LocalDate REPLAY_TO = LocalDate.of(2024, 8, 30);
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final Duration LONG = Duration.ofSeconds(120);

    static boolean dataPresent() {
        return Files.isRegularFile(DATA.resolve("TCS.csv")) && Files.isRegularFile(DATA.resolve("RELIANCE.csv"));
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) throws IOException {
        if (!dataPresent()) return;
        deleteTree(WORK);
        Files.createDirectories(FEED);
        Files.createDirectories(SCAN);
        for (String symbol : TRADED) write(DATA.resolve(symbol + ".csv"), FEED.resolve(symbol + ".csv"), REPLAY_FROM, REPLAY_TO);
        registry.add("tradepilot.trading.marketdata.csv.folder", FEED::toString);
        registry.add("tradepilot.scheduler.scans.folder", SCAN::toString);
    }

    @Autowired EngineHost host;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingGate gate;
    @Autowired TaskRunner runner;
    @Autowired SchedulerQueries queries;
    @Autowired TradingQueries trading;

    @AfterEach
    void stopTheHost() {
        host.stop();
    }

    @Test
    void scans_enter_only_qualified_setups_once_across_reruns_and_a_restart_and_their_stops_and_tracker_exits_act_once() throws Exception {
        io.tradepilot.trading.internal.TradingFixtures.emptyLedger(db);
        db.execute("TRUNCATE scan_setup, scan_result, job_run, setup_exit, near_breakout, position_check");
        Set<String> keys = redis.keys("threewi-replay-it:*");
        if (keys != null && !keys.isEmpty()) redis.delete(keys);
        eventually(Duration.ofSeconds(5), () -> gate.current() instanceof ControlsReading.Known k && !k.killSwitch().engaged()
                && !k.circuitBreaker().tripped() && k.trading().state() == TradingState.ACTIVE, "fresh controls, trading active");

        // as of 2024-01-19: TECHM's breakout week is not complete, so it is found but not qualified; nothing is entered
        scanFolderAsOf(LocalDate.of(2024, 1, 19));
        assertThat(scan().detail()).contains("0 entries placed");
        var techm = db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.SYMBOL.eq("TECHM")).fetchOne();
        assertThat(techm.getState()).isEqualTo("SKIPPED");
        assertThat(techm.getReason()).isEqualTo("not qualified: the breakout week is not complete (provisional close)");
        assertThat(lines(LocalDate.of(2024, 1, 19)).get("TECHM").state()).isEqualTo("NOT_TAKEN");
        assertThat(db.fetchCount(TRADE_ORDER)).isZero();

        // as of 2024-03-15, the engine at that day: TCS qualifies and is entered once with its stop
        host.start();
        scanFolderAsOf(LocalDate.of(2024, 3, 15));
        eventually(LONG, () -> marketDay().map(d -> !d.isBefore(LocalDate.of(2024, 3, 15))).orElse(false), "the replay at 2024-03-15");
        assertThat(scan().detail()).contains("1 entries placed");
        assertThat(scan().detail()).as("a rerun").contains("0 entries placed");
        List<String> tcsEntries = entries("TCS");
        assertThat(tcsEntries).hasSize(1);
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq("3wi"))).as("only TCS qualified").isEqualTo(1);
        var tcs = db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.SYMBOL.eq("TCS").and(SCAN_SETUP.STATE.eq("TAKEN"))).fetchOne();
        assertThat(tcs.getStop()).isEqualByComparingTo("3962.10");
        assertThat(tcs.getTarget1()).isEqualByComparingTo("4604.975");
        assertThat(tcs.getTarget2()).isEqualByComparingTo("4990.70");
        assertThat(tcs.getQuantity()).isEqualByComparingTo("11"); // 1.5 % of 200,000 / 257.15
        // (filled before the restart: a working order the engine recovers after a restart carries no protective stop)
        eventually(LONG, () -> db.fetchCount(FILL, FILL.ORDER_ID.eq(tcsEntries.getFirst())) > 0, "the TCS entry filled");
        assertThat(db.select(FILL.PROTECTIVE_STOP).from(FILL).where(FILL.ORDER_ID.eq(tcsEntries.getFirst())).fetch(FILL.PROTECTIVE_STOP))
                .allSatisfy(stop -> assertThat(stop).isEqualByComparingTo("3962.10"));
        host.stop();
        host.start();
        assertThat(scan().detail()).as("a rerun after a restart").contains("0 entries placed");
        assertThat(entries("TCS")).isEqualTo(tcsEntries);

        // the stop: a bar's low at or below 3,962.10 closes the trade, once
        eventually(LONG, () -> "EXITED".equals(db.select(SCAN_SETUP.EXIT_STATE).from(SCAN_SETUP).where(SCAN_SETUP.SETUP_ID.eq(tcs.getSetupId()))
                .fetchOne(SCAN_SETUP.EXIT_STATE)), "the TCS trade stopped out");
        var tcsExits = db.selectFrom(SETUP_EXIT).where(SETUP_EXIT.SETUP_ID.eq(tcs.getSetupId())).fetch();
        assertThat(tcsExits).hasSize(1);
        assertThat(tcsExits.getFirst().getTrigger()).isEqualTo("STOP");
        assertThat(tcsExits.getFirst().getQuantity()).isEqualByComparingTo("11");
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq("3wi").and(TRADE_ORDER.SYMBOL.eq("TCS")).and(TRADE_ORDER.SIDE.eq("SELL"))))
                .isEqualTo(1);
        assertThat(lines(LocalDate.of(2024, 3, 15)).get("TCS").state()).isEqualTo("EXITED");

        // as of 2024-06-28: RELIANCE is entered; from 2024-08-05 it is more than 6 % down and the tracker exits it, once
        scanFolderAsOf(LocalDate.of(2024, 6, 28));
        eventually(LONG, () -> marketDay().map(d -> !d.isBefore(LocalDate.of(2024, 6, 28))).orElse(false), "the replay at 2024-06-28");
        assertThat(scan().detail()).contains("1 entries placed");
        assertThat(entries("RELIANCE")).hasSize(1);
        String relianceId = db.select(SCAN_SETUP.SETUP_ID).from(SCAN_SETUP).where(SCAN_SETUP.SYMBOL.eq("RELIANCE")
                .and(SCAN_SETUP.STATE.eq("TAKEN"))).fetchOne(SCAN_SETUP.SETUP_ID);
        Instant hour = LocalDate.of(2024, 8, 5).atTime(11, 15).atZone(IST).toInstant(); // a session hour: the tracker runs then
        List<String> runs = new ArrayList<>();
        eventually(LONG, () -> {
            try {
                runs.add(runner.run("position-tracker-NSE", PositionTrackerTask.NAME, "NSE", hour).detail());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return db.fetchCount(SETUP_EXIT, SETUP_EXIT.SETUP_ID.eq(relianceId)) > 0;
        }, "the tracker's exit finding on RELIANCE");
        var relianceExit = db.selectFrom(SETUP_EXIT).where(SETUP_EXIT.SETUP_ID.eq(relianceId)).fetchOne();
        assertThat(relianceExit.getTrigger()).isEqualTo("TRACKER");
        assertThat(relianceExit.getQuantity()).isEqualByComparingTo("14"); // 1.5 % of 200,000 / 206.10
        assertThat(runs.getLast()).contains("RELIANCE exit", "TRACKER: SELL 14 RELIANCE MARKET, order ");
        for (int i = 0; i < 3; i++) runner.run("position-tracker-NSE", PositionTrackerTask.NAME, "NSE", hour.plusSeconds(3600L * i));
        eventually(LONG, () -> position("RELIANCE").isEmpty(), "RELIANCE flat");
        assertThat(db.fetchCount(TRADE_ORDER, TRADE_ORDER.STRATEGY.eq("3wi").and(TRADE_ORDER.SYMBOL.eq("RELIANCE"))
                .and(TRADE_ORDER.SIDE.eq("SELL")))).as("one exit, whatever reran").isEqualTo(1);
        assertThat(db.fetchCount(SETUP_EXIT, SETUP_EXIT.SETUP_ID.eq(relianceId))).isEqualTo(1);

        // the near-breakout watch on the 2024-06-28 folder stores what it lists, and the setups page shows it
        ScheduledTask.Result near = runner.run("near-breakout-3wi-NSE-1520", NearBreakoutTask.NAME, "NSE",
                LocalDate.of(2024, 6, 28).atTime(15, 20).atZone(IST).toInstant());
        var stored = queries.nearBreakouts(LocalDate.of(2024, 6, 28));
        assertThat(near.detail()).contains(stored.size() + " near breakout");
        stored.forEach(n -> assertThat(n.distancePercent()).isLessThanOrEqualTo(java.math.BigDecimal.ONE));
        System.out.println("3WI REPLAY near breakout 2024-06-28: " + near.detail());
    }

    private ScheduledTask.Result scan() throws Exception {
        return runner.run("scan-3wi-NSE", ScanTask.NAME, "NSE", clock.instant());
    }

    private Map<String, SetupLine> lines(LocalDate day) {
        return queries.setups(day).stream().collect(Collectors.toMap(SetupLine::symbol, Function.identity(), (a, b) -> a));
    }

    private List<String> entries(String symbol) {
        return db.select(TRADE_ORDER.ORDER_ID).from(TRADE_ORDER).where(TRADE_ORDER.STRATEGY.eq("3wi").and(TRADE_ORDER.SIDE.eq("BUY"))
                .and(TRADE_ORDER.SYMBOL.eq(symbol)).and(TRADE_ORDER.STATUS.ne("REJECTED"))).fetch(TRADE_ORDER.ORDER_ID);
    }

    private Optional<LocalDate> marketDay() {
        Instant t = trading.status().marketTime();
        return Optional.ofNullable(t).map(i -> i.atZone(IST).toLocalDate());
    }

    private Optional<LivePortfolio.Position> position(String symbol) {
        return trading.livePortfolio().flatMap(p -> p.positions().stream().filter(x -> x.symbol().equals(symbol)).findFirst());
    }

    /** The scan folder as the scan job would find it on the evening of {@code asOf}: every file cut after that day. */
    private static void scanFolderAsOf(LocalDate asOf) throws IOException {
        deleteTree(SCAN);
        Files.createDirectories(SCAN);
        try (Stream<Path> files = Files.list(DATA)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv")).toList()) {
                write(f, SCAN.resolve(f.getFileName()), LocalDate.MIN, asOf);
            }
        }
    }

    /** Copies the header and the rows of {@code from}..{@code to} (inclusive) of a daily file. */
    private static void write(Path source, Path target, LocalDate from, LocalDate to) throws IOException {
        List<String> lines = Files.readAllLines(source);
        List<String> out = new ArrayList<>();
        out.add(lines.getFirst());
        for (String line : lines.subList(1, lines.size())) {
            LocalDate d = LocalDate.parse(line.substring(0, line.indexOf(',')));
            if (!d.isBefore(from) && !d.isAfter(to)) out.add(line);
        }
        if (out.size() > 1) Files.write(target, out);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
