package io.tradepilot.engine.strategy.exits;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.indicators.Atr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The 3WI tracker as an exit policy (BEHAVIOUR.md "Tracker"), evaluated at each bar's close: daily bars
 * in the backtester, hourly bars live. With {@code move = favourable move of the close from the entry /
 * entry} (shorts mirrored), in this order:
 * <ol>
 *   <li>close at or beyond the stop: exit all ({@code stop}); the {@link TradeManager} also keeps a stop
 *       order at the stop for the next bar, so an intrabar touch or a gap exits there first;</li>
 *   <li>{@code move ≤ -6 %}: exit all ({@code loss6});</li>
 *   <li>{@code move ≥ +10 %}, once: book 50 % of the initial quantity and start trailing ({@code book50});</li>
 *   <li>{@code move ≥ +6 %}, once: book 25 % of the initial quantity ({@code book25}) — a bar that jumps
 *       past +10 % books both;</li>
 *   <li>{@code move ≥ +3 %}, once: stop to the entry price ({@code breakeven});</li>
 *   <li>while trailing: stop to {@code highest high since entry - trailAtr x ATR(14)} (lows and plus for
 *       shorts) when that tightens it ({@code trail}), as the seed's "trail 2 x ATR";</li>
 *   <li>{@code move ≤ -3 %}: caution alert ({@code caution}).</li>
 * </ol>
 * Bookings are whole lots rounded down; a booking that rounds to zero is skipped. Every action also
 * goes to the alert log, de-duplicated per trade, hour and rule. Thresholds are parameters with the
 * seed's defaults; comparisons are exact.
 */
public final class PositionTracker implements ExitPolicy {
    private final BigDecimal breakeven, book25At, book50At, caution, maxLoss;
    private final BigDecimal firstBooking, secondBooking;
    private final double trailAtr;
    private final Atr atr = new Atr(14);
    private final AlertLog alerts;

    public PositionTracker(BigDecimal breakeven, BigDecimal book25At, BigDecimal book50At, BigDecimal caution,
                           BigDecimal maxLoss, BigDecimal firstBooking, BigDecimal secondBooking, double trailAtr, AlertLog alerts) {
        this.breakeven = breakeven;
        this.book25At = book25At;
        this.book50At = book50At;
        this.caution = caution;
        this.maxLoss = maxLoss;
        this.firstBooking = firstBooking;
        this.secondBooking = secondBooking;
        this.trailAtr = trailAtr;
        this.alerts = alerts;
    }

    /** The seed's numbers: +3 %, +6 % (book 25 %), +10 % (book 50 %, trail 2 ATR), −3 % caution, −6 % exit. */
    public static PositionTracker seedDefaults(AlertLog alerts) {
        return new PositionTracker(new BigDecimal("0.03"), new BigDecimal("0.06"), new BigDecimal("0.10"),
                new BigDecimal("0.03"), new BigDecimal("0.06"), new BigDecimal("0.25"), new BigDecimal("0.50"), 2.0, alerts);
    }

    public AlertLog alerts() {
        return alerts;
    }

    @Override
    public void observe(BarCursor bar) {
        atr.update(bar.highValue(), bar.lowValue(), bar.closeValue());
    }

    @Override
    public List<ExitAction> evaluate(OpenTrade trade, BarCursor bar) {
        List<ExitAction> out = new ArrayList<>();
        BigDecimal close = bar.closePrice();
        BigDecimal move = trade.favourableMove(close);
        if (trade.stopBreachedAt(close)) {
            out.add(alert(trade, bar, new ExitAction.ExitAll("stop"), "close " + close.toPlainString() + " at or beyond stop " + trade.stop().toPlainString()));
            return out;
        }
        if (move.compareTo(maxLoss.negate()) <= 0) {
            out.add(alert(trade, bar, new ExitAction.ExitAll("loss6"), "move " + pct(move) + " reached the maximum loss"));
            return out;
        }
        if (move.compareTo(book50At) >= 0 && trade.fireOnce("book50")) {
            out.add(alert(trade, bar, new ExitAction.ExitPart(lots(trade, secondBooking), "book50"), "move " + pct(move) + ": book 50 % and trail"));
        }
        if (move.compareTo(book25At) >= 0 && trade.fireOnce("book25")) {
            out.add(alert(trade, bar, new ExitAction.ExitPart(lots(trade, firstBooking), "book25"), "move " + pct(move) + ": book 25 %"));
        }
        if (move.compareTo(breakeven) >= 0 && trade.fireOnce("breakeven") && trade.tightens(trade.entryPrice())) {
            out.add(alert(trade, bar, new ExitAction.MoveStop(trade.entryPrice(), "breakeven"), "move " + pct(move) + ": stop to breakeven"));
        }
        if (trade.hasFired("book50") && atr.ready()) {
            BigDecimal dist = BigDecimal.valueOf(atr.value() * trailAtr);
            BigDecimal candidate = trade.isLong()
                    ? trade.highest().subtract(dist).setScale(bar.decimals(), RoundingMode.FLOOR)
                    : trade.lowest().add(dist).setScale(bar.decimals(), RoundingMode.CEILING);
            BigDecimal afterBreakeven = trade.hasFired("breakeven") && trade.tightens(trade.entryPrice()) ? trade.entryPrice() : trade.stop();
            boolean tighter = afterBreakeven == null || (trade.isLong() ? candidate.compareTo(afterBreakeven) > 0 : candidate.compareTo(afterBreakeven) < 0);
            if (candidate.signum() > 0 && tighter) out.add(alert(trade, bar, new ExitAction.MoveStop(candidate, "trail"), "trail stop to " + candidate.toPlainString()));
        }
        if (move.compareTo(caution.negate()) <= 0) {
            out.add(alert(trade, bar, new ExitAction.Alert("caution", "move " + pct(move)), "move " + pct(move) + ": caution"));
        }
        return out;
    }

    private ExitAction alert(OpenTrade trade, BarCursor bar, ExitAction a, String message) {
        alerts.add(trade.id(), bar.start(), a.rule(), message);
        return a;
    }

    private static BigDecimal lots(OpenTrade trade, BigDecimal fraction) {
        BigDecimal lot = trade.lotSize();
        return trade.initialQuantity().multiply(fraction).divide(lot, 0, RoundingMode.FLOOR).multiply(lot);
    }

    private static String pct(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }
}
