package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.orders.OrderRequest;

import java.math.BigDecimal;

/**
 * Refuses ({@link RejectionCode#OFF_TICK}) a limit or stop price that is not a whole multiple of the
 * instrument's tick size, as every exchange does. (A quantity off the lot size never gets this far:
 * {@link OrderRequest} refuses it.) The engine runs it for venues that require it
 * ({@code ExecutionVenue.requiresTickAlignedPrices()}); the paper broker does not.
 */
public final class TickSize implements RiskCheck {

    public static final TickSize CHECK = new TickSize();

    private TickSize() {
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        BigDecimal tick = order.instrument().tickSize();
        RiskDecision d = onTick("limit", order.limitPrice(), tick, order);
        return d.approved() ? onTick("stop", order.stopPrice(), tick, order) : d;
    }

    private static RiskDecision onTick(String which, Price price, BigDecimal tick, OrderRequest order) {
        if (price == null || price.value().remainder(tick).signum() == 0) return RiskDecision.APPROVED;
        return RiskDecision.reject(RejectionCode.OFF_TICK, "the " + which + " price " + price.value().toPlainString() + " of " + order.symbol()
                + " is not on its tick of " + tick.toPlainString());
    }
}
