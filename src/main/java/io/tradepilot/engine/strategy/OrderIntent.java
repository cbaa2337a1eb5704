package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ExitTag;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.TimeInForce;

import java.util.Objects;

/**
 * What a strategy wants, for the instrument of the current bar. Prices as for {@link
 * io.tradepilot.engine.orders.OrderRequest}; {@code protectiveStop} optional (heat, R multiples); {@code exitTag} optional: why the order exits, recorded with its
 * fills for the journal (see {@link ExitTag}).
 */
public record OrderIntent(Side side, Quantity quantity, OrderType type, Price limitPrice, Price stopPrice,
                          TimeInForce timeInForce, Price protectiveStop, ExitTag exitTag) {

    /** An intent without an exit tag. */
    public OrderIntent(Side side, Quantity quantity, OrderType type, Price limitPrice, Price stopPrice, TimeInForce timeInForce,
                       Price protectiveStop) {
        this(side, quantity, type, limitPrice, stopPrice, timeInForce, protectiveStop, null);
    }

    public OrderIntent {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeInForce, "timeInForce");
    }

    public static OrderIntent market(Side side, Quantity quantity) {
        return new OrderIntent(side, quantity, OrderType.MARKET, null, null, TimeInForce.GTC, null);
    }

    public static OrderIntent limit(Side side, Quantity quantity, Price limit, TimeInForce tif) {
        return new OrderIntent(side, quantity, OrderType.LIMIT, limit, null, tif, null);
    }

    public static OrderIntent stop(Side side, Quantity quantity, Price stop, TimeInForce tif) {
        return new OrderIntent(side, quantity, OrderType.STOP, null, stop, tif, null);
    }

    public OrderIntent withProtectiveStop(Price stop) {
        return new OrderIntent(side, quantity, type, limitPrice, stopPrice, timeInForce, stop, exitTag);
    }

    /** This intent tagged with why it exits ({@code tag} null: not known). */
    public OrderIntent withExitTag(ExitTag tag) {
        return new OrderIntent(side, quantity, type, limitPrice, stopPrice, timeInForce, protectiveStop, tag);
    }
}
