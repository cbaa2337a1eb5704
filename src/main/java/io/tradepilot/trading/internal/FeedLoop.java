package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.marketdata.BarSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's side of the {@link MarketFeed}: on the feed thread it applies the queued placements, then hands the
 * engine the step's bars (outliers dropped, {@link OutlierFilter}; every bar also offered to the {@link BarCache}),
 * waits until the engine has processed them, records the step (checkpoint and equity), waits until every accepted
 * order is committed and the ledger's backlog is bounded, and applies the market-time square-off. Between steps and
 * after the source ends it keeps applying placements. It also remembers when the last bar came (for staleness).
 */
final class FeedLoop implements MarketFeed.Sink {

    private static final Logger log = LoggerFactory.getLogger(FeedLoop.class);

    private final SingleWriterEngine engine;
    private final LedgerWriter writer;
    private final MarketClock marketClock;
    private final Placements placements;
    private final BarCache barCache;
    private final Clock clock;
    private final OutlierFilter outliers;
    private final TradingProperties.MarketData md;
    /** The square-off in market time (feed not real time, some strategy intraday), else null. */
    private final MarketTimeSquareOff squareOff;

    private volatile boolean feeding = true;
    private volatile boolean finished;
    private volatile long lastBarWallMillis;
    private volatile Instant lastBarTime;
    private volatile TradingMetrics metrics = TradingMetrics.NONE;

    FeedLoop(SingleWriterEngine engine, LedgerWriter writer, MarketClock marketClock, Placements placements, BarCache barCache,
             Clock clock, TradingProperties.MarketData md, MarketTimeSquareOff squareOff) {
        this.engine = engine;
        this.writer = writer;
        this.marketClock = marketClock;
        this.placements = placements;
        this.barCache = barCache;
        this.clock = clock;
        this.md = md;
        this.squareOff = squareOff;
        this.outliers = new OutlierFilter(md.outlierThreshold());
        this.lastBarWallMillis = clock.millis();
    }

    /**
     * Runs {@code feed} on the calling thread (the feed thread) until it ends, then keeps placing until
     * {@link #stop}; a feed that fails is logged and stops (the staleness check then trips the breaker).
     */
    void run(MarketFeed feed, Map<String, Instant> resumeAfter) {
        try {
            feed.run(resumeAfter, this);
            if (!feeding) return;
            finished = true;
            log.info("Market data ended after {}", lastBarTime);
            while (feeding) placements.placeNext(100_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The market data feed failed and stopped", e);
        }
    }

    /** Counts bars in and the bar → order latency in {@code metrics} ({@link TradingMetrics}) from the next step on. */
    void meterWith(TradingMetrics metrics) {
        this.metrics = metrics;
    }

    /** Stops feeding: no further step is taken. */
    void stop() {
        feeding = false;
    }

    @Override
    public boolean step(long t, List<MarketFeed.FeedBar> bars) {
        if (!feeding) return false;
        placements.drain();
        marketClock.set(t);
        long stepStarted = System.nanoTime();
        long acceptedBefore = writer.acceptedOrders();
        Map<String, Long> step = new HashMap<>();
        for (MarketFeed.FeedBar b : bars) {
            BarSeries series = b.series();
            int k = b.index();
            String symbol = b.instrument().symbol();
            if (!outliers.accept(symbol, series.close(k), series.priceScale())) {
                log.warn("Dropped an outlier bar of {} at {}: close {} is more than {} from the last accepted close",
                        symbol, series.start(k), series.decimal(series.close(k)).toPlainString(), md.outlierThreshold());
                continue;
            }
            engine.accept(new EngineCommand.OnBar(b.instrument(), series.bar(k)));
            barCache.offer(symbol, series, k);
            step.put(symbol, (long) k + 1);
        }
        if (step.isEmpty()) return feeding;
        metrics.barsIn(step.size());
        lastBarWallMillis = clock.millis();
        lastBarTime = Instant.ofEpochMilli(t);
        if (!placements.awaitApplied()) return false;
        writer.enqueue(new LedgerItem.StepDone(Instant.ofEpochMilli(t), step, engine.latest().portfolio()));
        while (!writer.awaitOrdersDurable(Duration.ofSeconds(1))) {
            if (!feeding) return false;
            log.warn("Waiting for the ledger to record accepted orders before the next bar ({} items queued)", writer.backlog());
        }
        if (writer.acceptedOrders() != acceptedBefore) metrics.barToOrder(System.nanoTime() - stepStarted);
        while (!writer.awaitBacklogBelow(EngineHost.MAX_LEDGER_BACKLOG, Duration.ofSeconds(1))) {
            if (!feeding) return false;
            log.warn("Waiting for the ledger to catch up before the next bar ({} items queued)", writer.backlog());
        }
        if (squareOff != null) {
            var command = squareOff.afterStep(t);
            if (command.isPresent()) {
                log.info("{} of {}", command.get().reason(), command.get().symbols());
                placements.applyAndRecord(command.get());
            }
        }
        return feeding;
    }

    @Override
    public boolean idle(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (long left; feeding && (left = deadline - System.nanoTime()) > 0; ) placements.placeNext(left);
        return feeding;
    }

    /** True once the source has no more bars. */
    boolean finished() {
        return finished;
    }

    /** The start of the last bar given to the engine, null before the first. */
    Instant lastBarTime() {
        return lastBarTime;
    }

    /** The wall-clock time (epoch millis) the last bar reached the engine, or the feed began. */
    long lastBarWallMillis() {
        return lastBarWallMillis;
    }
}
