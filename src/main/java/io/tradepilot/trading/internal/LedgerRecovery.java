package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.ExitTag;
import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.PositionSnapshot;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds an engine from the ledger before its first bar: cash and positions by replaying every fill, every recorded
 * order adopted (working ones are resolved at the venue by their client order id, never sent again; the paper venue
 * takes them back as working), every recorded client order id known again (a replayed decision is ignored as a
 * duplicate), positions marked at their checkpoint bar, the risk measures continued, strategies warmed up on the
 * bars up to the checkpoint.
 */
final class LedgerRecovery {

    private static final Logger log = LoggerFactory.getLogger(LedgerRecovery.class);

    private final JooqLedger ledger;
    private final Currency currency;
    private final Map<String, Instrument> instruments;

    /** @param instruments the instruments the engine trades now, by symbol */
    LedgerRecovery(JooqLedger ledger, Currency currency, Map<String, Instrument> instruments) {
        this.ledger = ledger;
        this.currency = currency;
        this.instruments = instruments;
    }

    /**
     * Replays the fills and adopts the orders ({@code orderRows}: each with its exchange), marks positions at the
     * close of their checkpoint bar in {@code feed}'s history, restores the risk state, and reconciles the result
     * with the ledger's position rows.
     */
    EngineHost.Recovery recover(TradingEngine core, List<Map.Entry<LedgerOrder, String>> orderRows, MarketFeed feed,
                                Map<String, Instant> checkpoints) {
        List<JooqLedger.FillRow> fills = ledger.fills();
        Map<String, List<JooqLedger.FillRow>> byOrder = new HashMap<>();
        Map<String, String> exchanges = new HashMap<>();
        for (var e : orderRows) exchanges.put(e.getKey().symbol(), e.getValue());
        for (JooqLedger.FillRow f : fills) {
            Instrument instrument = instrument(f.symbol(), exchanges.get(f.symbol()));
            core.portfolio().apply(new Fill(new OrderId(f.orderId()), new ClientOrderId(f.clientOrderId()), instrument,
                    Side.valueOf(f.side()), new Quantity(f.quantity()), new Price(f.price()), new Money(f.commission(), currency),
                    f.at(), f.protectiveStop() == null ? null : new Price(f.protectiveStop()))); // the position keeps its stop (heat, R)
            byOrder.computeIfAbsent(f.orderId(), k -> new ArrayList<>()).add(f);
        }
        int working = 0;
        for (var e : orderRows) {
            LedgerOrder row = e.getKey();
            Instrument instrument = instrument(row.symbol(), e.getValue());
            OrderType type = OrderType.valueOf(row.type());
            OrderRequest request = new OrderRequest(new ClientOrderId(row.clientOrderId()), new StrategyId(row.strategy()), instrument,
                    Side.valueOf(row.side()), new Quantity(row.quantity()), type,
                    row.limitPrice() == null ? null : new Price(row.limitPrice()),
                    row.stopPrice() == null ? null : new Price(row.stopPrice()),
                    TimeInForce.valueOf(row.timeInForce()), null, false, exitTag(row.exitTag())); // its later fills keep the tag
            Order order = new Order(new OrderId(row.orderId()), request, row.createdAt());
            order.accept();
            if (row.venueOrderId() != null) order.acknowledge(row.venueOrderId());
            for (JooqLedger.FillRow f : byOrder.getOrDefault(row.orderId(), List.of())) {
                order.fill(new Quantity(f.quantity()), new Price(f.price()));
            }
            String reason = row.statusReason() == null ? "" : row.statusReason();
            switch (row.status()) {
                case "CANCELLED" -> {
                    order.requestCancel();
                    order.confirmCancel(reason);
                }
                case "EXPIRED" -> order.expire(reason);
                default -> { }
            }
            if (order.status().isWorking()) working++;
            core.adopt(order);
        }
        for (var cp : checkpoints.entrySet()) {
            Instrument instrument = instruments.get(cp.getKey());
            if (instrument == null) continue;
            BarSeries s = feed.history(instrument);
            int k = MarketFeed.firstAfter(s, cp.getValue().toEpochMilli()) - 1;
            if (k >= 0 && core.portfolio().quantity(cp.getKey()).signum() != 0) {
                core.portfolio().mark(instrument, new Price(s.decimal(s.close(k))));
            }
        }
        restoreRiskState(core);
        return new EngineHost.Recovery(fills.size(), orderRows.size(), working, reconcile(core), core.portfolio().cash());
    }

    /**
     * A restart after the day's square-off cut-off (the last recorded time step ends at or after it, the rule
     * {@link MarketTimeSquareOff} applies) squares the intraday symbols off again before the first bar: their entries
     * stay refused for the rest of that day ({@code AFTER_SQUARE_OFF}) as before the restart, and a position the
     * square-off had not closed yet (a crash between the step and its square-off, a missed wall-clock job) is closed.
     * A repeat is harmless: flat symbols and symbols whose closing order is still working are left alone. The caller
     * queues it with the placements, so its orders are recorded before any bar.
     */
    static Optional<EngineCommand.SquareOff> squareOffAfterRestart(MarketTimeSquareOff rule, Map<String, Instant> checkpoints) {
        if (rule == null || checkpoints.isEmpty()) return Optional.empty();
        long last = checkpoints.values().stream().mapToLong(Instant::toEpochMilli).max().getAsLong();
        return rule.afterStep(last).map(command -> {
            log.info("Restarted after the square-off cut-off of {}: squaring {} off again, entries refused until the next trading day",
                    Instant.ofEpochMilli(last), command.symbols());
            return new EngineCommand.SquareOff(command.symbols(), command.reason() + ", re-applied after a restart");
        });
    }

    /**
     * Continues the engine's risk measures where the ledger left them: the losing streak (consecutive-loss size
     * reduction) from the recorded round trips, the peak equity and the day's starting equity from the last recorded
     * time step (drawdown and daily loss then measure as an uninterrupted run would).
     */
    private void restoreRiskState(TradingEngine core) {
        core.restoreRoundTrips(ledger.roundTripNetPnls());
        ledger.riskBaseline().ifPresent(b -> {
            core.restoreRiskBaseline(b.peakEquity(), b.dayStartEquity(), b.at());
            log.info("Restored the risk baseline of {}: peak equity {}, day-start equity {}; loss streak {}",
                    b.at(), b.peakEquity().toPlainString(), b.dayStartEquity().toPlainString(), core.lossStreak());
        });
    }

    /** Differences between the rebuilt portfolio and the ledger's position rows, in words (empty: they agree). */
    private List<String> reconcile(TradingEngine core) {
        List<String> mismatches = new ArrayList<>();
        Map<String, PositionSnapshot> rebuilt = new HashMap<>();
        for (PositionSnapshot p : core.portfolio().snapshot().positions()) rebuilt.put(p.symbol(), p);
        for (LedgerPosition recorded : ledger.positions(false)) {
            PositionSnapshot p = rebuilt.remove(recorded.symbol());
            BigDecimal q = p == null ? BigDecimal.ZERO : p.quantity();
            if (q.compareTo(recorded.quantity()) != 0) {
                mismatches.add(recorded.symbol() + ": ledger " + recorded.quantity().toPlainString() + ", rebuilt " + q.toPlainString());
            }
        }
        for (PositionSnapshot p : rebuilt.values()) {
            if (p.quantity().signum() != 0) mismatches.add(p.symbol() + ": no ledger row, rebuilt " + p.quantity().toPlainString());
        }
        if (!mismatches.isEmpty()) log.error("Recovered positions disagree with the ledger: {}", mismatches);
        return List.copyOf(mismatches);
    }

    /** Feeds {@code strategy} the bars of {@code series} up to {@code checkpoint} (none without one), as the live run did. */
    static void warmUp(Strategy strategy, Instrument instrument, BarSeries series, Instant checkpoint, TradingEngine core) {
        if (checkpoint == null) return;
        int end = MarketFeed.firstAfter(series, checkpoint.toEpochMilli());
        WarmUpContext ctx = new WarmUpContext(instrument, core.portfolio().quantity(instrument.symbol()), core.portfolio().snapshot());
        BarCursor cursor = new BarCursor();
        for (int k = 0; k < end; k++) {
            cursor.set(k, series.startMillis(k), series.open(k), series.high(k), series.low(k), series.close(k), series.volume(k),
                    series.priceScale());
            ctx.at(cursor.start());
            strategy.onBar(cursor, ctx);
        }
    }

    /** The recorded exit tag's value, or null (none recorded, or a name this version does not know). */
    static ExitTag exitTag(String name) {
        if (name == null) return null;
        try {
            return ExitTag.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            log.warn("Unknown exit tag {} recorded with an order: recovered without it", name);
            return null;
        }
    }

    /** The traded instrument of {@code symbol}, or the one its recorded {@code exchange} names (a symbol no longer traded). */
    Instrument instrument(String symbol, String exchange) {
        Instrument i = instruments.get(symbol);
        return i != null ? i : BarSource.instrument(symbol, exchange == null ? "NSE" : exchange);
    }

    /** The highest sequence of the ledger's own order ids ({@code O<n>}); 0 when none. */
    static long maxOrderSeq(List<Map.Entry<LedgerOrder, String>> rows) {
        long max = 0;
        for (var e : rows) {
            String id = e.getKey().orderId();
            if (id.startsWith("O")) {
                try {
                    max = Math.max(max, Long.parseLong(id.substring(1)));
                } catch (NumberFormatException ignored) {
                    // not one of ours
                }
            }
        }
        return max;
    }
}
