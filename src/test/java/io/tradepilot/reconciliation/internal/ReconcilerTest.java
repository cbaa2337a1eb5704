package io.tradepilot.reconciliation.internal;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.reconciliation.Mismatch;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {

    private static final Instant T = Instant.parse("2026-12-07T04:00:00Z");
    private static final Instrument INFY = Instrument.nseEquity("INFY");
    private static final Instrument TCS = Instrument.nseEquity("TCS");
    private final Reconciler reconciler = new Reconciler(BigDecimal.ONE);

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static BrokerBook book(BigDecimal cash, List<BrokerBook.BrokerPosition> positions, List<BrokerBook.BrokerOrder> orders) {
        return new BrokerBook(T, Money.INR, cash, positions, orders);
    }

    private static BrokerBook.BrokerFill fill(String id, String cid, String qty, String price, int second) {
        return new BrokerBook.BrokerFill(id, cid, "k-" + cid, INFY, Side.BUY, d(qty), d(price), d("0.50"), T.plusSeconds(second));
    }

    @Test
    void a_missed_fill_is_back_filled_as_an_execution_and_explains_the_position() {
        var ledger = new Reconciler.LedgerSide(Map.of("INFY", d("4")),
                List.of(new Reconciler.LedgerOrder("c1", "INFY", "BUY", d("10"), d("4"), true)), d("1000"));
        var broker = book(d("1000"), List.of(new BrokerBook.BrokerPosition(INFY, d("10"), d("100.6"))), List.of());

        var result = reconciler.compare(ledger, broker, List.of(fill("f1", "c1", "4", "100", 1), fill("f2", "c1", "6", "101", 2)));

        assertThat(result.differences()).isEmpty();
        assertThat(result.backfill()).singleElement().isInstanceOfSatisfying(ExecutionReport.VenueFilled.class, f -> {
            assertThat(f.clientOrderId().value()).isEqualTo("c1");
            assertThat(f.quantity().value()).isEqualByComparingTo("6");
            assertThat(f.price().value()).isEqualByComparingTo("101");
            assertThat(f.cumulativeQuantity().value()).isEqualByComparingTo("10");
            assertThat(f.commission().amount()).isEqualByComparingTo("0.50");
        });
    }

    @Test
    void a_fill_partly_known_to_the_ledger_is_back_filled_for_the_rest_only_and_as_a_partial_fill() {
        var ledger = new Reconciler.LedgerSide(Map.of("INFY", d("3")),
                List.of(new Reconciler.LedgerOrder("c1", "INFY", "BUY", d("10"), d("3"), true)), null);
        var broker = book(null, List.of(new BrokerBook.BrokerPosition(INFY, d("5"), d("100"))),
                List.of(new BrokerBook.BrokerOrder("c1", "k-c1", INFY, Side.BUY, d("10"), d("5"), "OPEN")));

        var result = reconciler.compare(ledger, broker, List.of(fill("f1", "c1", "5", "100", 1)));

        assertThat(result.differences()).isEmpty();
        assertThat(result.backfill()).singleElement().isInstanceOfSatisfying(ExecutionReport.VenuePartiallyFilled.class, f -> {
            assertThat(f.quantity().value()).isEqualByComparingTo("2");
            assertThat(f.cumulativeQuantity().value()).isEqualByComparingTo("5");
        });
    }

    @Test
    void a_position_only_the_broker_holds_is_a_difference_with_the_brokers_price() {
        var ledger = new Reconciler.LedgerSide(Map.of(), List.of(), null);
        var broker = book(null, List.of(new BrokerBook.BrokerPosition(TCS, d("-7"), d("3500.35"))), List.of());

        var result = reconciler.compare(ledger, broker, List.of());

        assertThat(result.backfill()).isEmpty();
        assertThat(result.differences()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(Mismatch.Kind.POSITION);
            assertThat(x.key()).isEqualTo("TCS");
            assertThat(x.ledger()).isEqualByComparingTo("0");
            assertThat(x.broker()).isEqualByComparingTo("-7");
            assertThat(x.brokerPrice()).isEqualByComparingTo("3500.35");
        });
    }

    @Test
    void orders_on_one_side_only_and_cash_beyond_the_tolerance_are_differences() {
        var ledger = new Reconciler.LedgerSide(Map.of(),
                List.of(new Reconciler.LedgerOrder("c9", "INFY", "BUY", d("10"), d("0"), true)), d("1000.00"));
        var broker = book(d("998.99"), List.of(),
                List.of(new BrokerBook.BrokerOrder(null, "k-elsewhere", TCS, Side.SELL, d("5"), d("1"), "OPEN")));

        var result = reconciler.compare(ledger, broker, List.of());

        assertThat(result.differences()).extracting(Reconciler.Difference::kind).containsExactlyInAnyOrder(
                Mismatch.Kind.ORDER_UNKNOWN_IN_LEDGER, Mismatch.Kind.ORDER_NOT_AT_BROKER, Mismatch.Kind.CASH);
        assertThat(reconciler.compare(ledger, book(d("999.00"), List.of(),
                List.of(new BrokerBook.BrokerOrder("c9", "k-c9", INFY, Side.BUY, d("10"), d("0"), "OPEN"))), List.of()).differences())
                .isEmpty(); // within ₹1 and the order is there
    }

    @Test
    void five_hundred_agreeing_positions_give_no_difference() {
        Map<String, BigDecimal> positions = new HashMap<>();
        List<BrokerBook.BrokerPosition> brokerPositions = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            positions.put("SYM" + i, BigDecimal.valueOf(i + 1));
            brokerPositions.add(new BrokerBook.BrokerPosition(Instrument.nseEquity("SYM" + i), BigDecimal.valueOf(i + 1).setScale(2), d("100")));
        }
        var result = reconciler.compare(new Reconciler.LedgerSide(positions, List.of(), null), book(null, brokerPositions, List.of()), List.of());
        assertThat(result.differences()).isEmpty();
    }
}
