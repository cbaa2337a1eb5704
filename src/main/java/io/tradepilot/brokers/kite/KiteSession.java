package io.tradepilot.brokers.kite;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.MarketListener;
import io.tradepilot.brokers.MarketTrade;
import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.brokers.MonitoredSession;
import io.tradepilot.brokers.VenueHealth;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.engine.core.EngineInput;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.venue.ExecutionVenue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One Kite account as the engine host uses it ({@link VenueSession}): the venue ({@link KiteVenue}), the KiteTicker
 * ({@link KiteTickerStream}: order updates for the venue, ticks for {@link #streamBars}), the instruments dump,
 * historical candles, and the book for reconciliation ({@code GET /user/margins}, {@code /portfolio/positions},
 * {@code /orders}; fills from {@code GET /trades}). Everything runs on one adapter thread.
 *
 * <p>Kite has no paper endpoints: {@link #live()} is the account's {@link KiteConfig#live()} (false only for a stand-in
 * or a test app). Without an access token, or after Kite refused it, the session reports {@link #loginNeeded()}: the
 * admin signs in again (the Kite login page) and {@link #accessToken} hands the new token to every part.
 */
public final class KiteSession implements VenueSession, MonitoredSession {

    /** How {@link #health()} begins its {@code lastError} when Kite refused the token (the admin must sign in again). */
    public static final String LOGIN_NEEDED = "login needed";

    private static final Logger log = LoggerFactory.getLogger(KiteSession.class);
    private static final Duration BAR_GRACE = Duration.ofSeconds(2);

    private final String accountId;
    private final KiteConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final BrokerCallGuard guard;
    private final KiteClient client;
    private final ScheduledExecutorService thread;
    private final KiteVenue venue;
    private final KiteTickerStream ticker;
    private final Map<String, KiteInstrument> instruments = new ConcurrentHashMap<>();
    private final java.util.Set<String> loadedExchanges = ConcurrentHashMap.newKeySet();
    private final List<Consumer<List<KiteTick>>> tickSinks = new CopyOnWriteArrayList<>();
    private final List<Runnable> onReconnect = new CopyOnWriteArrayList<>();
    private final List<Runnable> onDrop = new CopyOnWriteArrayList<>();
    private volatile String loginProblem;
    private volatile Instant tokenExpiresAt;

    /**
     * @param accessToken   the day's token (null: none yet; the session then reports login needed)
     * @param signal        where three consecutive broker failures are reported ({@code BROKER_ERRORS})
     * @param onLoginNeeded told each time Kite refuses the token (the host shows "login needed"; never retried)
     */
    public KiteSession(String accountId, KiteConfig config, String accessToken, Clock clock, BrokerErrors signal,
                       Consumer<String> onLoginNeeded) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(onLoginNeeded, "onLoginNeeded");
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        this.guard = new BrokerCallGuard("kite", config.guard(),
                e -> e instanceof KiteException k && k.brokerFailure(),
                e -> e instanceof KiteException k && k.retryable(), signal);
        this.client = new KiteClient(http, config, guard);
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kite-" + accountId).daemon(true).factory());
        Consumer<String> loginNeeded = why -> {
            loginProblem = why;
            onLoginNeeded.accept(why);
        };
        this.venue = new KiteVenue(config, client, clock, thread, loginNeeded);
        this.ticker = new KiteTickerStream(http, config, thread,
                ticks -> tickSinks.forEach(s -> s.accept(ticks)),
                venue::onOrderUpdate,
                () -> {
                    venue.backfillAll();
                    onReconnect.forEach(Runnable::run);
                },
                () -> loginNeeded.accept("KiteTicker refused the access token"),
                () -> onDrop.forEach(Runnable::run));
        if (accessToken != null) accessToken(accessToken);
    }

    /** Hands the day's access token (after the login) to the REST client, the venue and the ticker. */
    public void accessToken(String token) {
        Objects.requireNonNull(token, "token");
        loginProblem = null;
        venue.accessToken(token);
        ticker.accessToken(token);
    }

    /** When the token handed over last stops working (Kite: 06:00 IST after the login); null when unknown. */
    public void tokenExpiresAt(Instant expiresAt) {
        this.tokenExpiresAt = expiresAt;
    }

    /**
     * Connected when the ticker is (or, without a ticker URL, while a token is usable); {@code lastError} starts with
     * {@link #LOGIN_NEEDED} while the session has no usable token.
     */
    @Override
    public VenueHealth health() {
        boolean loginNeeded = loginNeeded();
        String error = loginNeeded ? LOGIN_NEEDED + (loginProblem == null ? ": no access token (sign in at Kite)" : ": " + loginProblem)
                : config.tickerUrl() != null && !ticker.connected() ? "KiteTicker not connected" : null;
        return new VenueHealth(!loginNeeded && (config.tickerUrl() == null || ticker.connected()) && !guard.open(), guard.open(),
                guard.headroom(), tokenExpiresAt, error);
    }

    /** Whether the session has no usable token (never had one, or Kite refused it): the admin must sign in. */
    public boolean loginNeeded() {
        return venue.loginNeeded() || ticker.tokenRefused();
    }

    /** Why the login is needed (Kite's last refusal), or null. */
    public String loginProblem() {
        return loginProblem;
    }

    /** Whether the ticker is connected now. */
    public boolean tickerConnected() {
        return ticker.connected();
    }

    /** Whether three consecutive broker failures opened the breaker. */
    public boolean brokerFailing() {
        return guard.open();
    }

    /** Requests left in the current minute under the guard's limit. */
    public int rateLimitHeadroom() {
        return guard.headroom();
    }

    /** The REST client (connection checks, the login's token exchange). */
    public KiteClient client() {
        return client;
    }

    public KiteConfig config() {
        return config;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public String broker() {
        return "kite";
    }

    @Override
    public boolean live() {
        return config.live();
    }

    @Override
    public ExecutionVenue venue() {
        return venue;
    }

    /** The venue with its Kite specifics (tests, the host's status). */
    public KiteVenue kiteVenue() {
        return venue;
    }

    @Override
    public void start(EngineInput engine) {
        venue.start(engine);
        if (config.tickerUrl() != null) ticker.start();
    }

    /**
     * The instrument for {@code symbol} ({@code INFY} on NSE, or {@code BSE:INFY}) from Kite's instruments dump, read
     * once per exchange and kept; empty when Kite does not list it (or the dump cannot be read now).
     */
    @Override
    public Optional<Instrument> instrument(String symbol) {
        return kiteInstrument(symbol).map(KiteInstrument::toInstrument);
    }

    /** The dump's row for {@code symbol} (as {@link #instrument}), with the ticker's instrument token. */
    public Optional<KiteInstrument> kiteInstrument(String symbol) {
        int colon = symbol.indexOf(':');
        String exchange = colon > 0 ? symbol.substring(0, colon) : "NSE";
        String trading = colon > 0 ? symbol.substring(colon + 1) : symbol;
        String key = exchange + ":" + trading;
        KiteInstrument known = instruments.get(key);
        if (known != null) return Optional.of(known);
        if (!loadedExchanges.contains(exchange)) {
            try {
                for (KiteInstrument i : client.instruments(exchange)) instruments.put(i.exchange() + ":" + i.tradingSymbol(), i);
                loadedExchanges.add(exchange);
            } catch (RuntimeException e) {
                log.warn("Kite: instruments of {} not readable ({})", exchange, e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.ofNullable(instruments.get(key));
    }

    @Override
    public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) {
        KiteInstrument k = kiteInstrument(instrument.exchange() + ":" + instrument.symbol())
                .orElseThrow(() -> new IllegalArgumentException("Kite does not list " + instrument.exchange() + ":" + instrument.symbol()));
        String interval = interval(barSize);
        return client.candles(k.instrumentToken(), interval, from, to).stream()
                .filter(b -> !b.start().isBefore(from) && b.start().isBefore(to)).toList();
    }

    /**
     * 1-minute bars from the ticker's ticks ({@link MinuteBars}, exchange clock). After a reconnect, the minutes missed
     * are read from Kite's historical candles and handed on first. Only {@code barSize} = 1 minute.
     */
    @Override
    public AutoCloseable streamBars(List<Instrument> instruments, Duration barSize, BiConsumer<Instrument, Bar> sink) {
        if (!Duration.ofMinutes(1).equals(barSize)) throw new IllegalArgumentException("Kite streams 1-minute bars only");
        Map<Long, Instrument> tokens = new HashMap<>();
        for (Instrument i : instruments) {
            KiteInstrument k = kiteInstrument(i.exchange() + ":" + i.symbol())
                    .orElseThrow(() -> new IllegalArgumentException("Kite does not list " + i.exchange() + ":" + i.symbol()));
            tokens.put(k.instrumentToken(), i);
        }
        MinuteBars bars = new MinuteBars(BAR_GRACE, (token, bar) -> {
            Instrument i = tokens.get(token);
            if (i != null) sink.accept(i, bar);
        });
        Consumer<List<KiteTick>> onTicks = ticks -> {
            Instant now = clock.instant();
            for (KiteTick t : ticks) if (tokens.containsKey(t.instrumentToken())) bars.tick(t, now);
        };
        Runnable backfill = () -> {
            Instant now = clock.instant();
            for (Long token : tokens.keySet()) {
                Instant last = bars.lastFinished(token);
                if (last == null) continue; // nothing streamed yet: no gap to fill
                try {
                    for (Bar b : client.candles(token, "minute", last.plus(barSize), MinuteBars.minuteOf(now))) {
                        if (b.start().isBefore(MinuteBars.minuteOf(now))) bars.backfilled(token, b);
                    }
                } catch (RuntimeException e) {
                    log.warn("Kite: missed bars of {} not back-filled ({})", tokens.get(token).symbol(), e.getMessage());
                }
            }
        };
        tickSinks.add(onTicks);
        onReconnect.add(backfill);
        ScheduledFuture<?> flush = thread.scheduleWithFixedDelay(() -> bars.flush(clock.instant()), 1, 1, TimeUnit.SECONDS);
        ticker.subscribe(List.copyOf(tokens.keySet()));
        return () -> {
            flush.cancel(false);
            tickSinks.remove(onTicks);
            onReconnect.remove(backfill);
        };
    }

    /** {@inheritDoc} KiteTicker streams ticks. */
    @Override
    public boolean streamsTrades() {
        return true;
    }

    /**
     * {@inheritDoc} Every KiteTicker tick of {@code instruments} as a {@linkplain MarketTrade#tick tick}: last traded
     * price and quantity, the day's cumulative volume, at the last trade's time (else the packet's exchange time, else
     * the receive time): a quote-only tick repeating an earlier trade thus falls into that trade's bar (or is late).
     */
    @Override
    public AutoCloseable streamTrades(List<Instrument> instruments, BiConsumer<Instrument, MarketTrade> sink) {
        return streamMarket(instruments, MarketListener.trades(sink));
    }

    /**
     * {@inheritDoc} {@code subscribed} follows each KiteTicker connection (the subscription is sent on connecting);
     * one already connected counts as the first; {@code dropped} each drop.
     */
    @Override
    public AutoCloseable streamMarket(List<Instrument> instruments, MarketListener listener) {
        Map<Long, Instrument> tokens = new HashMap<>();
        for (Instrument i : instruments) {
            KiteInstrument k = kiteInstrument(i.exchange() + ":" + i.symbol())
                    .orElseThrow(() -> new IllegalArgumentException("Kite does not list " + i.exchange() + ":" + i.symbol()));
            tokens.put(k.instrumentToken(), i);
        }
        Consumer<List<KiteTick>> onTicks = ticks -> {
            Instant now = clock.instant();
            for (KiteTick t : ticks) {
                Instrument i = tokens.get(t.instrumentToken());
                if (i == null || t.lastPrice() == null || t.lastPrice().signum() <= 0) continue;
                Instant at = t.lastTradeTime() != null ? t.lastTradeTime() : t.exchangeTime() != null ? t.exchangeTime() : now;
                listener.trade(i, MarketTrade.tick(at, t.lastPrice(), Math.max(0, t.lastQuantity()), Math.max(0, t.volumeToday())));
            }
        };
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        Runnable onConnected = () -> listener.subscribed(connections.incrementAndGet());
        Runnable onDropped = listener::dropped;
        tickSinks.add(onTicks);
        onReconnect.add(onConnected);
        onDrop.add(onDropped);
        ticker.subscribe(List.copyOf(tokens.keySet()));
        if (ticker.connected()) thread.execute(() -> { if (connections.get() == 0) onConnected.run(); });
        return () -> {
            tickSinks.remove(onTicks);
            onReconnect.remove(onConnected);
            onDrop.remove(onDropped);
        };
    }

    @Override
    public BrokerBook book() {
        BigDecimal cash = client.equityCash();
        List<BrokerBook.BrokerPosition> positions = new ArrayList<>();
        for (KitePosition p : client.positions()) {
            positions.add(new BrokerBook.BrokerPosition(instrumentOrDefault(p.exchange(), p.tradingSymbol()), p.quantity(), p.averagePrice()));
        }
        List<BrokerBook.BrokerOrder> working = new ArrayList<>();
        for (KiteOrder o : client.orders()) {
            if (o.ended()) continue;
            working.add(new BrokerBook.BrokerOrder(cidOf(o.tag()), o.orderId(), instrumentOrDefault(o.exchange(), o.tradingSymbol()),
                    Side.valueOf(o.transactionType()), o.quantity(), o.filledQuantity(), o.status()));
        }
        return new BrokerBook(clock.instant(), Money.INR, cash, positions, working);
    }

    @Override
    public List<BrokerBook.BrokerFill> fillsSince(Instant after) {
        Map<String, String> tagOfOrder = new HashMap<>();
        for (KiteOrder o : client.orders()) tagOfOrder.put(o.orderId(), o.tag());
        List<BrokerBook.BrokerFill> out = new ArrayList<>();
        for (KiteTrade t : client.trades()) {
            if (t.fillTimestamp() == null || !t.fillTimestamp().isAfter(after)) continue;
            Side side = Side.valueOf(t.transactionType());
            out.add(new BrokerBook.BrokerFill(t.tradeId(), cidOf(tagOfOrder.get(t.orderId())), t.orderId(),
                    instrumentOrDefault(t.exchange(), t.tradingSymbol()), side, t.quantity(), t.averagePrice(),
                    venue.charges(side, t.quantity(), t.averagePrice()), t.fillTimestamp()));
        }
        out.sort(Comparator.comparing(BrokerBook.BrokerFill::at));
        return out;
    }

    private String cidOf(String tag) {
        return venue.clientOrderIdOfTag(tag).map(ClientOrderId::value).orElse(null);
    }

    private Instrument instrumentOrDefault(String exchange, String symbol) {
        KiteInstrument k = instruments.get(exchange + ":" + symbol);
        return k != null ? k.toInstrument() : new Instrument(symbol, exchange, Money.INR, new BigDecimal("0.05"), BigDecimal.ONE);
    }

    private static String interval(Duration barSize) {
        long minutes = barSize.toMinutes();
        if (barSize.equals(Duration.ofDays(1))) return "day";
        return switch ((int) minutes) {
            case 1 -> "minute";
            case 3, 5, 10, 15, 30, 60 -> minutes + "minute";
            default -> throw new IllegalArgumentException("Kite has no " + barSize + " candles");
        };
    }

    @Override
    public void close() {
        try {
            ticker.close();
            thread.shutdownNow();
            http.shutdownNow();
        } catch (RuntimeException e) {
            log.warn("Kite session {}: closing failed ({})", accountId, e.toString());
        }
    }
}
