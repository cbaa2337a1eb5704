package io.tradepilot.reconciliation.internal;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.reconciliation.Mismatch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The comparison itself, pure: the ledger's side and the broker's book (and fills) in, the executions to back-fill and
 * the differences out. Rules:
 * <ol>
 *   <li><b>Missed fills.</b> Broker fills of an order the ledger knows (by client order id) beyond the ledger's filled
 *       quantity become executions, oldest first, with the broker's cumulative quantity, price and fee — the engine
 *       applies them like any venue report (never a direct write).</li>
 *   <li><b>Positions.</b> Per symbol, ledger quantity plus the back-filled quantity must equal the broker's; otherwise a
 *       {@code POSITION} difference.</li>
 *   <li><b>Orders.</b> A broker working order without a ledger order is {@code ORDER_UNKNOWN_IN_LEDGER}; a ledger
 *       working order the broker does not list as working, not explained by back-filled fills completing it, is
 *       {@code ORDER_NOT_AT_BROKER}.</li>
 *   <li><b>Cash.</b> When both sides know it, a difference above the tolerance is {@code CASH}.</li>
 * </ol>
 * Quantities compare exactly ({@code compareTo}), amounts are never rounded.
 */
public final class Reconciler {

    /** An order as the ledger holds it. */
    public record LedgerOrder(String clientOrderId, String symbol, String side, BigDecimal quantity, BigDecimal filled, boolean working) { }

    /** The ledger's side: open positions (symbol → signed quantity), orders, cash (null when unknown). */
    public record LedgerSide(Map<String, BigDecimal> positions, List<LedgerOrder> orders, BigDecimal cash) { }

    /** A difference found (not yet stored). */
    public record Difference(Mismatch.Kind kind, String key, String symbol, String exchange, BigDecimal ledger, BigDecimal broker,
                             BigDecimal brokerPrice, String detail) { }

    /** What one comparison found. */
    public record Result(List<ExecutionReport> backfill, List<Difference> differences) { }

    private final BigDecimal cashTolerance;

    public Reconciler(BigDecimal cashTolerance) {
        this.cashTolerance = Objects.requireNonNull(cashTolerance, "cashTolerance");
    }

    public Result compare(LedgerSide ledger, BrokerBook book, List<BrokerBook.BrokerFill> fills) {
        Map<String, LedgerOrder> byCid = new HashMap<>();
        for (LedgerOrder o : ledger.orders()) if (o.clientOrderId() != null) byCid.put(o.clientOrderId(), o);

        // 1. missed fills, per order, oldest first
        Map<String, List<BrokerBook.BrokerFill>> fillsByCid = new LinkedHashMap<>();
        for (BrokerBook.BrokerFill f : fills) {
            if (f.clientOrderId() != null && byCid.containsKey(f.clientOrderId())) {
                fillsByCid.computeIfAbsent(f.clientOrderId(), c -> new ArrayList<>()).add(f);
            }
        }
        List<ExecutionReport> backfill = new ArrayList<>();
        Map<String, BigDecimal> backfilledBySymbol = new HashMap<>();
        Map<String, BigDecimal> backfilledByCid = new HashMap<>();
        for (Map.Entry<String, List<BrokerBook.BrokerFill>> e : fillsByCid.entrySet()) {
            LedgerOrder o = byCid.get(e.getKey());
            List<BrokerBook.BrokerFill> orderFills = new ArrayList<>(e.getValue());
            orderFills.sort(Comparator.comparing(BrokerBook.BrokerFill::at));
            BigDecimal cumulative = BigDecimal.ZERO;
            for (BrokerBook.BrokerFill f : orderFills) {
                cumulative = cumulative.add(f.quantity());
                if (cumulative.compareTo(o.filled()) <= 0) continue; // the ledger has it
                BigDecimal qty = cumulative.subtract(o.filled().max(cumulative.subtract(f.quantity())));
                ClientOrderId cid = new ClientOrderId(o.clientOrderId());
                Money fee = new Money(f.fee() == null ? BigDecimal.ZERO : f.fee(), f.instrument().currency());
                Quantity cum = new Quantity(cumulative);
                backfill.add(cumulative.compareTo(o.quantity()) >= 0
                        ? new ExecutionReport.VenueFilled(cid, new Quantity(qty), new Price(f.price()), fee, cum, f.at())
                        : new ExecutionReport.VenuePartiallyFilled(cid, new Quantity(qty), new Price(f.price()), fee, cum, f.at()));
                BigDecimal signed = "SELL".equals(o.side()) ? qty.negate() : qty;
                backfilledBySymbol.merge(o.symbol(), signed, BigDecimal::add);
                backfilledByCid.merge(o.clientOrderId(), qty, BigDecimal::add);
            }
        }

        List<Difference> differences = new ArrayList<>();
        // 2. positions
        Map<String, BrokerBook.BrokerPosition> brokerPositions = new LinkedHashMap<>();
        for (BrokerBook.BrokerPosition p : book.positions()) brokerPositions.merge(p.instrument().symbol(), p, Reconciler::sum);
        java.util.Set<String> symbols = new java.util.TreeSet<>(ledger.positions().keySet());
        symbols.addAll(brokerPositions.keySet());
        symbols.addAll(backfilledBySymbol.keySet());
        for (String symbol : symbols) {
            BigDecimal ledgerQty = ledger.positions().getOrDefault(symbol, BigDecimal.ZERO);
            BigDecimal expected = ledgerQty.add(backfilledBySymbol.getOrDefault(symbol, BigDecimal.ZERO));
            BrokerBook.BrokerPosition bp = brokerPositions.get(symbol);
            BigDecimal brokerQty = bp == null ? BigDecimal.ZERO : bp.quantity();
            if (expected.compareTo(brokerQty) != 0) {
                differences.add(new Difference(Mismatch.Kind.POSITION, symbol, symbol, bp == null ? null : bp.instrument().exchange(),
                        ledgerQty, brokerQty, bp == null ? null : bp.averagePrice(),
                        "The ledger holds " + ledgerQty.toPlainString() + " " + symbol
                                + (expected.compareTo(ledgerQty) != 0 ? " (" + expected.toPlainString() + " with the back-filled fills)" : "")
                                + ", the broker " + brokerQty.toPlainString() + "."));
            }
        }
        // 3. orders
        java.util.Set<String> brokerWorking = new java.util.HashSet<>();
        for (BrokerBook.BrokerOrder bo : book.workingOrders()) {
            if (bo.clientOrderId() != null && byCid.containsKey(bo.clientOrderId())) {
                brokerWorking.add(bo.clientOrderId());
                continue;
            }
            differences.add(new Difference(Mismatch.Kind.ORDER_UNKNOWN_IN_LEDGER, bo.venueOrderId(), bo.instrument().symbol(),
                    bo.instrument().exchange(), null, bo.quantity().subtract(bo.filledQuantity()), null,
                    "The broker has working order " + bo.venueOrderId() + " (" + bo.side() + " " + bo.quantity().toPlainString() + " "
                            + bo.instrument().symbol() + ", " + bo.status() + ") that the ledger does not know."));
        }
        for (LedgerOrder o : ledger.orders()) {
            if (!o.working() || o.clientOrderId() == null || brokerWorking.contains(o.clientOrderId())) continue;
            BigDecimal filledNow = o.filled().add(backfilledByCid.getOrDefault(o.clientOrderId(), BigDecimal.ZERO));
            if (filledNow.compareTo(o.quantity()) >= 0) continue; // the back-fill completes it
            differences.add(new Difference(Mismatch.Kind.ORDER_NOT_AT_BROKER, o.clientOrderId(), o.symbol(), null,
                    o.quantity().subtract(filledNow), null, null,
                    "The ledger holds order " + o.clientOrderId() + " as working; the broker does not."));
        }
        // 4. cash
        if (ledger.cash() != null && book.cash() != null && ledger.cash().subtract(book.cash()).abs().compareTo(cashTolerance) > 0) {
            differences.add(new Difference(Mismatch.Kind.CASH, "cash", null, null, ledger.cash(), book.cash(), null,
                    "The ledger's cash is " + ledger.cash().toPlainString() + ", the broker's " + book.cash().toPlainString()
                            + " (tolerance " + cashTolerance.toPlainString() + ")."));
        }
        return new Result(backfill, differences);
    }

    private static BrokerBook.BrokerPosition sum(BrokerBook.BrokerPosition a, BrokerBook.BrokerPosition b) {
        BigDecimal q = a.quantity().add(b.quantity());
        BigDecimal avg = q.signum() == 0 ? BigDecimal.ZERO
                : a.averagePrice().multiply(a.quantity()).add(b.averagePrice().multiply(b.quantity())).divide(q, 8, java.math.RoundingMode.HALF_EVEN);
        return new BrokerBook.BrokerPosition(a.instrument(), q, avg);
    }

    /** The instrument of a broker position by symbol, for adopting it. */
    static Instrument instrumentOf(BrokerBook book, String symbol) {
        return book.positions().stream().map(BrokerBook.BrokerPosition::instrument).filter(i -> i.symbol().equals(symbol)).findFirst().orElse(null);
    }
}
