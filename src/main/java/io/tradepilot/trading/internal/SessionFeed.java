package io.tradepilot.trading.internal;

import io.tradepilot.brokers.MarketListener;
import io.tradepilot.brokers.MarketTrade;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.TimeStamping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A broker account's market data as a {@link MarketFeed}: the instruments from {@link VenueSession#instrument}, the
 * history of the last {@link #HISTORY} in bars of the configured interval from {@link VenueSession#history} (warm-up,
 * recovery marks), and the live bars handed to the host's sink in arrival order; bars that arrive together with the
 * same start form one step. The live bars are built by the host from the stream's trades or ticks ({@link TradeBars},
 * on the exchange's calendar and clock) when the adapter streams them ({@link VenueSession#streamsTrades}) and the
 * settings say {@code trades}, with the gaps a (re)subscription leaves back-filled from the broker's 1-minute history
 * ({@link GapBackfill}, rules in {@link TradeBars}); otherwise they are the broker's ({@link VenueSession#streamBars}). Bars not after the
 * ledger's checkpoint are skipped (a restart does not feed a bar twice). Real time: the host's wall-clock jobs
 * (square-off) apply, and {@link #quietSince} measures silence on the wall clock during the exchange's sessions only.
 */
final class SessionFeed implements MarketFeed {

    private static final Logger log = LoggerFactory.getLogger(SessionFeed.class);
    /** How far back the warm-up history reaches. */
    static final Duration HISTORY = Duration.ofDays(10);
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final VenueSession session;
    private final ZoneId zone;
    private final Clock clock;
    private final TradingProperties.SessionBars settings;
    private final ExchangeCalendar calendar;
    /** Wall time (epoch millis) the stream last delivered a trade, tick or bar; the start before the first. */
    private volatile long lastHeardMillis;
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Map<Instrument, BarSeries> history = new LinkedHashMap<>();
    private final LinkedBlockingQueue<FeedBar> arrived = new LinkedBlockingQueue<>();
    private volatile AutoCloseable stream;
    private volatile GapBackfill backfill;

    /**
     * Resolves every symbol at the broker and loads its history now. Refuses (IllegalStateException) a symbol the
     * broker does not list.
     */
    SessionFeed(VenueSession session, List<String> symbols, ZoneId zone, Clock clock, TradingProperties.SessionBars settings) {
        this.session = session;
        this.zone = zone;
        this.clock = clock;
        this.settings = settings;
        Instant now = clock.instant();
        this.lastHeardMillis = now.toEpochMilli();
        for (String symbol : symbols) {
            Instrument instrument = session.instrument(symbol).orElseThrow(() -> new IllegalStateException(
                    "the " + session.broker() + " account " + session.accountId() + " does not list " + symbol));
            instruments.put(symbol, instrument);
            history.put(instrument, series(instrument, session.history(instrument, settings.interval(), now.minus(HISTORY), now)));
        }
        this.calendar = calendar(settings.exchange(), instruments.values());
    }

    /**
     * The exchange calendar of the session's bars: the configured one, else by the instruments' currency (INR: NSE,
     * USD: NYSE). Refuses (IllegalStateException) instruments of another or of mixed currencies without a configured one.
     */
    static ExchangeCalendar calendar(String configured, java.util.Collection<Instrument> instruments) {
        if (configured != null && !configured.isBlank()) return ExchangeCalendar.of(configured.strip());
        java.util.Set<String> currencies = new java.util.TreeSet<>();
        for (Instrument i : instruments) currencies.add(i.currency().getCurrencyCode());
        if (currencies.equals(java.util.Set.of("INR"))) return ExchangeCalendar.nse();
        if (currencies.equals(java.util.Set.of("USD"))) return ExchangeCalendar.nyse();
        throw new IllegalStateException("no exchange calendar for instruments in " + currencies
                + ": set tradepilot.trading.session-bars.exchange (NSE, NYSE)");
    }

    /** Whether the live bars are built here from the stream's trades (else they are the broker's). */
    boolean barsFromTrades() {
        return settings.from() == TradingProperties.BarsFrom.TRADES && session.streamsTrades();
    }

    /**
     * {@inheritDoc} While the exchange is closed (outside its regular session, weekends, holidays) silence does not
     * count ({@code now}); during a session it counts from the later of the stream's last trade, tick or bar and the
     * session's open, so a connected but silent stream is stale too; while a gap after a (re)subscription waits for its
     * history ({@link GapBackfill}) it counts from the last trade before the gap, however lively the stream is since.
     */
    @Override
    public long quietSince(long nowMillis, long lastBarWallMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        var today = calendar.session(now.atZone(calendar.zone()).toLocalDate());
        if (today.isEmpty() || !today.get().contains(now)) return nowMillis;
        long since = lastHeardMillis;
        GapBackfill gaps = backfill;
        if (gaps != null && gaps.pending()) since = Math.min(since, gaps.sinceMillis());
        return Math.max(since, today.get().open().toInstant().toEpochMilli());
    }

    @Override
    public List<Instrument> instruments() {
        return new ArrayList<>(instruments.values());
    }

    @Override
    public BarSeries history(Instrument instrument) {
        BarSeries s = history.get(instrument);
        if (s == null) throw new IllegalArgumentException("not streamed: " + instrument.symbol());
        return s;
    }

    @Override
    public boolean realTime() {
        return true;
    }

    @Override
    public void run(Map<String, Instant> resumeAfter, Sink sink) throws InterruptedException {
        Map<String, Long> after = new LinkedHashMap<>();
        for (Instrument i : instruments.values()) {
            Instant cp = resumeAfter.get(i.symbol());
            after.put(i.symbol(), cp == null ? Long.MIN_VALUE : cp.toEpochMilli());
        }
        BiConsumer<Instrument, Bar> toQueue = (instrument, bar) -> arrived.add(new FeedBar(instrument, series(instrument, List.of(bar)), 0));
        TradeBars trades = null;
        if (barsFromTrades()) {
            TradeBars built = new TradeBars(calendar, settings.interval(), settings.grace(), clock.instant(), toQueue);
            for (Instrument i : instruments.values()) built.track(i, resumeAfter.get(i.symbol()));
            trades = built;
            GapBackfill gaps = new GapBackfill(built, (instrument, from, to) -> session.history(instrument, GapBackfill.MINUTE, from, to),
                    clock, settings.grace(), session.broker() + " account " + session.accountId());
            backfill = gaps;
            stream = session.streamMarket(instruments(), new MarketListener() {
                @Override
                public void trade(Instrument instrument, MarketTrade trade) {
                    lastHeardMillis = clock.millis();
                    built.add(instrument, trade);
                }

                @Override
                public void subscribed(int connection) {
                    gaps.rejoined(lastHeardMillis);
                }

                @Override
                public void dropped() {
                    gaps.dropped();
                }
            });
            log.info("Bars of the {} account {}: built from its trades, {} on the {} calendar", session.broker(),
                    session.accountId(), settings.interval(), calendar.exchange());
        } else {
            stream = session.streamBars(instruments(), settings.interval(), (instrument, bar) -> {
                lastHeardMillis = clock.millis();
                toQueue.accept(instrument, bar);
            });
        }
        while (true) {
            if (trades != null) {
                backfill.poll(clock.instant());
                trades.flush(clock.instant());
            }
            FeedBar first = arrived.poll();
            if (first == null) {
                if (!sink.idle(IDLE_NANOS)) return;
                continue;
            }
            long t = first.series().startMillis(0);
            List<FeedBar> step = new ArrayList<>();
            add(step, first, after);
            for (FeedBar next; (next = arrived.peek()) != null && next.series().startMillis(0) == t && !holds(step, next); ) {
                add(step, arrived.poll(), after);
            }
            if (step.isEmpty()) continue;
            if (!sink.step(t, step)) return;
        }
    }

    private static boolean holds(List<FeedBar> step, FeedBar bar) {
        for (FeedBar b : step) if (b.instrument().equals(bar.instrument())) return true;
        return false;
    }

    /** The history's scale, at least the tick size's decimals (so that every streamed price fits). */
    @Override
    public int priceScale(Instrument instrument) {
        return Math.max(history(instrument).priceScale(), Math.max(0, instrument.tickSize().stripTrailingZeros().scale()));
    }

    private static void add(List<FeedBar> step, FeedBar bar, Map<String, Long> after) {
        String symbol = bar.instrument().symbol();
        long start = bar.series().startMillis(0);
        if (start <= after.get(symbol)) return;
        after.put(symbol, start);
        step.add(bar);
    }

    private BarSeries series(Instrument instrument, List<Bar> bars) {
        return BarSeries.fromBars(instrument.symbol(), zone, TimeStamping.DATE_TIME, bars);
    }

    /** What the back-fill of gaps in the trade stream is doing; empty unless the bars are built from trades. */
    java.util.Optional<GapBackfill.Status> backfill() {
        GapBackfill gaps = backfill;
        return gaps == null ? java.util.Optional.empty() : java.util.Optional.of(gaps.status());
    }

    @Override
    public void close() {
        GapBackfill gaps = backfill;
        if (gaps != null) gaps.close();
        AutoCloseable s = stream;
        stream = null;
        if (s == null) return;
        try {
            s.close();
        } catch (Exception e) {
            log.warn("Closing the {} bar stream failed: {}", session.broker(), e.toString());
        }
    }
}
