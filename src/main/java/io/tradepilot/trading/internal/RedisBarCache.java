package io.tradepilot.trading.internal;

import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.MarketDataUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bar cache in Redis: one list per symbol ({@code <prefix><SYMBOL>}) holding the newest
 * {@code history} bars as {@code startMillis,open,high,low,close,volume} with exact decimal strings.
 *
 * <p>Writing is off the feed's path: {@link #offer} only puts the bar on a bounded queue (dropping it
 * when full); the thread {@code trading-bar-cache} drains the queue in batches and writes each batch with
 * one {@code RPUSH} (all of the batch's bars of a symbol) and one {@code LTRIM} per symbol, on the
 * application's shared Redis connection. When Redis fails the batch is dropped, the
 * failure is logged once, and writing resumes (logged) with the next batch Redis takes.
 */
final class RedisBarCache implements BarCache, MarketDataQueries, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBarCache.class);
    private static final int BATCH = 1000;

    /** A bar waiting to be written; prices scaled by {@code scale} decimals. */
    private record Pending(String symbol, long start, long open, long high, long low, long close, long volume, int scale) {
    }

    private final StringRedisTemplate redis;
    private final BarCacheProperties properties;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean down;
    /** Bars taken off the queue and not yet written or dropped. */
    private volatile int inFlight;

    RedisBarCache(StringRedisTemplate redis, BarCacheProperties properties) {
        this.redis = redis;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.writer = Thread.ofPlatform().name("trading-bar-cache").daemon().unstarted(this::drain);
        if (properties.enabled()) writer.start();
    }

    // ------------------------------------------------------------------------------ writing

    @Override
    public void offer(String symbol, BarSeries series, int k) {
        if (!properties.enabled() || !running) return;
        Pending p = new Pending(symbol, series.startMillis(k), series.open(k), series.high(k), series.low(k), series.close(k),
                series.volume(k), series.priceScale());
        if (!queue.offer(p)) dropped.incrementAndGet();
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                inFlight = batch.size();
                write(batch);
            } catch (InterruptedException e) {
                // close(): the loop ends once the queue is empty
            } finally {
                inFlight = 0;
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        Map<String, List<String>> bySymbol = new LinkedHashMap<>();
        for (Pending p : batch) bySymbol.computeIfAbsent(p.symbol(), s -> new ArrayList<>()).add(encode(p));
        try {
            // Not pipelined: a pipeline needs a connection of its own, and without a pool Lettuce opens
            // (and closes) one per batch; two commands per symbol on the shared connection cost less.
            redis.execute((RedisCallback<Object>) connection -> {
                for (var e : bySymbol.entrySet()) {
                    byte[] key = (properties.keyPrefix() + e.getKey()).getBytes(StandardCharsets.UTF_8);
                    byte[][] values = new byte[e.getValue().size()][];
                    for (int i = 0; i < values.length; i++) values[i] = e.getValue().get(i).getBytes(StandardCharsets.UTF_8);
                    connection.listCommands().rPush(key, values);
                    connection.listCommands().lTrim(key, -properties.history(), -1);
                }
                return null;
            });
            written.addAndGet(batch.size());
            if (down) {
                down = false;
                log.info("The bar cache reaches Redis again; {} bars were dropped meanwhile", dropped.get());
            }
        } catch (RuntimeException e) {
            dropped.addAndGet(batch.size());
            if (!down) {
                down = true;
                log.warn("The bar cache cannot reach Redis ({}): dropping bars until it answers again; trading is not affected", e.toString());
            }
        }
    }

    private static String encode(Pending p) {
        return p.start() + "," + BigDecimal.valueOf(p.open(), p.scale()).toPlainString() + "," + BigDecimal.valueOf(p.high(), p.scale()).toPlainString()
                + "," + BigDecimal.valueOf(p.low(), p.scale()).toPlainString() + "," + BigDecimal.valueOf(p.close(), p.scale()).toPlainString()
                + "," + p.volume();
    }

    /** Bars written to Redis so far. */
    long written() { return written.get(); }

    /** Bars dropped so far (queue full or Redis unreachable). */
    long dropped() { return dropped.get(); }

    /** Bars waiting to be written (queued or being written). */
    int backlog() { return queue.size() + inFlight; }

    /** Stops the writer after it has written (or dropped) what is queued, waiting at most 5 s. */
    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------ reading

    @Override
    public List<CachedBar> recentBars(String symbol, int limit) {
        String key = key(symbol);
        int n = Math.max(1, Math.min(MAX_LIMIT, limit));
        List<String> raw;
        try {
            raw = redis.opsForList().range(key, -n, -1);
        } catch (RuntimeException e) {
            throw new MarketDataUnavailableException("the bar cache cannot be read now", e);
        }
        if (raw == null) return List.of();
        List<CachedBar> out = new ArrayList<>(raw.size());
        for (String s : raw) out.add(decode(symbol, s));
        return List.copyOf(out);
    }

    @Override
    public Optional<BigDecimal> latestClose(String symbol) {
        String key = key(symbol);
        String last;
        try {
            last = redis.opsForList().index(key, -1);
        } catch (RuntimeException e) {
            throw new MarketDataUnavailableException("the bar cache cannot be read now", e);
        }
        return last == null ? Optional.empty() : Optional.of(decode(symbol, last).close());
    }

    private String key(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("not a symbol: 1 to 64 of A-Z, a-z, 0-9, . _ - & :");
        }
        return properties.keyPrefix() + symbol;
    }

    private static CachedBar decode(String symbol, String s) {
        String[] f = s.split(",");
        return new CachedBar(symbol, Instant.ofEpochMilli(Long.parseLong(f[0])), new BigDecimal(f[1]), new BigDecimal(f[2]),
                new BigDecimal(f[3]), new BigDecimal(f[4]), Long.parseLong(f[5]));
    }

}
