package io.tradepilot.trading.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tradepilot.brokers.alpaca.AlpacaConfig;
import io.tradepilot.brokers.alpaca.AlpacaVenue;
import io.tradepilot.brokers.alpaca.StandInTradeStream;
import io.tradepilot.brokers.internal.BrokerCallGuard;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.SingleWriterEngine;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Bench (prints its figures; not a test): the order round trip through the host's venue path and a stand-in Alpaca.
 * A real engine on its single writer trades at {@link AlpacaVenue} behind the host's {@link WriteAheadVenue}; the
 * "ledger commit" that releases a held submit is a single thread handing each {@code OrderAccepted} back (no database:
 * the commit's own cost is the ledger's, see docs/performance.md). WireMock answers {@code POST /v2/orders} with the
 * order it was sent (a response template), the stand-in stream pushes the fills.
 * <p>Figures: (1) {@code PlaceOrder} handed to the engine → {@code OrderAcknowledged} (accepted, released by the
 * commit, POSTed, Alpaca's answer mapped); (2) a {@code fill} pushed on the stream → {@code OrderFilled}. Usage:
 * {@code bin/venue-bench [orders=600] [warm-up=100]}.
 */
public final class VenueRoundTripBench {

    private static final String KEY = "PKBENCH00001";
    private static final String SECRET = "bench-secret";
    private static final Instrument AAPL = Instrument.usEquity("AAPL", "NASDAQ");

    private VenueRoundTripBench() { }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        WireMockServer alpaca = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true)
                .containerThreads(8).disableRequestJournal());
        alpaca.start();
        alpaca.stubFor(post(urlEqualTo("/v2/orders")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(order("{{jsonPath request.body '$.client_order_id'}}", "new", "0", null))));
        StandInTradeStream stream = new StandInTradeStream(KEY, SECRET);
        AlpacaConfig config = AlpacaConfig.of(URI.create(alpaca.baseUrl()), KEY, SECRET).withStreamUrl(stream.url())
                .withGuard(new BrokerCallGuard.Settings(1_000_000, Duration.ofSeconds(1), 3, Duration.ofSeconds(30), 3, Duration.ofMillis(20)));
        AlpacaVenue alpacaVenue = new AlpacaVenue(config, Clock.systemUTC(), (v, detail) -> System.err.println("broker errors: " + detail));
        WriteAheadVenue venue = new WriteAheadVenue(alpacaVenue);
        ExecutorService ledger = Executors.newSingleThreadExecutor();
        Map<String, CompletableFuture<Long>> acknowledged = new ConcurrentHashMap<>();
        Map<String, CompletableFuture<Long>> filled = new ConcurrentHashMap<>();
        TradingEngine core = new TradingEngine(EngineConfig.simple(Money.of("100000000", Money.USD)), Clock.systemUTC(),
                OrderIdGenerator.sequential("O"), event -> {
                    switch (event) {
                        case EngineEvent.OrderAccepted a -> ledger.execute(() -> venue.recorded(a));
                        case EngineEvent.OrderAcknowledged a -> acknowledged.get(a.clientOrderId().value()).complete(System.nanoTime());
                        case EngineEvent.OrderFilled f -> filled.get(f.clientOrderId().value()).complete(System.nanoTime());
                        default -> { }
                    }
                }, reports -> venue);
        SingleWriterEngine engine = new SingleWriterEngine(core, Thread.ofPlatform().name("bench-engine").factory(), Throwable::printStackTrace);
        alpacaVenue.start(engine);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!stream.listening() && System.nanoTime() < until) Thread.sleep(10);
        if (!stream.listening()) throw new IllegalStateException("the adapter did not subscribe to the stand-in stream");

        long[] placement = new long[orders - warmUp];
        long[] fill = new long[orders - warmUp];
        for (int i = 0; i < orders; i++) {
            String cid = "bench:AAPL:" + i + ":B:0";
            acknowledged.put(cid, new CompletableFuture<>());
            filled.put(cid, new CompletableFuture<>());
            long t0 = System.nanoTime();
            engine.accept(new EngineCommand.PlaceOrder(OrderRequest.limit(new ClientOrderId(cid), StrategyId.MANUAL, AAPL, Side.BUY,
                    Quantity.of(1), Price.of("100"), TimeInForce.DAY)));
            long t1 = acknowledged.get(cid).get(30, TimeUnit.SECONDS);
            long t2 = System.nanoTime();
            stream.push(update(cid));
            long t3 = filled.get(cid).get(30, TimeUnit.SECONDS);
            if (i >= warmUp) {
                placement[i - warmUp] = t1 - t0;
                fill[i - warmUp] = t3 - t2;
            }
        }
        print("placement (PlaceOrder -> commit -> POST -> OrderAcknowledged)", placement);
        print("fill (stream push -> OrderFilled)", fill);
        engine.close();
        alpacaVenue.close();
        ledger.shutdownNow();
        stream.close();
        alpaca.stop();
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%s: n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", what, s.length, s[s.length / 2] / 1e6,
                s[(int) Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] / 1e6, s[s.length - 1] / 1e6);
    }

    private static String update(String cid) {
        return AlpacaStandIn.update("fill", "1", "100", order(cid, "filled", "1", "100"));
    }

    private static String order(String cid, String status, String filledQty, String average) {
        return AlpacaStandIn.order("alp-" + cid, cid, "AAPL", "buy", "1", "100", status, filledQty, average);
    }
}
