package io.tradepilot.trading.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.MarketListener;
import io.tradepilot.brokers.MarketTrade;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.alpaca.AlpacaConfig;
import io.tradepilot.brokers.alpaca.AlpacaSession;
import io.tradepilot.brokers.alpaca.StandInDataStream;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TripReason;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.testing.IntegrationTestSupport;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine host on a broker account whose market-data stream carries trades: the real Alpaca session's data stream
 * at a local stand-in ({@link StandInDataStream}, Alpaca's documented messages) pushes trades, the host builds
 * 5-minute bars from them on the exchange's clock ({@link TradeBars}) and hands them to the engine; a stream that drops
 * mid-session is back-filled from the broker's 1-minute history (WireMock as Alpaca's market-data REST API), each
 * interval's bar reaching the engine once, in order; a gap whose history cannot be read is retried, reported, and trips
 * DATA_STALE; and a stream that stays connected but silent during the session trips the breaker too.
 */
@TestPropertySource(properties = "tradepilot.controls.key-prefix=feed10-it:")
@DirtiesContext
class SessionTradeBarsIT extends IntegrationTestSupport {

    private static final long LOCK_KEY = 880_110;
    private static final String KEY = "PKTRADEBARS01";
    private static final String SECRET = "trade-bars-secret";
    private static final Instrument AAPL = Instrument.usEquity("AAPL", "NASDAQ");
    /** 09:41 New York on a trading day: the session is open. */
    private static final Instant START = Instant.parse("2024-01-02T14:41:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired JooqLedger ledger;
    @Autowired TradingGate gate;
    @Autowired ControlEvents controlEvents;
    @Autowired ControlService controls;
    @Autowired DataSource dataSource;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;

    private final SimulatedClock wall = new SimulatedClock(START.toEpochMilli(), ZoneOffset.UTC);
    private final List<String> engineBars = new CopyOnWriteArrayList<>();
    private final List<EngineHost> hosts = new ArrayList<>();
    private final List<TradesSession> sessions = new CopyOnWriteArrayList<>();
    private WireMockServer alpaca;
    private StandInDataStream data;

    @BeforeEach
    void standIns() throws Exception {
        alpaca = VenueHostFixture.cleanStartWithStandIn(db, redis, gate, "feed10-it:");
        minutes(null, "");                                        // the broker's 1-minute history: none unless a test says
        data = new StandInDataStream(KEY, SECRET);
    }

    @AfterEach
    void stop() throws Exception {
        hosts.forEach(EngineHost::stop);
        data.close();
        alpaca.stop();
    }

    @Test
    void trades_on_the_stand_in_stream_become_five_minute_bars_in_the_engine_on_the_exchange_clock() throws Exception {
        EngineHost host = start(Duration.ofHours(1));
        long before = host.status().barsProcessed();

        data.trade("AAPL", "2024-01-02T14:44:59.500Z", "187.10", 5);     // the 14:40 bar began before the stream: joined
        data.trade("AAPL", "2024-01-02T14:45:00Z", "187.20", 100);       // on the boundary: opens the 14:45 bar
        data.trade("AAPL", "2024-01-02T14:46:30.125Z", "187.55", 40);
        data.trade("AAPL", "2024-01-02T14:47:00Z", "186.95", 60);
        data.trade("AAPL", "2024-01-02T14:49:59.999Z", "187.3", 25);
        data.trade("AAPL", "2024-01-02T14:55:01Z", "188", 10);           // 14:50 without trades: no bar
        wall.setMillis(Instant.parse("2024-01-02T14:50:01Z").toEpochMilli());
        eventually(WAIT, () -> sessions.getLast().heard.size() == 6, "the trades heard");
        // the stream joined the 14:40 bar at 14:41:00: the broker's history of [14:40, 14:41) (none) and the trades since
        eventually(WAIT, () -> engineBars.size() == 1, "the 14:40 bar completed from history and trades");
        assertThat(engineBars).as("the 14:45 bar is not handed on within its grace")
                .containsExactly("AAPL 2024-01-02T14:40:00Z 187.1 187.1 187.1 187.1 5");

        wall.setMillis(Instant.parse("2024-01-02T14:50:02Z").toEpochMilli()); // the bar's end + 2 s on the exchange clock
        eventually(WAIT, () -> engineBars.size() == 2, "the 14:45 bar in the engine without a further trade");
        assertThat(engineBars.get(1)).isEqualTo("AAPL 2024-01-02T14:45:00Z 187.2 187.55 186.95 187.3 225");

        wall.setMillis(Instant.parse("2024-01-02T15:00:02Z").toEpochMilli());
        eventually(WAIT, () -> engineBars.size() == 3, "the 14:55 bar in the engine");
        assertThat(engineBars.get(2)).isEqualTo("AAPL 2024-01-02T14:55:00Z 188 188 188 188 10");
        eventually(WAIT, () -> host.status().barsProcessed() == before + 3, "the engine processed the three bars");
        assertThat(data.subscribedTrades()).containsExactly("AAPL");
        assertThat(gate.current() instanceof ControlsReading.Known k && !k.circuitBreaker().tripped()).isTrue();
    }

    @Test
    void a_stream_connected_but_silent_during_the_session_trips_data_stale_on_the_wall_clock() throws Exception {
        EngineHost host = start(Duration.ofSeconds(60));
        data.trade("AAPL", "2024-01-02T14:41:00.100Z", "187.10", 5);
        eventually(WAIT, () -> sessions.getLast().heard.size() == 1, "the trade heard");

        wall.setMillis(START.plusSeconds(61).toEpochMilli());         // connected, subscribed, nothing for 61 s
        eventually(WAIT, () -> gate.current() instanceof ControlsReading.Known k && k.circuitBreaker().tripped(), "the breaker tripped");
        var known = (ControlsReading.Known) gate.current();
        assertThat(known.circuitBreaker().tripReason()).contains(TripReason.DATA_STALE);
        assertThat(known.circuitBreaker().lastChange().orElseThrow().user()).isEqualTo("system");
        assertThat(data.subscribed()).as("the stream never dropped: silence alone").isTrue();
        assertThat(data.subscriptions()).isEqualTo(1);
    }

    @Test
    void only_the_leading_instance_opens_the_broker_session_and_the_standby_opens_it_when_it_takes_the_lead() throws Exception {
        List<TradesSession> leaderSessions = new CopyOnWriteArrayList<>();
        List<TradesSession> standbySessions = new CopyOnWriteArrayList<>();
        EngineHost leader = start(Duration.ofHours(1), leaderSessions);
        EngineHost standby = host(Duration.ofHours(1), standbySessions);
        standby.start();
        eventually(WAIT, () -> standby.role() == EngineHost.Role.STANDBY, "the second instance on standby");

        assertThat(leader.role()).isEqualTo(EngineHost.Role.LEADER);
        assertThat(leaderSessions).hasSize(1);
        assertThat(standbySessions).as("the standby opened no session: no streams, no reads").isEmpty();
        assertThat(data.subscriptions()).as("the stand-in saw exactly one market-data connection").isEqualTo(1);

        leader.stop();
        eventually(WAIT, () -> standby.role() == EngineHost.Role.LEADER, "the standby took the lead");
        eventually(WAIT, () -> data.subscriptions() == 2 && data.subscribed(), "the new leader subscribed to the stand-in");
        assertThat(standbySessions).hasSize(1);
        assertThat(leaderSessions.getFirst().closed).as("the old leader closed its session").isTrue();
        assertThat(standbySessions.getFirst().closed).isFalse();

        // trades reach the new leader's engine
        data.trade("AAPL", "2024-01-02T14:45:10Z", "187.40", 7);
        eventually(WAIT, () -> standbySessions.getFirst().heard.size() == 1, "the trade heard by the new leader");
        wall.setMillis(Instant.parse("2024-01-02T14:50:02Z").toEpochMilli());
        eventually(WAIT, () -> engineBars.contains("AAPL 2024-01-02T14:45:00Z 187.4 187.4 187.4 187.4 7"), "the bar in the new leader's engine");
    }

    @Test
    void a_stream_that_drops_mid_session_is_back_filled_from_the_brokers_history_and_the_engine_gets_each_interval_once_in_order()
            throws Exception {
        minutes("2024-01-02T14:41:00Z", minute("14:40", "186.5", "186.9", "186.4", "186.8", 300));
        EngineHost host = start(Duration.ofHours(1));
        long before = host.status().barsProcessed();
        data.trade("AAPL", "2024-01-02T14:41:30Z", "187.0", 10);
        eventually(WAIT, () -> sessions.getLast().heard.size() == 1, "the trade heard");
        wall.setMillis(Instant.parse("2024-01-02T14:45:02Z").toEpochMilli());
        eventually(WAIT, () -> engineBars.size() == 1, "the bar joined at the start, completed from history");
        assertThat(engineBars).containsExactly("AAPL 2024-01-02T14:40:00Z 186.5 187 186.4 187 310");

        data.trade("AAPL", "2024-01-02T14:46:00Z", "187.5", 20);         // seen, then the stream drops until 14:57:30
        eventually(WAIT, () -> sessions.getLast().heard.size() == 2, "the trade heard");
        data.refuse(true);
        data.drop();
        eventually(WAIT, () -> !data.subscribed(), "the stream down");
        wall.setMillis(Instant.parse("2024-01-02T14:57:30Z").toEpochMilli());
        minutes("2024-01-02T14:58:00Z",
                minute("14:45", "187.5", "187.9", "187.4", "187.8", 120), minute("14:47", "187.8", "188.1", "187.6", "188", 80),
                minute("14:52", "188", "188.4", "187.9", "188.3", 90),
                minute("14:55", "188.3", "188.6", "188.2", "188.4", 40), minute("14:57", "188.4", "188.5", "188.3", "188.5", 30));
        data.refuse(false);
        eventually(WAIT, () -> data.subscriptions() == 2 && data.subscribed(), "the stream back at 14:57:30");
        data.trade("AAPL", "2024-01-02T14:57:50Z", "188.9", 1);           // before 14:58: the history's minute has it
        data.trade("AAPL", "2024-01-02T14:58:10Z", "188.6", 6);
        eventually(WAIT, () -> sessions.getLast().heard.size() == 4, "the trades after the reconnect heard");
        assertThat(engineBars).as("nothing while the stream was down, nor before the gap's history").hasSize(1);

        wall.setMillis(Instant.parse("2024-01-02T15:00:02Z").toEpochMilli());
        eventually(WAIT, () -> engineBars.size() == 4, "the gap back-filled and the bar in progress completed");
        assertThat(engineBars).containsExactly(
                "AAPL 2024-01-02T14:40:00Z 186.5 187 186.4 187 310",
                "AAPL 2024-01-02T14:45:00Z 187.5 188.1 187.4 188 200",          // history alone: the trade seen before the drop replaced
                "AAPL 2024-01-02T14:50:00Z 188 188.4 187.9 188.3 90",           // missed entirely
                "AAPL 2024-01-02T14:55:00Z 188.3 188.6 188.2 188.6 76");        // history to 14:58, then the trade
        eventually(WAIT, () -> host.status().barsProcessed() == before + 4, "the engine processed each bar once");
        GapBackfill.Status status = ((SessionFeed) host.runningFeed().orElseThrow()).backfill().orElseThrow();
        assertThat(status.pending()).isFalse();
        assertThat(status.filledGaps()).isEqualTo(2);
        assertThat(status.backfilledBars()).isEqualTo(2);
        assertThat(status.completedBars()).isEqualTo(2);
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/stocks/AAPL/bars")).withQueryParam("timeframe", equalTo("1Min"))
                .withQueryParam("start", equalTo("2024-01-02T14:40:00Z")).withQueryParam("end", equalTo("2024-01-02T14:58:00Z")));
    }

    @Test
    void a_gap_whose_history_cannot_be_read_is_retried_and_reported_and_trips_data_stale_although_trades_flow() throws Exception {
        alpaca.stubFor(get(urlPathEqualTo("/v2/stocks/AAPL/bars")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"internal server error\"}")));
        EngineHost host = start(Duration.ofSeconds(60));
        data.trade("AAPL", "2024-01-02T14:41:10Z", "187.0", 10);
        wall.setMillis(Instant.parse("2024-01-02T14:41:30Z").toEpochMilli());
        SessionFeed feed = (SessionFeed) host.runningFeed().orElseThrow();
        eventually(WAIT, () -> feed.backfill().orElseThrow().failedAttempts() >= 1, "a failed fetch of the gap's history");
        GapBackfill.Status failing = feed.backfill().orElseThrow();
        assertThat(failing.pending()).isTrue();
        assertThat(failing.lastError()).contains("500");
        assertThat(EngineHealthIndicator.backfill(failing)).containsEntry("pending", true).containsKey("lastError");

        data.trade("AAPL", "2024-01-02T14:42:00Z", "187.1", 10);          // the stream is lively, the gap still open
        eventually(WAIT, () -> sessions.getLast().heard.size() == 2, "the trades heard");
        wall.setMillis(Instant.parse("2024-01-02T14:42:01Z").toEpochMilli());
        eventually(WAIT, () -> gate.current() instanceof ControlsReading.Known k && k.circuitBreaker().tripped(), "the breaker tripped");
        assertThat(((ControlsReading.Known) gate.current()).circuitBreaker().tripReason()).contains(TripReason.DATA_STALE);
        assertThat(engineBars).isEmpty();

        minutes(null, "");                                                 // the broker answers again: a retry fills the gap
        wall.setMillis(Instant.parse("2024-01-02T14:45:02Z").toEpochMilli());
        eventually(WAIT, () -> {
            if (!feed.backfill().orElseThrow().pending()) return true;
            wall.setMillis(wall.millis() + 5_000);                         // the retries wait on the feed's clock
            return false;
        }, "the gap filled on a retry");
        eventually(WAIT, () -> engineBars.size() == 1, "the bar in the engine");
        assertThat(engineBars).containsExactly("AAPL 2024-01-02T14:40:00Z 187 187.1 187 187.1 20");
    }

    /** The stand-in's 1-minute bars of AAPL for a fetch ending at {@code end} (null: any fetch), as Alpaca's REST API sends them. */
    private void minutes(String end, String... bars) {
        var request = get(urlPathEqualTo("/v2/stocks/AAPL/bars")).withQueryParam("timeframe", equalTo("1Min"));
        if (end != null) request = request.withQueryParam("end", equalTo(end));
        alpaca.stubFor(request.willReturn(okJson("{\"bars\":[" + String.join(",", bars) + "],\"symbol\":\"AAPL\",\"next_page_token\":null}")));
    }

    private static String minute(String hhmm, String o, String h, String l, String c, long v) {
        return "{\"t\":\"2024-01-02T" + hhmm + ":00Z\",\"o\":" + o + ",\"h\":" + h + ",\"l\":" + l + ",\"c\":" + c + ",\"v\":" + v + "}";
    }

    private EngineHost start(Duration staleAfter) {
        return start(staleAfter, sessions);
    }

    private EngineHost start(Duration staleAfter, List<TradesSession> opened) {
        EngineHost host = host(staleAfter, opened);
        host.start();
        eventually(WAIT, () -> host.role() == EngineHost.Role.LEADER && data.subscribed(), "the host leading and subscribed to trades");
        return host;
    }

    private EngineHost host(Duration staleAfter, List<TradesSession> opened) {
        VenueAccounts accounts = () -> {
            TradesSession s = new TradesSession(alpacaConfig(), wall, marketData());
            opened.add(s);
            sessions.add(s);
            return Optional.of(s);
        };
        BarCache cache = (symbol, series, k) -> engineBars.add(symbol + " " + Instant.ofEpochMilli(series.startMillis(k)) + " "
                + plain(series.decimal(series.open(k))) + " " + plain(series.decimal(series.high(k))) + " "
                + plain(series.decimal(series.low(k))) + " " + plain(series.decimal(series.close(k))) + " "
                + series.volume(k));
        EngineHost host = new EngineHost(VenueHostFixture.properties(LOCK_KEY, staleAfter), ledger, new LeaderLock(dataSource, LOCK_KEY), gate, controlEvents,
                controls, wall, StrategySwitches.NONE, cache, LeadershipProperties.DEFAULTS, accounts, () -> false);
        hosts.add(host);
        return host;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private AlpacaConfig alpacaConfig() {
        return AlpacaConfig.of(URI.create(alpaca.baseUrl()), KEY, SECRET).withStreamUrl(null)
                .withGuard(new BrokerCallGuard.Settings(200, Duration.ofSeconds(1), 3, Duration.ofMillis(500), 2, Duration.ofMillis(20)))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private AlpacaSession marketData() {
        AccountCredentials account = new AccountCredentials(11, BrokerKind.ALPACA, "stand-in", AccountEnvironment.PAPER,
                URI.create(alpaca.baseUrl()), URI.create(alpaca.baseUrl()), null, data.url(), "iex", KEY, SECRET, null, null);
        return new AlpacaSession(account, alpacaConfig(), wall, (venue, detail) -> { });
    }

    /** The stand-in account: orders at the Alpaca adapter (unused here), history made up, trades from the real Alpaca session. */
    static final class TradesSession extends AlpacaStandIn.Session {
        private final AlpacaSession marketData;
        /** Every trade the stream delivered to the host. */
        final List<MarketTrade> heard = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        TradesSession(AlpacaConfig config, Clock clock, AlpacaSession marketData) {
            super(config, clock);
            this.marketData = marketData;
        }

        @Override
        public Optional<Instrument> instrument(String symbol) {
            return symbol.equals(AAPL.symbol()) ? Optional.of(AAPL) : Optional.empty();
        }

        /** The warm-up's bars are made up; the back-fill's 1-minute bars come from the stand-in through the real session. */
        @Override
        public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) {
            if (barSize.equals(Duration.ofMinutes(1))) return marketData.history(instrument, barSize, from, to);
            List<Bar> bars = new ArrayList<>();
            Price p = Price.of("187.00");
            for (int i = 10; i > 0; i--) bars.add(new Bar(Instant.parse("2024-01-02T14:40:00Z").minus(barSize.multipliedBy(i)), p, p, p, p, 1000));
            return bars;
        }

        @Override
        public AutoCloseable streamBars(List<Instrument> instruments, Duration barSize, BiConsumer<Instrument, Bar> sink) {
            throw new AssertionError("bars come from trades here");
        }

        @Override
        public boolean streamsTrades() {
            return marketData.streamsTrades();
        }

        @Override
        public AutoCloseable streamMarket(List<Instrument> instruments, MarketListener listener) {
            return marketData.streamMarket(instruments, new MarketListener() {
                @Override
                public void trade(Instrument instrument, MarketTrade trade) {
                    heard.add(trade);
                    listener.trade(instrument, trade);
                }

                @Override
                public void subscribed(int connection) {
                    listener.subscribed(connection);
                }

                @Override
                public void dropped() {
                    listener.dropped();
                }
            });
        }

        @Override
        public void close() {
            closed = true;
            marketData.close();
            super.close();
        }
    }
}
