package io.tradepilot.reconciliation.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.brokers.kite.KiteConfig;
import io.tradepilot.brokers.kite.KiteSession;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * How long reconciliation takes for 500 positions (a bench command, not a test): a Kite stand-in (WireMock) serving
 * 500 net positions, the day's 500 orders (all complete) and 500 trades; each round reads the book and the fills through
 * {@link KiteSession} (five REST calls, JSON to exact decimals) and compares them with a ledger of the same 500
 * positions ({@link Reconciler}): a clean run. Prints p50/p90/max of both parts after a warm-up.
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> io.tradepilot.reconciliation.internal.ReconciliationBench [rounds]}.
 */
public final class ReconciliationBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int n = 500;
        WireMockServer kite = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal());
        kite.start();
        StringBuilder positions = new StringBuilder("{\"status\":\"success\",\"data\":{\"day\":[],\"net\":[");
        StringBuilder orders = new StringBuilder("{\"status\":\"success\",\"data\":[");
        StringBuilder trades = new StringBuilder("{\"status\":\"success\",\"data\":[");
        Map<String, BigDecimal> ledgerPositions = new HashMap<>();
        List<Reconciler.LedgerOrder> ledgerOrders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sym = "SYM" + i;
            positions.append(i == 0 ? "" : ",").append("{\"tradingsymbol\":\"").append(sym)
                    .append("\",\"exchange\":\"NSE\",\"product\":\"CNC\",\"quantity\":").append(i + 1).append(",\"average_price\":1234.55}");
            boolean working = false; // a clean book: every order of the day done, its fills in the positions
            orders.append(i == 0 ? "" : ",").append("{\"order_id\":\"2300").append(i).append("\",\"tag\":\"TPTAG").append(i)
                    .append("\",\"status\":\"").append(working ? "OPEN" : "COMPLETE").append("\",\"tradingsymbol\":\"").append(sym)
                    .append("\",\"exchange\":\"NSE\",\"transaction_type\":\"BUY\",\"order_type\":\"LIMIT\",\"product\":\"CNC\",")
                    .append("\"quantity\":10,\"filled_quantity\":").append(working ? 0 : 10).append(",\"pending_quantity\":0,")
                    .append("\"average_price\":1234.55,\"price\":1234.55,\"trigger_price\":0,\"order_timestamp\":\"2026-12-07 09:30:00\"}");
            trades.append(i == 0 ? "" : ",").append("{\"trade_id\":\"t").append(i).append("\",\"order_id\":\"2300").append(i)
                    .append("\",\"exchange\":\"NSE\",\"tradingsymbol\":\"").append(sym).append("\",\"product\":\"CNC\",\"average_price\":1234.55,")
                    .append("\"quantity\":10,\"transaction_type\":\"BUY\",\"fill_timestamp\":\"2026-12-07 09:31:05\"}");
            ledgerPositions.put(sym, BigDecimal.valueOf(i + 1));
            if (working) ledgerOrders.add(new Reconciler.LedgerOrder("cid" + i, sym, "BUY", BigDecimal.TEN, BigDecimal.ZERO, true));
        }
        kite.stubFor(get(urlEqualTo("/portfolio/positions")).willReturn(okJson(positions.append("]}}").toString())));
        kite.stubFor(get(urlEqualTo("/orders")).willReturn(okJson(orders.append("]}").toString())));
        kite.stubFor(get(urlEqualTo("/trades")).willReturn(okJson(trades.append("]}").toString())));
        kite.stubFor(get(urlEqualTo("/user/margins")).willReturn(okJson("{\"status\":\"success\",\"data\":{\"equity\":{\"available\":{\"cash\":245431.6}}}}")));

        KiteConfig config = KiteConfig.of("benchkey", "benchsecret").withUrls(URI.create(kite.baseUrl()), URI.create(kite.baseUrl()), null)
                .withGuard(new io.tradepilot.brokers.internal.BrokerCallGuard.Settings(1_000_000, Duration.ofSeconds(30), 3,
                        Duration.ofSeconds(30), 1, Duration.ofMillis(10)), 100_000);
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T04:30:00Z"), ZoneOffset.UTC);
        Reconciler reconciler = new Reconciler(BigDecimal.ONE);
        Reconciler.LedgerSide ledger = new Reconciler.LedgerSide(ledgerPositions, ledgerOrders, null);
        try (KiteSession session = new KiteSession("bench", config, "benchtoken", clock, BrokerErrors.IGNORE, why -> { })) {
            long[] read = new long[rounds];
            long[] compare = new long[rounds];
            int differences = 0;
            for (int r = -50; r < rounds; r++) {
                long t0 = System.nanoTime();
                BrokerBook book = session.book();
                List<BrokerBook.BrokerFill> fills = session.fillsSince(Instant.parse("2026-12-07T00:00:00Z"));
                long t1 = System.nanoTime();
                Reconciler.Result result = reconciler.compare(ledger, book, fills);
                long t2 = System.nanoTime();
                if (r >= 0) {
                    read[r] = t1 - t0;
                    compare[r] = t2 - t1;
                    differences = result.differences().size();
                }
            }
            System.out.printf("500 positions, 500 orders, 500 trades; %d rounds after 50 warm-up; %d differences%n", rounds, differences);
            print("read book + fills (5 REST calls)", read);
            print("compare", compare);
        } finally {
            kite.stop();
        }
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-34s p50 %7.2f ms  p90 %7.2f ms  max %7.2f ms%n", what, s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6,
                s[s.length - 1] / 1e6);
    }
}
