package io.tradepilot.trading.internal;

import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.TradingAction;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The input rules of the manual trading actions, without side effects: reasons, typed confirmations,
 * manual orders and close quantities. Every check answers with a {@link Refusal} (never throws) so the
 * service can audit and return it.
 */
final class ActionRules {

    /** Longest reason accepted (characters, after trimming). */
    static final int MAX_REASON = 2000;
    /** Largest quantity or price accepted: more digits than any real order has. */
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000");
    private static final int MAX_SCALE = 8;

    private ActionRules() {
    }

    /** The reason trimmed, or null when blank. */
    static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Refuses a missing reason, one shorter than the action's minimum, or one longer than {@value #MAX_REASON}. */
    static Optional<Refusal> reason(TradingAction action, String reason) {
        String r = clean(reason);
        if (r == null) {
            return Optional.of(new Refusal(RefusalCode.REASON_REQUIRED, "A reason is required (at least "
                    + action.minimumReason() + " characters)."));
        }
        if (r.length() < action.minimumReason()) {
            return Optional.of(new Refusal(RefusalCode.REASON_TOO_SHORT, "The reason must have at least "
                    + action.minimumReason() + " characters (it has " + r.length() + ")."));
        }
        if (r.length() > MAX_REASON) {
            return Optional.of(new Refusal(RefusalCode.REASON_TOO_LONG, "The reason may have at most " + MAX_REASON + " characters."));
        }
        return Optional.empty();
    }

    /** Refuses unless {@code typed} is exactly {@code word} (surrounding spaces ignored, case sensitive). */
    static Optional<Refusal> confirmation(String word, String typed) {
        if (typed != null && typed.strip().equals(word)) return Optional.empty();
        return Optional.of(new Refusal(RefusalCode.CONFIRMATION_MISMATCH, "Type " + word + " to confirm."));
    }

    /** A manual order checked and turned into an engine request, or why it cannot be one. */
    sealed interface Parsed {
        record Valid(OrderRequest request) implements Parsed {}

        record Invalid(Refusal refusal) implements Parsed {}
    }

    /**
     * Checks a manual order against the traded instruments and builds the engine request with the client
     * order id {@code ids} gives for its symbol and side:
     * known symbol; side BUY or SELL; type MARKET, LIMIT, STOP or STOP_LIMIT; time in force DAY (when
     * absent), GTC, IOC or FOK; a positive quantity in whole lots; exactly the prices the type takes,
     * positive and on the instrument's tick. Names are case-insensitive.
     */
    static Parsed order(ManualOrder order, Map<String, Instrument> instruments, java.util.function.BiFunction<String, Side, ClientOrderId> ids) {
        return order(order, StrategyId.MANUAL, instruments, ids);
    }

    /** As {@link #order(ManualOrder, Map, java.util.function.BiFunction)}, attributed to {@code strategy}. */
    static Parsed order(ManualOrder order, StrategyId strategy, Map<String, Instrument> instruments,
                        java.util.function.BiFunction<String, Side, ClientOrderId> ids) {
        if (order == null) return invalid("The order is missing.");
        String symbol = order.symbol() == null ? "" : order.symbol().strip().toUpperCase(Locale.ROOT);
        if (symbol.isEmpty()) return invalid("The symbol is missing.");
        Instrument instrument = instruments.get(symbol);
        if (instrument == null) return invalid("Unknown symbol " + shorten(symbol) + "; traded: " + String.join(", ", instruments.keySet()) + ".");
        Side side = parse(Side.class, order.side());
        if (side == null) return invalid("Side must be BUY or SELL.");
        OrderType type = parse(OrderType.class, order.type());
        if (type == null) return invalid("Type must be MARKET, LIMIT, STOP or STOP_LIMIT.");
        TimeInForce tif = order.timeInForce() == null || order.timeInForce().isBlank() ? TimeInForce.DAY
                : parse(TimeInForce.class, order.timeInForce());
        if (tif == null) return invalid("Time in force must be DAY, GTC, IOC or FOK.");
        Optional<Refusal> q = quantity(order.quantity(), instrument);
        if (q.isPresent()) return new Parsed.Invalid(q.get());
        Optional<Refusal> limit = price("limit", order.limitPrice(), type.needsLimitPrice(), type, instrument);
        if (limit.isPresent()) return new Parsed.Invalid(limit.get());
        Optional<Refusal> stop = price("stop", order.stopPrice(), type.needsStopPrice(), type, instrument);
        if (stop.isPresent()) return new Parsed.Invalid(stop.get());
        Optional<Refusal> protective = order.protectiveStop() == null ? Optional.empty()
                : price("protective stop", order.protectiveStop(), true, type, instrument);
        if (protective.isPresent()) return new Parsed.Invalid(protective.get());
        try {
            return new Parsed.Valid(new OrderRequest(ids.apply(symbol, side), strategy, instrument, side, new Quantity(order.quantity()), type,
                    order.limitPrice() == null ? null : new Price(order.limitPrice()),
                    order.stopPrice() == null ? null : new Price(order.stopPrice()), tif,
                    order.protectiveStop() == null ? null : new Price(order.protectiveStop()), false, order.exitTag()));
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
    }

    /** Refuses a missing, non-positive, oversized or fractional-lot quantity. */
    static Optional<Refusal> quantity(BigDecimal quantity, Instrument instrument) {
        if (quantity == null) return Optional.of(invalidRefusal("The quantity is missing."));
        if (quantity.signum() <= 0) return Optional.of(invalidRefusal("The quantity must be positive."));
        if (quantity.compareTo(MAX_NUMBER) >= 0 || quantity.stripTrailingZeros().scale() > MAX_SCALE) {
            return Optional.of(invalidRefusal("The quantity " + shorten(quantity.toPlainString()) + " is not a plausible quantity."));
        }
        if (quantity.remainder(instrument.lotSize()).signum() != 0) {
            return Optional.of(invalidRefusal("The quantity must be a whole number of lots of " + instrument.lotSize().toPlainString() + "."));
        }
        return Optional.empty();
    }

    /** Refuses closing {@code quantity} (null: all) of a signed position {@code open}: nothing open, or more than is open. */
    static Optional<Refusal> closeQuantity(BigDecimal quantity, BigDecimal open, Instrument instrument) {
        if (open == null || open.signum() == 0) {
            return Optional.of(new Refusal(RefusalCode.NOT_FOUND, "No open position in " + instrument.symbol() + "."));
        }
        if (quantity == null) return Optional.empty();
        Optional<Refusal> q = quantity(quantity, instrument);
        if (q.isPresent()) return q;
        if (quantity.compareTo(open.abs()) > 0) {
            return Optional.of(invalidRefusal("Cannot close " + quantity.stripTrailingZeros().toPlainString() + " of " + instrument.symbol()
                    + ": only " + open.abs().stripTrailingZeros().toPlainString() + " are open."));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> price(String which, BigDecimal price, boolean needed, OrderType type, Instrument instrument) {
        if (!needed) {
            return price == null ? Optional.empty() : Optional.of(invalidRefusal(type + " orders take no " + which + " price."));
        }
        if (price == null) return Optional.of(invalidRefusal(type + " orders need a " + which + " price."));
        if (price.signum() <= 0 || price.compareTo(MAX_NUMBER) >= 0) {
            return Optional.of(invalidRefusal("The " + which + " price must be positive and plausible."));
        }
        if (price.remainder(instrument.tickSize()).signum() != 0) {
            return Optional.of(invalidRefusal("The " + which + " price " + shorten(price.toPlainString()) + " is not on the tick of "
                    + instrument.tickSize().toPlainString() + "."));
        }
        return Optional.empty();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) return null;
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Parsed invalid(String message) {
        return new Parsed.Invalid(invalidRefusal(message));
    }

    private static Refusal invalidRefusal(String message) {
        return new Refusal(RefusalCode.INVALID_ORDER, message);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
