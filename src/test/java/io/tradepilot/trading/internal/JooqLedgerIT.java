package io.tradepilot.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.testing.IntegrationTestSupport;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The ledger folds a batch of engine events into a few JDBC batches: what it records must not depend on
 * how the items were grouped into transactions. The same engine-ordered items, written one per
 * transaction, all in one, and in random groups, leave the same rows in every ledger table (including
 * the order of generated ids), on real PostgreSQL; texts with quotes and backslashes arrive as they were.
 */
class JooqLedgerIT extends IntegrationTestSupport {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Currency INR = Currency.getInstance("INR");
    private static final Instant T0 = Instant.parse("2026-03-02T04:00:00Z");

    /** Every ledger table with a column order that names each row in engine order. */
    private static final Map<String, String> TABLES = Map.of(
            "trade_order", "SELECT * FROM trade_order ORDER BY order_id",
            "order_event", "SELECT order_id, client_order_id, event_type, status, detail, occurred_at FROM order_event ORDER BY id",
            "fill", "SELECT * FROM fill ORDER BY seq",
            "position", "SELECT * FROM position ORDER BY symbol",
            "round_trip", "SELECT strategy, symbol, direction, entry_time, entry_price, exit_time, exit_price, quantity, "
                    + "gross_pnl, fees, net_pnl FROM round_trip ORDER BY id",
            "strategy_day", "SELECT * FROM strategy_day ORDER BY strategy, trading_day",
            "feed_checkpoint", "SELECT * FROM feed_checkpoint ORDER BY symbol",
            "equity_snapshot", "SELECT * FROM equity_snapshot ORDER BY at");

    @Autowired JooqLedger ledger;
    @Autowired DSLContext db;

    @BeforeEach
    void emptyLedger() {
        TradingFixtures.emptyLedger(db);
    }

    @Test
    void the_ledger_holds_the_same_rows_whether_items_are_written_one_per_transaction_or_grouped() {
        List<List<LedgerItem>> earlier = List.of(earlierBatch());
        List<LedgerItem> items = session();

        Map<String, List<String>> onePerTransaction = record(earlier, items.stream().map(List::of).toList());
        Map<String, List<String>> allInOne = record(earlier, List.of(items));
        Random random = new Random(42);
        List<List<LedgerItem>> groups = new ArrayList<>();
        for (int i = 0; i < items.size(); ) {
            int n = 1 + random.nextInt(5);
            groups.add(items.subList(i, Math.min(items.size(), i + n)));
            i += n;
        }
        Map<String, List<String>> randomGroups = record(earlier, groups);

        assertThat(onePerTransaction.get("trade_order")).hasSize(5);
        assertThat(onePerTransaction.get("fill")).hasSize(4);
        assertThat(onePerTransaction.get("round_trip")).hasSize(2);
        assertThat(onePerTransaction.get("equity_snapshot")).hasSize(3);
        assertThat(String.join("\n", onePerTransaction.get("trade_order")))
                .contains("O1,alpha:ALPHA-CID,alpha,AAA,NSE,BUY,100,MARKET,null,null,DAY,FILLED,100")
                .contains("O2,alpha:ALPHA-CID2,alpha,AAA,NSE,BUY,40,LIMIT,94.5,null,GTC,EXPIRED,20")
                .contains("O3,beta:BETA-CID3,beta,BBB,NSE,BUY,8,LIMIT,99.25,null,GTC,CANCELLED,0,operator's cancel; C:\\desk,2026-03-02T04:06:40Z,2026-03-02T04:08:20Z")
                .contains("O5,beta:BETA-CID5,beta,BBB,NSE,SELL,5,MARKET,null,null,DAY,REJECTED,0,insufficient quantity to sell")
                .contains("O4,alpha:ALPHA-CID4,alpha,AAA,NSE,SELL,100,MARKET,null,null,DAY,FILLED,100");
        assertThat(String.join("\n", onePerTransaction.get("strategy_day"))).contains("alpha,2026-03-02,2,1,");
        assertThat(allInOne).isEqualTo(onePerTransaction);
        assertThat(randomGroups).isEqualTo(onePerTransaction);
    }

    /** Writes {@code earlier} then {@code transactions} (one ledger write each) on an empty ledger and reads every table. */
    private Map<String, List<String>> record(List<List<LedgerItem>> earlier, List<List<LedgerItem>> transactions) {
        TradingFixtures.emptyLedger(db);
        long seq = ledger.nextFillSeq();
        for (List<LedgerItem> batch : earlier) seq = ledger.write(batch, Instrument::nseEquity, ZONE, seq);
        for (List<LedgerItem> batch : transactions) seq = ledger.write(batch, Instrument::nseEquity, ZONE, seq);
        Map<String, List<String>> rows = new java.util.TreeMap<>();
        TABLES.forEach((table, sql) -> rows.put(table, db.fetch(sql).stream()
                .map(r -> String.join(",", java.util.Arrays.stream(r.intoArray()).map(String::valueOf).toList())).toList()));
        return rows;
    }

    /** An order accepted before the batches under test, still working. */
    private static List<LedgerItem> earlierBatch() {
        return List.of(event(accepted("O2", "ALPHA-CID2", "alpha", "AAA", Side.BUY, "50", OrderType.LIMIT, "95", T0.minusSeconds(600))));
    }

    /**
     * A session exercising every kind of event and fold: an order accepted and filled in steps; an order
     * from an earlier batch filled in part and then expired; one accepted and cancelled; a rejection,
     * a duplicate and a refused cancel; positions changing repeatedly; two round trips on one day; a
     * time step recorded twice.
     */
    private static List<LedgerItem> session() {
        List<LedgerItem> items = new ArrayList<>();
        items.add(event(accepted("O1", "ALPHA-CID", "alpha", "AAA", Side.BUY, "100", OrderType.MARKET, null, T0)));
        items.add(step(T0, Map.of("AAA", 1L, "BBB", 1L), "1000000"));
        items.add(event(filled("O1", "ALPHA-CID", "AAA", Side.BUY, "40", "100.25", OrderStatus.PARTIALLY_FILLED, T0.plusSeconds(300))));
        items.add(event(new EngineEvent.PositionChanged(T0.plusSeconds(300), "AAA", new BigDecimal("40"), new BigDecimal("100.25"), BigDecimal.ZERO)));
        items.add(event(filled("O1", "ALPHA-CID", "AAA", Side.BUY, "60", "100.5", OrderStatus.FILLED, T0.plusSeconds(300))));
        items.add(event(new EngineEvent.PositionChanged(T0.plusSeconds(300), "AAA", new BigDecimal("100"), new BigDecimal("100.4"), BigDecimal.ZERO)));
        items.add(event(filled("O2", "ALPHA-CID2", "AAA", Side.BUY, "20", "95", OrderStatus.PARTIALLY_FILLED, T0.plusSeconds(300))));
        items.add(event(new EngineEvent.PositionChanged(T0.plusSeconds(300), "AAA", new BigDecimal("120"), new BigDecimal("99.5"), BigDecimal.ZERO)));
        items.add(step(T0.plusSeconds(300), Map.of("AAA", 2L, "BBB", 2L), "1000010.5"));
        items.add(event(new EngineEvent.OrderModified(T0.plusSeconds(350), new OrderId("O2"), new ClientOrderId("alpha:ALPHA-CID2"),
                new Quantity(new BigDecimal("40")), new Price(new BigDecimal("94.5")), null)));
        items.add(event(new EngineEvent.OrderExpired(T0.plusSeconds(400), new OrderId("O2"), "end of day")));
        items.add(event(accepted("O3", "BETA-CID3", "beta", "BBB", Side.BUY, "10", OrderType.LIMIT, "99.5", T0.plusSeconds(400))));
        items.add(event(new EngineEvent.OrderRejected(T0.plusSeconds(400), new ClientOrderId("BETA-CID-R"), "BBB",
                RejectionCode.FAT_FINGER, "quantity far above normal")));
        items.add(event(new EngineEvent.DuplicateOrderIgnored(T0.plusSeconds(400), new ClientOrderId("BETA-CID3"), new OrderId("O3"))));
        items.add(event(new EngineEvent.OrderAcknowledged(T0.plusSeconds(400), new OrderId("O3"), new ClientOrderId("beta:BETA-CID3"), "V-3")));
        items.add(event(new EngineEvent.OrderModified(T0.plusSeconds(450), new OrderId("O3"), new ClientOrderId("beta:BETA-CID3"),
                new Quantity(new BigDecimal("8")), new Price(new BigDecimal("99.25")), null)));
        items.add(event(new EngineEvent.ModifyRejected(T0.plusSeconds(460), new OrderId("O3"), "price outside the circuit band")));
        items.add(event(new EngineEvent.OrderCancelled(T0.plusSeconds(500), new OrderId("O3"), "operator's cancel; C:\\desk")));
        items.add(event(accepted("O5", "BETA-CID5", "beta", "BBB", Side.SELL, "5", OrderType.MARKET, null, T0.plusSeconds(500))));
        items.add(event(new EngineEvent.OrderRejectedByVenue(T0.plusSeconds(500), new OrderId("O5"), new ClientOrderId("beta:BETA-CID5"),
                "BBB", "insufficient quantity to sell")));
        items.add(event(new EngineEvent.CancelRejected(T0.plusSeconds(500), new OrderId("O3"), "already cancelled")));
        items.add(event(accepted("O4", "ALPHA-CID4", "alpha", "AAA", Side.SELL, "100", OrderType.MARKET, null, T0.plusSeconds(500))));
        items.add(event(filled("O4", "ALPHA-CID4", "AAA", Side.SELL, "100", "101", OrderStatus.FILLED, T0.plusSeconds(600))));
        items.add(event(new EngineEvent.PositionChanged(T0.plusSeconds(600), "AAA", new BigDecimal("20"), new BigDecimal("99.5"), new BigDecimal("60"))));
        items.add(event(new EngineEvent.TradeClosed(T0.plusSeconds(600), trip("40", "100.25", "30"))));
        items.add(event(new EngineEvent.TradeClosed(T0.plusSeconds(600), trip("60", "100.5", "-3.5"))));
        items.add(step(T0.plusSeconds(600), Map.of("AAA", 3L), "1000060"));
        items.add(step(T0.plusSeconds(600), Map.of("AAA", 3L, "BBB", 3L), "999999"));
        return items;
    }

    private static LedgerItem event(EngineEvent e) {
        return new LedgerItem.Event(e);
    }

    private static LedgerItem step(Instant at, Map<String, Long> bars, String equity) {
        BigDecimal e = new BigDecimal(equity);
        return new LedgerItem.StepDone(at, bars, new PortfolioSnapshot(INR, e, e, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE,
                e, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1000000"), List.of()));
    }

    private static EngineEvent.OrderAccepted accepted(String id, String cid, String strategy, String symbol, Side side, String qty,
                                                      OrderType type, String limit, Instant at) {
        return new EngineEvent.OrderAccepted(at, new OrderId(id), new ClientOrderId(strategy + ":" + cid), new StrategyId(strategy),
                symbol, side, new Quantity(new BigDecimal(qty)), type, limit == null ? null : new Price(new BigDecimal(limit)), null,
                type == OrderType.MARKET ? TimeInForce.DAY : TimeInForce.GTC);
    }

    private static EngineEvent.OrderFilled filled(String id, String cid, String symbol, Side side, String qty, String price,
                                                  OrderStatus status, Instant at) {
        String strategy = cid.startsWith("ALPHA") ? "alpha" : "beta";
        return new EngineEvent.OrderFilled(at, new OrderId(id), new ClientOrderId(strategy + ":" + cid), symbol, side,
                new Quantity(new BigDecimal(qty)), new Price(new BigDecimal(price)), new Money(new BigDecimal("0.5"), INR),
                new Quantity(BigDecimal.ZERO), status);
    }

    private static RoundTrip trip(String qty, String entry, String net) {
        return new RoundTrip("AAA", Side.BUY, T0.plusSeconds(300), new BigDecimal(entry), T0.plusSeconds(600), new BigDecimal("101"),
                new BigDecimal(qty), new BigDecimal(net).add(BigDecimal.ONE), BigDecimal.ONE, new BigDecimal(net), null);
    }
}
