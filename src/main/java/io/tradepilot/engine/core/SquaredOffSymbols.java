package io.tradepilot.engine.core;

import io.tradepilot.engine.domain.LocalDays;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.RiskContext;
import io.tradepilot.engine.risk.RiskDecision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The symbols squared off for the day ({@link EngineCommand.SquareOff}, or restored after a restart) and the risk
 * check that follows from it: in a symbol squared off today (market zone) only orders that reduce the position pass;
 * from the next day on everything passes again. Writer thread only.
 */
final class SquaredOffSymbols {

    private final LocalDays days;
    /** Symbol → the market-zone epoch day it was squared off. */
    private final Map<String, Long> squaredOff = new HashMap<>();

    SquaredOffSymbols(LocalDays days) {
        this.days = days;
    }

    /** Refuses entries in {@code symbols} for the rest of {@code at}'s market-zone day. */
    void closeForTheDay(Set<String> symbols, Instant at) {
        long day = days.epochDay(at.toEpochMilli());
        for (String symbol : symbols) squaredOff.put(symbol, day);
    }

    /** Whether {@code symbol} was squared off on the market-zone day of {@code nowMillis}. */
    boolean today(String symbol, long nowMillis) {
        Long day = squaredOff.get(symbol);
        return day != null && day == days.epochDay(nowMillis);
    }

    /** The risk check: entries in a symbol squared off today are refused with {@code AFTER_SQUARE_OFF}. */
    RiskDecision check(OrderRequest order, RiskContext context) {
        if (squaredOff.isEmpty()) return RiskDecision.APPROVED;
        Long day = squaredOff.get(order.symbol());
        if (day == null || days.epochDay(context.now().toEpochMilli()) != day || context.reducesOnly(order)) {
            return RiskDecision.APPROVED;
        }
        return RiskDecision.reject(RejectionCode.AFTER_SQUARE_OFF, order.symbol() + " was squared off for the day on "
                + LocalDate.ofEpochDay(day) + ": entries refused until the next trading day");
    }
}
