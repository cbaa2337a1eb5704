package io.tradepilot.engine.core;

import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.ExitTag;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.venue.ExecutionReport;

import java.math.BigDecimal;
import java.time.Instant;

/** Facts the engine reports, as past-tense records. {@code time} is the engine clock's time. */
public sealed interface EngineEvent {
    Instant time();

    /**
     * An order the engine took. {@code exitTag} is the order's {@link io.tradepilot.engine.orders.OrderRequest#exitTag()}
     * (null on entries or when not known), which the ledger records with the order so that a working exit order recovered
     * after a restart keeps it. {@link #toString()} leaves it out (the text the backtests' event hashes fold).
     */
    record OrderAccepted(Instant time, OrderId orderId, ClientOrderId clientOrderId, StrategyId strategy, String symbol,
                         Side side, Quantity quantity, OrderType type, Price limitPrice, Price stopPrice,
                         TimeInForce timeInForce, ExitTag exitTag) implements EngineEvent {

        /** An order without an exit tag. */
        public OrderAccepted(Instant time, OrderId orderId, ClientOrderId clientOrderId, StrategyId strategy, String symbol,
                             Side side, Quantity quantity, OrderType type, Price limitPrice, Price stopPrice,
                             TimeInForce timeInForce) {
            this(time, orderId, clientOrderId, strategy, symbol, side, quantity, type, limitPrice, stopPrice, timeInForce, null);
        }

        @Override
        public String toString() {
            return "OrderAccepted[time=" + time + ", orderId=" + orderId + ", clientOrderId=" + clientOrderId + ", strategy=" + strategy
                    + ", symbol=" + symbol + ", side=" + side + ", quantity=" + quantity + ", type=" + type + ", limitPrice=" + limitPrice
                    + ", stopPrice=" + stopPrice + ", timeInForce=" + timeInForce + "]";
        }
    }

    record OrderRejected(Instant time, ClientOrderId clientOrderId, String symbol, RejectionCode code, String message) implements EngineEvent {}

    /** The same client order id arrived again; the existing order stands and nothing new was created. */
    record DuplicateOrderIgnored(Instant time, ClientOrderId clientOrderId, OrderId existing) implements EngineEvent {}

    /**
     * An execution. {@code protectiveStop} is the stop the order carried when it was placed (the strategy's
     * intent or the order ticket), null when it had none; the ledger records it with the fill so that the
     * journal can state the initial risk and R of the trade the fill opens.
     *
     * <p>{@code exitTag} is the order's {@link io.tradepilot.engine.orders.OrderRequest#exitTag()} (why it exits; null on entries or when not known),
     * which the ledger records with the fill for the journal's exit reason.
     *
     * <p>{@code charges} is the execution report's commission by kind (null when the venue did not itemise it), which the
     * ledger records with the fill for the journal's tax-ready export.
     *
     * <p>{@link #toString()} leaves the stop, the exit tag and the charges out: it is the text the backtests' event hashes
     * fold, recorded before the stop was carried here, and the stop adds no fact to the event stream that the
     * {@link OrderAccepted} order's own request does not fix.
     */
    record OrderFilled(Instant time, OrderId orderId, ClientOrderId clientOrderId, String symbol, Side side,
                       Quantity quantity, Price price, Money commission, Quantity remaining, OrderStatus status,
                       Price protectiveStop, ExitTag exitTag, Charges charges) implements EngineEvent {

        /** An execution whose commission is not itemised. */
        public OrderFilled(Instant time, OrderId orderId, ClientOrderId clientOrderId, String symbol, Side side,
                           Quantity quantity, Price price, Money commission, Quantity remaining, OrderStatus status,
                           Price protectiveStop, ExitTag exitTag) {
            this(time, orderId, clientOrderId, symbol, side, quantity, price, commission, remaining, status, protectiveStop, exitTag, null);
        }

        /** An execution of an order without a protective stop. */
        public OrderFilled(Instant time, OrderId orderId, ClientOrderId clientOrderId, String symbol, Side side,
                           Quantity quantity, Price price, Money commission, Quantity remaining, OrderStatus status) {
            this(time, orderId, clientOrderId, symbol, side, quantity, price, commission, remaining, status, null, null, null);
        }

        /** An execution of an order without an exit tag. */
        public OrderFilled(Instant time, OrderId orderId, ClientOrderId clientOrderId, String symbol, Side side,
                           Quantity quantity, Price price, Money commission, Quantity remaining, OrderStatus status,
                           Price protectiveStop) {
            this(time, orderId, clientOrderId, symbol, side, quantity, price, commission, remaining, status, protectiveStop, null, null);
        }

        @Override
        public String toString() {
            return "OrderFilled[time=" + time + ", orderId=" + orderId + ", clientOrderId=" + clientOrderId + ", symbol=" + symbol
                    + ", side=" + side + ", quantity=" + quantity + ", price=" + price + ", commission=" + commission
                    + ", remaining=" + remaining + ", status=" + status + "]";
        }
    }

    record OrderCancelled(Instant time, OrderId orderId, String reason) implements EngineEvent {}

    record CancelRejected(Instant time, OrderId orderId, String reason) implements EngineEvent {}

    record OrderExpired(Instant time, OrderId orderId, String reason) implements EngineEvent {}

    /** {@code quantity} signed; {@code realizedPnl} cumulative gross average-cost P&L of the symbol. */
    record PositionChanged(Instant time, String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal realizedPnl) implements EngineEvent {}

    record TradeClosed(Instant time, RoundTrip trade) implements EngineEvent {}

    /**
     * An automatic limit tripped; entries are refused from now on until the trading-state port reports a release
     * ({@link io.tradepilot.engine.risk.TradingStatePort#releases()}). The host records it in its controls.
     */
    record RiskTripped(Instant time, RejectionCode code, String message) implements EngineEvent {}

    /** The engine's own state changed: tripped ({@link RiskTripped} precedes it) or its trip released. */
    record TradingStateChanged(Instant time, EngineState state, String reason) implements EngineEvent {}

    /** The venue acknowledged the order and knows it as {@code venueOrderId} (brokers with ids of their own; never the paper broker). */
    record OrderAcknowledged(Instant time, OrderId orderId, ClientOrderId clientOrderId, String venueOrderId) implements EngineEvent {}

    /**
     * The venue refused an order the engine had accepted (and published as {@link OrderAccepted}); it ends
     * REJECTED. (A refusal by the engine's own checks is {@link OrderRejected}, which has no order.)
     */
    record OrderRejectedByVenue(Instant time, OrderId orderId, ClientOrderId clientOrderId, String symbol, String reason) implements EngineEvent {}

    /** The venue applied a modification: the order now asks for {@code quantity} (total) at these prices (null where its type takes none). */
    record OrderModified(Instant time, OrderId orderId, ClientOrderId clientOrderId, Quantity quantity, Price limitPrice, Price stopPrice)
            implements EngineEvent {}

    /** A modification was refused, by the engine (the order does not work, an invalid change) or by the venue; the order is unchanged. */
    record ModifyRejected(Instant time, OrderId orderId, String reason) implements EngineEvent {}

    /**
     * A venue's execution report contradicted what the engine knows (an unknown client order id, a fill on an
     * ended order or beyond its quantity or out of sequence, a rejection after an acceptance, ...) and changed
     * nothing. {@code orderId} is null when the client order id is unknown. For reconciliation with the venue.
     */
    record ExecutionReportRefused(Instant time, ClientOrderId clientOrderId, OrderId orderId, ExecutionReport report, String reason)
            implements EngineEvent {}
    /**
     * A position the engine did not trade was booked ({@link EngineCommand.AdoptPosition}, also the first half of
     * {@link EngineCommand.CloseAtBroker}) as order {@code orderId}; its fill ({@link OrderFilled}) follows. The ledger
     * records it as an order of strategy {@code reconciliation} with an {@code ADOPTED} order event carrying the reason.
     */
    record PositionAdopted(Instant time, OrderId orderId, ClientOrderId clientOrderId, String symbol, String exchange, Side side,
                           Quantity quantity, Price price, String reason) implements EngineEvent {}
}
