package io.tradepilot.brokers.alpaca;

import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.brokers.MarketListener;
import io.tradepilot.brokers.MarketTrade;
import io.tradepilot.brokers.MonitoredSession;
import io.tradepilot.brokers.VenueHealth;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.engine.core.EngineInput;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.venue.ExecutionVenue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * One Alpaca account as the engine host uses it ({@link VenueSession}): orders through {@link AlpacaVenue} (trading
 * REST and {@code trade_updates}); instruments from {@code GET /v2/assets} (US equities in USD, lot 1, the asset's
 * exchange, tick $0.01 — $0.0001 for a stock whose latest trade is below $1, Alpaca's sub-penny rule); bars from the
 * market-data REST API ({@link AlpacaMarketData}) and its websocket ({@link AlpacaBarStream}, gaps back-filled by
 * {@link AlpacaBarFeed}); the book from {@code /v2/account}, {@code /v2/positions} and {@code /v2/orders?status=open};
 * fills from the FILL activities. Trading calls share one guard (200 requests/min, BROKER_ERRORS after three broker
 * failures in a row); market-data calls have their own (the data API's own 200/min), whose failures do not trip the
 * breaker (stale data has its own trip).
 */
public final class AlpacaSession implements VenueSession, MonitoredSession {

    private static final Logger log = LoggerFactory.getLogger(AlpacaSession.class);
    /** The ids the engine derives ({@code strategy:symbol:millis:B|S:seq}), with a replacement's {@code #R<n>}. */
    private static final Pattern TRADEPILOT_ID = Pattern.compile("(.+:.+:-?\\d+:[BS]:\\d+)(#R\\d+)?");
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal SUB_PENNY = new BigDecimal("0.0001");

    private final AccountCredentials account;
    private final AlpacaConfig config;
    private final URI dataStreamUrl;
    private final Clock clock;
    private final HttpClient http;
    private final AlpacaVenue venue;
    private final AlpacaClient trading;
    private final BrokerCallGuard dataGuard;
    private final AlpacaMarketData data;
    private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();
    private final List<AlpacaBarStream> barStreams = new CopyOnWriteArrayList<>();
    private final List<ScheduledExecutorService> threads = new CopyOnWriteArrayList<>();
    private volatile Map<String, AlpacaAsset> assets;

    /**
     * @param config the trading side (base URL, {@code trade_updates} URL or null, credentials, timeouts, guard)
     * @param signal where three consecutive trading failures are reported (BROKER_ERRORS)
     */
    public AlpacaSession(AccountCredentials account, AlpacaConfig config, Clock clock, BrokerErrors signal) {
        this.account = Objects.requireNonNull(account, "account");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataStreamUrl = account.dataStreamUrl();
        this.venue = new AlpacaVenue(config, clock, signal);
        this.trading = venue.client();
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        this.dataGuard = new BrokerCallGuard("alpaca-data", config.guard(),
                e -> e instanceof AlpacaException a && a.brokerFailure(),
                e -> e instanceof AlpacaException a && a.retryable(), BrokerErrors.IGNORE);
        this.data = new AlpacaMarketData(new AlpacaClient(http, config, dataGuard, account.marketDataUrl()), account.dataFeed());
    }

    @Override
    public String accountId() {
        return Long.toString(account.accountId());
    }

    @Override
    public String broker() {
        return "alpaca";
    }

    @Override
    public boolean live() {
        return account.live();
    }

    @Override
    public ExecutionVenue venue() {
        return venue;
    }

    @Override
    public void start(EngineInput engine) {
        venue.start(engine);
    }

    /** The REST client of the trading API (for reconciliation and connection checks). */
    public AlpacaClient tradingClient() {
        return trading;
    }

    @Override
    public Optional<Instrument> instrument(String symbol) {
        Instrument known = instruments.get(symbol);
        if (known != null) return Optional.of(known);
        AlpacaAsset asset = assets().get(symbol);
        if (asset == null || !asset.tradable() || !"active".equals(asset.status())) return Optional.empty();
        BigDecimal tick = CENT;
        try {
            tick = data.latestTradePrice(symbol).filter(p -> p.compareTo(BigDecimal.ONE) < 0).map(p -> SUB_PENNY).orElse(CENT);
        } catch (RuntimeException e) {
            log.warn("Alpaca: no latest trade of {} ({}); tick size $0.01", symbol, e.getMessage());
        }
        Instrument instrument = new Instrument(symbol, asset.exchange() == null ? "US" : asset.exchange(), Money.USD, tick, BigDecimal.ONE);
        instruments.put(symbol, instrument);
        return Optional.of(instrument);
    }

    private Map<String, AlpacaAsset> assets() {
        Map<String, AlpacaAsset> known = assets;
        if (known == null) {
            synchronized (this) {
                if (assets == null) {
                    Map<String, AlpacaAsset> map = new HashMap<>();
                    for (AlpacaAsset a : trading.assets()) {
                        if (a.symbol() != null) map.put(a.symbol(), a);
                    }
                    assets = Map.copyOf(map);
                }
                known = assets;
            }
        }
        return known;
    }

    /** {@inheritDoc} Only bars already finished now (their period ended) are returned. */
    @Override
    public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) {
        Instant now = clock.instant();
        return data.bars(instrument.symbol(), barSize, from, to).stream()
                .filter(b -> !b.start().plus(barSize).isAfter(now)).toList();
    }

    /**
     * {@inheritDoc} Alpaca allows one market-data connection per feed and account: stream all instruments through one
     * call. Bar sizes: see {@link AlpacaBarFeed}.
     *
     * @throws IllegalArgumentException for a bar size Alpaca's minute bars cannot build
     * @throws IllegalStateException    when the account has no data stream URL
     */
    @Override
    public AutoCloseable streamBars(List<Instrument> instruments, Duration barSize, BiConsumer<Instrument, Bar> sink) {
        if (dataStreamUrl == null) throw new IllegalStateException("account " + account.name() + " has no market-data stream URL");
        AlpacaBarFeed feed = new AlpacaBarFeed(instruments, barSize, data, clock, sink);
        return open("alpaca-bars", thread -> new AlpacaBarStream(http, config, dataStreamUrl,
                instruments.stream().map(Instrument::symbol).toList(), thread, feed::minute, connection -> feed.caughtUp()));
    }

    /** Starts a market-data stream on a thread of its own; the handle closes both. */
    private AutoCloseable open(String threadName, java.util.function.Function<ScheduledExecutorService, AlpacaBarStream> make) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(threadName).daemon(true).factory());
        threads.add(thread);
        AlpacaBarStream stream = make.apply(thread);
        barStreams.add(stream);
        stream.start();
        return () -> {
            stream.close();
            barStreams.remove(stream);
            thread.shutdownNow();
            threads.remove(thread);
        };
    }

    /** {@inheritDoc} Alpaca's data stream carries trades when the account has a market-data stream URL. */
    @Override
    public boolean streamsTrades() {
        return dataStreamUrl != null;
    }

    /**
     * {@inheritDoc} The trades of {@code instruments} on the account's market-data stream (one connection: stream all
     * instruments through one call), {@code {"T":"t"}} messages with exact prices and sizes; reconnects like the bars.
     */
    @Override
    public AutoCloseable streamTrades(List<Instrument> instruments, BiConsumer<Instrument, MarketTrade> sink) {
        return streamMarket(instruments, MarketListener.trades(sink));
    }

    /**
     * {@inheritDoc} {@code subscribed} follows Alpaca's {@code subscription} answer listing every symbol; {@code dropped}
     * each drop, refused handshake or given-up connection.
     */
    @Override
    public AutoCloseable streamMarket(List<Instrument> instruments, MarketListener listener) {
        if (dataStreamUrl == null) throw new IllegalStateException("account " + account.name() + " has no market-data stream URL");
        Map<String, Instrument> bySymbol = new java.util.LinkedHashMap<>();
        for (Instrument i : instruments) bySymbol.put(i.symbol(), i);
        return open("alpaca-trades", thread -> AlpacaBarStream.trades(http, config, dataStreamUrl, List.copyOf(bySymbol.keySet()),
                thread, (symbol, trade) -> {
                    Instrument i = bySymbol.get(symbol);
                    if (i != null) listener.trade(i, trade);
                }, listener::subscribed, listener::dropped));
    }

    @Override
    public BrokerBook book() {
        AlpacaAccount a = trading.account();
        List<BrokerBook.BrokerPosition> positions = new ArrayList<>();
        for (AlpacaPosition p : trading.positions()) {
            BigDecimal qty = p.qty();
            if ("short".equals(p.side()) && qty.signum() > 0) qty = qty.negate();
            positions.add(new BrokerBook.BrokerPosition(known(p.symbol(), p.exchange()), qty, p.avgEntryPrice()));
        }
        List<BrokerBook.BrokerOrder> orders = new ArrayList<>();
        for (AlpacaOrder o : trading.openOrders()) {
            orders.add(new BrokerBook.BrokerOrder(tradepilotId(o.clientOrderId()), o.id(), known(o.symbol(), null), side(o.side()),
                    o.qty(), o.filledQty(), o.status()));
        }
        Currency currency = a.currency() == null ? Money.USD : Currency.getInstance(a.currency());
        return new BrokerBook(clock.instant(), currency, a.cash(), positions, orders);
    }

    @Override
    public List<BrokerBook.BrokerFill> fillsSince(Instant after) {
        Map<String, Optional<AlpacaOrder>> orders = new HashMap<>();
        List<BrokerBook.BrokerFill> out = new ArrayList<>();
        for (AlpacaFill f : trading.fills(after)) {
            Optional<AlpacaOrder> order = f.orderId() == null ? Optional.empty()
                    : orders.computeIfAbsent(f.orderId(), trading::orderById);
            out.add(new BrokerBook.BrokerFill(f.id(), order.map(o -> tradepilotId(o.clientOrderId())).orElse(null), f.orderId(),
                    known(f.symbol(), null), side(f.side()), f.qty(), f.price(), BigDecimal.ZERO, f.transactionTime()));
        }
        return out;
    }

    /** The engine's client order id behind Alpaca's (a replacement's {@code #R<n>} removed); null for an order placed elsewhere. */
    static String tradepilotId(String alpacaClientOrderId) {
        if (alpacaClientOrderId == null) return null;
        var m = TRADEPILOT_ID.matcher(alpacaClientOrderId);
        return m.matches() ? m.group(1) : null;
    }

    private Instrument known(String symbol, String exchange) {
        Instrument i = instruments.get(symbol);
        if (i != null) return i;
        AlpacaAsset asset = assets == null ? null : assets.get(symbol);
        String venueName = exchange != null ? exchange : asset != null && asset.exchange() != null ? asset.exchange() : "US";
        return Instrument.usEquity(symbol, venueName);
    }

    private static Side side(String alpacaSide) {
        return alpacaSide != null && alpacaSide.startsWith("sell") ? Side.SELL : Side.BUY;
    }

    @Override
    public VenueHealth health() {
        boolean tradeStream = config.streamUrl() == null || venue.streamListening();
        boolean bars = barStreams.stream().allMatch(AlpacaBarStream::listening);
        String error = barStreams.stream().map(AlpacaBarStream::lastError).filter(Objects::nonNull).findFirst().orElse(null);
        if (!tradeStream && error == null) error = "trade_updates not connected";
        return new VenueHealth(tradeStream && bars && !venue.brokerFailing(), venue.brokerFailing(),
                Math.min(venue.rateLimitHeadroom(), dataGuard.headroom()), null, error);
    }

    @Override
    public void close() {
        try {
            barStreams.forEach(AlpacaBarStream::close);
            barStreams.clear();
            threads.forEach(ScheduledExecutorService::shutdownNow);
            threads.clear();
            venue.close();
        } catch (RuntimeException e) {
            log.warn("Alpaca session of account {}: closing failed: {}", account.name(), e.toString());
        }
    }
}
