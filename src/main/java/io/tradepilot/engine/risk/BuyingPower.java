package io.tradepilot.engine.risk;

import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.portfolio.Portfolio;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Objects;

/**
 * Refuses ({@link RejectionCode#INSUFFICIENT_BUYING_POWER}) an entry that the account's available cash
 * or margin cannot pay for. A position in a symbol blocks {@code |quantity x mark| / leverage} of margin,
 * the leverage being the symbol's product's: 1 for delivery (CNC: the full value), the configured MIS
 * leverage for intraday symbols (e.g. 5: a fifth of the value). Available buying power is
 * {@code equity - margin blocked by all open positions}; with only long delivery positions that is the
 * cash. An order needs the margin of the position after it (valued at the order's reference price)
 * less the margin its symbol blocks now; it is refused when that exceeds the available buying power.
 * Orders that only reduce pass; no reference price refuses (NO_PRICE).
 *
 * <p>Working entries ({@link RiskContext#workingEntries()}, accepted and not yet filled, e.g. decided at
 * this bar's close to fill at the next open) reserve the margin of their unfilled part at their reference
 * price: the buying power the order may use is what is left after them, so that entries decided together
 * cannot spend the same cash twice. Not reserved: the charges of the order (they are small next to its
 * value and known only at the fill) and the difference between the reference price and the fill price
 * (a next-open fill after a gap up may cost more than was checked).
 *
 * @param defaultLeverage   the leverage of symbols not in {@code leverageBySymbol} (1: pay in full)
 * @param leverageBySymbol  per-symbol leverage (e.g. the MIS leverage for an intraday strategy's symbols)
 */
public record BuyingPower(BigDecimal defaultLeverage, Map<String, BigDecimal> leverageBySymbol) implements RiskCheck {
    /** Cash only: every entry paid in full. */
    public static final BuyingPower CASH = new BuyingPower(BigDecimal.ONE, Map.of());

    public BuyingPower {
        Objects.requireNonNull(defaultLeverage, "defaultLeverage");
        leverageBySymbol = Map.copyOf(Objects.requireNonNull(leverageBySymbol, "leverageBySymbol"));
        if (defaultLeverage.compareTo(BigDecimal.ONE) < 0) throw new IllegalArgumentException("leverage must be at least 1: " + defaultLeverage);
        for (var e : leverageBySymbol.entrySet()) {
            if (e.getValue().compareTo(BigDecimal.ONE) < 0) throw new IllegalArgumentException("leverage of " + e.getKey() + " must be at least 1: " + e.getValue());
        }
    }

    @Override
    public RiskDecision check(OrderRequest order, RiskContext context) {
        if (context.reducesOnly(order)) return RiskDecision.APPROVED;
        BigDecimal price = context.referencePrice(order);
        if (price == null) return RiskDecision.reject(RejectionCode.NO_PRICE, order.symbol() + ": no price known to value the order");
        Portfolio p = context.portfolio();
        BigDecimal leverage = leverageOf(order.symbol());
        BigDecimal mark = p.markOf(order.symbol());
        BigDecimal blockedNow = p.quantity(order.symbol()).abs().multiply(mark == null ? price : mark).divide(leverage, MathContext.DECIMAL64);
        BigDecimal needed = context.positionAfter(order).abs().multiply(price).divide(leverage, MathContext.DECIMAL64).subtract(blockedNow);
        if (needed.signum() <= 0) return RiskDecision.APPROVED;
        BigDecimal reserved = reserved(context);
        BigDecimal available = available(p).subtract(reserved);
        if (needed.compareTo(available) > 0) {
            var c = p.currency();
            return RiskDecision.reject(RejectionCode.INSUFFICIENT_BUYING_POWER, order.symbol() + ": the order needs "
                    + MoneyFormat.format(needed, c) + (leverage.compareTo(BigDecimal.ONE) == 0 ? "" : " of margin at " + leverage.stripTrailingZeros().toPlainString() + "x")
                    + ", buying power is " + MoneyFormat.format(available.max(BigDecimal.ZERO), c)
                    + (reserved.signum() == 0 ? "" : " after " + MoneyFormat.format(reserved, c) + " reserved by working entries"));
        }
        return RiskDecision.APPROVED;
    }

    /** The margin the working entries' unfilled parts will block, at their reference prices (none known: nothing). */
    public BigDecimal reserved(RiskContext context) {
        BigDecimal[] sum = {BigDecimal.ZERO};
        context.workingEntries().forEach((req, remaining) -> {
            BigDecimal ref = context.referencePrice(req);
            if (ref != null) sum[0] = sum[0].add(margin(req.symbol(), remaining.multiply(ref)));
        });
        return sum[0];
    }

    /** Equity less the margin the open positions block; may be negative after losses. */
    public BigDecimal available(Portfolio p) {
        BigDecimal blocked = BigDecimal.ZERO;
        for (int i = 0; i < p.instrumentCount(); i++) {
            var position = p.position(i);
            if (position.isFlat()) continue;
            String symbol = position.instrument().symbol();
            BigDecimal mark = p.markOf(symbol);
            blocked = blocked.add(margin(symbol, position.quantity().multiply(mark == null ? position.averagePrice() : mark)));
        }
        return p.equity().subtract(blocked);
    }

    /** The margin a position of market value {@code value} in {@code symbol} blocks: {@code |value| / leverage}. */
    public BigDecimal margin(String symbol, BigDecimal value) {
        return value.abs().divide(leverageOf(symbol), MathContext.DECIMAL64);
    }

    public BigDecimal leverageOf(String symbol) {
        return leverageBySymbol.getOrDefault(symbol, defaultLeverage);
    }
}
