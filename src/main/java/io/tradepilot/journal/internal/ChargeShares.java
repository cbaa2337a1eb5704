package io.tradepilot.journal.internal;

import io.tradepilot.engine.portfolio.Exact;
import io.tradepilot.journal.TradeFill;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trade's part of a fill's charges by kind. A fill belongs to one trade whole, or (a reversal) its closing part to
 * one trade and its opening part to the next, each with its share of the commission (the engine's pro rata rule). The
 * kinds are split the same way: the closing part's kinds pro rata ({@link Exact#divide}), the largest of them taking the
 * rounding remainder so that they add up to the closing part's commission exactly, the opening part's kinds what is
 * left of each kind. So a trade's kinds always add up to its fees, and the two parts' kinds to the fill's.
 */
final class ChargeShares {

    private ChargeShares() {
    }

    /**
     * The part of {@code kinds} (the whole fill's charges by kind, adding up to {@code fillCommission}) that belongs to
     * {@code share}, the fill as it belongs to one trade.
     *
     * @param fillQuantity   the whole fill's quantity
     * @param fillCommission the whole fill's commission
     */
    static Map<String, BigDecimal> of(TradeFill share, BigDecimal fillQuantity, BigDecimal fillCommission, Map<String, BigDecimal> kinds) {
        if (share.quantity().compareTo(fillQuantity) == 0 || kinds.size() == 1) {
            return kinds.size() == 1 ? Map.of(kinds.keySet().iterator().next(), share.commission()) : kinds;
        }
        boolean closing = share.role() == TradeFill.Role.EXIT;
        BigDecimal closeQty = closing ? share.quantity() : fillQuantity.subtract(share.quantity());
        BigDecimal closeFee = closing ? share.commission() : fillCommission.subtract(share.commission());
        Map<String, BigDecimal> closed = new LinkedHashMap<>();
        String largest = null;
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : kinds.entrySet()) {
            BigDecimal part = Exact.divide(e.getValue().multiply(closeQty), fillQuantity);
            closed.put(e.getKey(), part);
            sum = sum.add(part);
            if (largest == null || e.getValue().compareTo(kinds.get(largest)) > 0) largest = e.getKey();
        }
        closed.put(largest, closed.get(largest).add(closeFee.subtract(sum)));
        if (closing) return closed;
        Map<String, BigDecimal> opened = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : kinds.entrySet()) opened.put(e.getKey(), e.getValue().subtract(closed.get(e.getKey())));
        return opened;
    }
}
