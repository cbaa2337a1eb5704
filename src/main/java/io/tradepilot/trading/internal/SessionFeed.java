package io.tradepilot.trading.internal;

import io.tradepilot.brokers.VenueSession;
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

/**
 * A broker account's market data as a {@link MarketFeed}: the instruments from {@link VenueSession#instrument}, the
 * history of the last {@link #HISTORY} from {@link VenueSession#history} (warm-up, recovery marks), and the finished
 * bars {@link VenueSession#streamBars} pushes (on the adapter's thread) handed to the host's sink in arrival order;
 * bars that arrive together with the same start form one step. Bars not after the ledger's checkpoint are skipped (a
 * restart does not feed a bar twice). Real time: the host's wall-clock jobs (square-off) apply.
 */
final class SessionFeed implements MarketFeed {

    private static final Logger log = LoggerFactory.getLogger(SessionFeed.class);
    /** The bar size the host trades on broker data. */
    static final Duration BAR = Duration.ofMinutes(5);
    /** How far back the warm-up history reaches. */
    static final Duration HISTORY = Duration.ofDays(10);
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final VenueSession session;
    private final ZoneId zone;
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Map<Instrument, BarSeries> history = new LinkedHashMap<>();
    private final LinkedBlockingQueue<FeedBar> arrived = new LinkedBlockingQueue<>();
    private volatile AutoCloseable stream;

    /**
     * Resolves every symbol at the broker and loads its history now. Refuses (IllegalStateException) a symbol the
     * broker does not list.
     */
    SessionFeed(VenueSession session, List<String> symbols, ZoneId zone, Clock clock) {
        this.session = session;
        this.zone = zone;
        Instant now = clock.instant();
        for (String symbol : symbols) {
            Instrument instrument = session.instrument(symbol).orElseThrow(() -> new IllegalStateException(
                    "the " + session.broker() + " account " + session.accountId() + " does not list " + symbol));
            instruments.put(symbol, instrument);
            history.put(instrument, series(instrument, session.history(instrument, BAR, now.minus(HISTORY), now)));
        }
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
        stream = session.streamBars(instruments(), BAR, (instrument, bar) -> arrived.add(new FeedBar(instrument,
                series(instrument, List.of(bar)), 0)));
        while (true) {
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

    @Override
    public void close() {
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
