package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Time rules in the market's zone: entries only within [{@code entryFrom}, {@code entryUntil}), exits
 * (orders that only reduce) until {@code exitUntil}, and no entries inside any blackout window
 * [from, until). E.g. NSE per AITRAPP: entries 09:15–15:20, exits until 15:25.
 */
public record TradingWindow(ZoneId zone, LocalTime entryFrom, LocalTime entryUntil, LocalTime exitUntil,
                            List<Blackout> blackouts) implements RiskCheck {

    public record Blackout(LocalTime from, LocalTime until) {}

    public TradingWindow {
        blackouts = List.copyOf(blackouts);
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        LocalTime t = context.now().atZone(zone).toLocalTime();
        if (context.reducesOnly(order)) {
            if (t.isBefore(entryFrom) || !t.isBefore(exitUntil)) {
                return RiskDecision.reject(RejectionCode.OUTSIDE_TRADING_WINDOW, "exit at " + t + " outside " + entryFrom + "-" + exitUntil + " " + zone);
            }
            return RiskDecision.APPROVED;
        }
        if (t.isBefore(entryFrom) || !t.isBefore(entryUntil)) {
            return RiskDecision.reject(RejectionCode.OUTSIDE_TRADING_WINDOW, "entry at " + t + " outside " + entryFrom + "-" + entryUntil + " " + zone);
        }
        for (Blackout b : blackouts) {
            if (!t.isBefore(b.from()) && t.isBefore(b.until())) {
                return RiskDecision.reject(RejectionCode.OUTSIDE_TRADING_WINDOW, "entry at " + t + " inside blackout " + b.from() + "-" + b.until());
            }
        }
        return RiskDecision.APPROVED;
    }
}
