package io.tradepilot.engine.orders;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;

import java.util.Objects;

/**
 * What a strategy or an operator asks for. Validation refuses inconsistent requests (missing prices
 * for the type, zero quantity, a quantity off the instrument's lot size).
 *
 * @param protectiveStop optional: the price at which the position this order opens would be exited;
 *                       used for open risk ("heat") and R multiples. Not an order by itself.
 * @param reduceOnly     the order may only reduce an existing position (exits, flatten)
 * @param exitTag        optional: why the order exits (target, stop, trailing, ...), recorded with its fills for the
 *                       journal; null on entries and when not known. Takes no part in execution or risk.
 */
public record OrderRequest(ClientOrderId clientOrderId, StrategyId strategy, Instrument instrument, Side side,
                           Quantity quantity, OrderType type, Price limitPrice, Price stopPrice, TimeInForce timeInForce,
                           Price protectiveStop, boolean reduceOnly, ExitTag exitTag) {

    /** A request without an exit tag. */
    public OrderRequest(ClientOrderId clientOrderId, StrategyId strategy, Instrument instrument, Side side, Quantity quantity,
                        OrderType type, Price limitPrice, Price stopPrice, TimeInForce timeInForce, Price protectiveStop,
                        boolean reduceOnly) {
        this(clientOrderId, strategy, instrument, side, quantity, type, limitPrice, stopPrice, timeInForce, protectiveStop, reduceOnly, null);
    }

    public OrderRequest {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
        if (quantity.isZero()) throw new IllegalArgumentException("quantity must be positive");
        if (!isWholeMultipleOfLot(quantity.value(), instrument.lotSize())) {
            throw new IllegalArgumentException("quantity " + quantity + " is not a multiple of the lot size " + instrument.lotSize().toPlainString());
        }
        if (type.needsLimitPrice() != (limitPrice != null)) throw new IllegalArgumentException(type + (type.needsLimitPrice() ? " needs" : " takes no") + " limit price");
        if (type.needsStopPrice() != (stopPrice != null)) throw new IllegalArgumentException(type + (type.needsStopPrice() ? " needs" : " takes no") + " stop price");
    }

    public static OrderRequest market(ClientOrderId id, StrategyId strategy, Instrument instrument, Side side, Quantity quantity) {
        return new OrderRequest(id, strategy, instrument, side, quantity, OrderType.MARKET, null, null, TimeInForce.GTC, null, false);
    }

    public static OrderRequest limit(ClientOrderId id, StrategyId strategy, Instrument instrument, Side side, Quantity quantity, Price limit, TimeInForce tif) {
        return new OrderRequest(id, strategy, instrument, side, quantity, OrderType.LIMIT, limit, null, tif, null, false);
    }

    public static OrderRequest stop(ClientOrderId id, StrategyId strategy, Instrument instrument, Side side, Quantity quantity, Price stop, TimeInForce tif) {
        return new OrderRequest(id, strategy, instrument, side, quantity, OrderType.STOP, null, stop, tif, null, false);
    }

    public static OrderRequest stopLimit(ClientOrderId id, StrategyId strategy, Instrument instrument, Side side, Quantity quantity, Price stop, Price limit, TimeInForce tif) {
        return new OrderRequest(id, strategy, instrument, side, quantity, OrderType.STOP_LIMIT, limit, stop, tif, null, false);
    }

    public OrderRequest withTimeInForce(TimeInForce tif) {
        return new OrderRequest(clientOrderId, strategy, instrument, side, quantity, type, limitPrice, stopPrice, tif, protectiveStop, reduceOnly);
    }

    public OrderRequest withProtectiveStop(Price stop) {
        return new OrderRequest(clientOrderId, strategy, instrument, side, quantity, type, limitPrice, stopPrice, timeInForce, stop, reduceOnly, exitTag);
    }

    public OrderRequest asReduceOnly() {
        return new OrderRequest(clientOrderId, strategy, instrument, side, quantity, type, limitPrice, stopPrice, timeInForce, protectiveStop, true, exitTag);
    }

    /** This request tagged with why it exits ({@code tag} null: not known). */
    public OrderRequest withExitTag(ExitTag tag) {
        return new OrderRequest(clientOrderId, strategy, instrument, side, quantity, type, limitPrice, stopPrice, timeInForce, protectiveStop, reduceOnly, tag);
    }

    /**
     * {@code q} is a whole multiple of {@code lot}. A quantity without a fractional part (scale at most 0)
     * is one of a lot of exactly 1 without dividing; anything else is decided by the remainder.
     */
    private static boolean isWholeMultipleOfLot(java.math.BigDecimal q, java.math.BigDecimal lot) {
        if (q.scale() <= 0 && lot.scale() == 0 && lot.compareTo(java.math.BigDecimal.ONE) == 0) return true;
        return q.remainder(lot).signum() == 0;
    }

    public String symbol() {
        return instrument.symbol();
    }
}
