package io.tradepilot.trading.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.MarketTrade;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.alpaca.AlpacaConfig;
import io.tradepilot.brokers.alpaca.AlpacaSession;
import io.tradepilot.brokers.alpaca.StandInDataStream;
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

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine host on a broker account whose market-data stream carries trades: the real Alpaca session's data stream
 * at a local stand-in ({@link StandInDataStream}, Alpaca's documented messages) pushes trades, the host builds
 * 5-minute bars from them on the exchange's clock ({@link TradeBars}) and hands them to the engine; and a stream that
 * stays connected but silent during the session trips the breaker with DATA_STALE on the wall clock.
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
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "feed10-it:");
        TradingFixtures.awaitFreshControls(gate);
        alpaca = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
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

        data.trade("AAPL", "2024-01-02T14:44:59.500Z", "187.10", 5);     // the 14:40 bar began before the stream: partial
        data.trade("AAPL", "2024-01-02T14:45:00Z", "187.20", 100);       // on the boundary: opens the 14:45 bar
        data.trade("AAPL", "2024-01-02T14:46:30.125Z", "187.55", 40);
        data.trade("AAPL", "2024-01-02T14:47:00Z", "186.95", 60);
        data.trade("AAPL", "2024-01-02T14:49:59.999Z", "187.3", 25);
        data.trade("AAPL", "2024-01-02T14:55:01Z", "188", 10);           // 14:50 without trades: no bar
        wall.setMillis(Instant.parse("2024-01-02T14:50:01Z").toEpochMilli());
        eventually(WAIT, () -> sessions.getLast().heard.size() == 6, "the trades heard");
        assertThat(engineBars).as("the 14:45 bar is not handed on within its grace").isEmpty();

        wall.setMillis(Instant.parse("2024-01-02T14:50:02Z").toEpochMilli()); // the bar's end + 2 s on the exchange clock
        eventually(WAIT, () -> engineBars.size() == 1, "the 14:45 bar in the engine without a further trade");
        assertThat(engineBars).containsExactly("AAPL 2024-01-02T14:45:00Z 187.2 187.55 186.95 187.3 225");

        wall.setMillis(Instant.parse("2024-01-02T15:00:02Z").toEpochMilli());
        eventually(WAIT, () -> engineBars.size() == 2, "the 14:55 bar in the engine");
        assertThat(engineBars.get(1)).isEqualTo("AAPL 2024-01-02T14:55:00Z 188 188 188 188 10");
        eventually(WAIT, () -> host.status().barsProcessed() == before + 2, "the engine processed both bars");
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
        EngineHost host = new EngineHost(properties(staleAfter), ledger, new LeaderLock(dataSource, LOCK_KEY), gate, controlEvents,
                controls, wall, StrategySwitches.NONE, cache, LeadershipProperties.DEFAULTS, accounts, () -> false);
        hosts.add(host);
        return host;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private AlpacaConfig alpacaConfig() {
        return AlpacaConfig.of(URI.create(alpaca.baseUrl()), KEY, SECRET).withStreamUrl(null)
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private AlpacaSession marketData() {
        AccountCredentials account = new AccountCredentials(11, BrokerKind.ALPACA, "stand-in", AccountEnvironment.PAPER,
                URI.create(alpaca.baseUrl()), URI.create(alpaca.baseUrl()), null, data.url(), "iex", KEY, SECRET, null, null);
        return new AlpacaSession(account, alpacaConfig(), wall, (venue, detail) -> { });
    }

    private static TradingProperties properties(Duration staleAfter) {
        var strategy = new TradingProperties.StrategySettings(null, "sma-cross", List.of("AAPL"), new BigDecimal("1"),
                Map.of("fast", "50", "slow", "200"));
        var md = new TradingProperties.MarketData(TradingProperties.Source.SYNTHETIC, 0, Duration.ofMinutes(5),
                staleAfter, new BigDecimal("0.2"),
                new TradingProperties.Synthetic(7, LocalDate.of(2024, 1, 2), 1), new TradingProperties.Csv(null, "NASDAQ"));
        return new TradingProperties(true, false, new BigDecimal("100000"), "USD", ZoneId.of("America/New_York"), LOCK_KEY,
                Duration.ofMillis(100), Duration.ofMillis(200), List.of(strategy),
                new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER), md);
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

        @Override
        public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) {
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
        public AutoCloseable streamTrades(List<Instrument> instruments, BiConsumer<Instrument, MarketTrade> sink) {
            return marketData.streamTrades(instruments, (instrument, trade) -> {
                heard.add(trade);
                sink.accept(instrument, trade);
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
