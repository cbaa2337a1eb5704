package io.tradepilot.trading.internal;

import io.tradepilot.Application;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.alpaca.AlpacaConfig;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.SyntheticMarket;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The application (for {@code VenueKillNineIT}'s child JVM) with one broker account: a session around the
 * real Alpaca adapter at the stand-in whose base URL is the system property {@code standin.alpaca} (REST only), its
 * market a seeded synthetic US market streamed as fast as the host takes it. Everything else is the real application.
 */
public final class StandInVenueApplication {

    static final String KEY = "PKKILLNINE01";
    static final String SECRET = "kill-nine-secret";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int HISTORY_BARS = 20;

    private StandInVenueApplication() { }

    public static void main(String[] args) {
        AlpacaConfig config = AlpacaConfig.of(URI.create(System.getProperty("standin.alpaca")), KEY, SECRET).withStreamUrl(null)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200));
        VenueAccounts accounts = () -> Optional.of(new ReplaySession(config));
        new SpringApplicationBuilder(Application.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("standInVenueAccounts", VenueAccounts.class,
                        () -> accounts, bd -> bd.setPrimary(true)))
                .run(args);
    }

    /** The stand-in account: orders at the stand-in Alpaca, bars from a seeded synthetic market (the same on every start). */
    static final class ReplaySession extends AlpacaStandIn.Session {
        private final Map<String, BarSeries> series = new ConcurrentHashMap<>();

        ReplaySession(AlpacaConfig config) {
            super(config, Clock.systemUTC());
        }

        private BarSeries series(String symbol) {
            return series.computeIfAbsent(symbol, s -> SyntheticMarket.generate(new SyntheticMarket.Spec(s, NEW_YORK,
                    LocalDate.of(2025, 1, 6), 60, 78, LocalTime.of(9, 30), 5, new BigDecimal("0.01"), new BigDecimal("100"),
                    2_000_000, 11L * 31 + s.hashCode())));
        }

        @Override
        public Optional<Instrument> instrument(String symbol) {
            return Optional.of(Instrument.usEquity(symbol, "NASDAQ"));
        }

        @Override
        public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) {
            return series(instrument.symbol()).toBars().subList(0, HISTORY_BARS);
        }

        @Override
        public AutoCloseable streamBars(List<Instrument> instruments, Duration barSize, BiConsumer<Instrument, Bar> sink) {
            Thread pusher = Thread.ofPlatform().daemon().name("stand-in-bars").start(() -> {
                int n = series(instruments.getFirst().symbol()).size();
                try {
                    for (int k = HISTORY_BARS; k < n; k++) {
                        for (Instrument i : instruments) sink.accept(i, series(i.symbol()).bar(k));
                        Thread.sleep(2);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return pusher::interrupt;
        }
    }
}
