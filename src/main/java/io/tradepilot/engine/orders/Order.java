package io.tradepilot.engine.orders;

import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;

/**
 * An order and its lifecycle. Mutable, owned by the engine's single writer thread; everyone else sees
 * {@link #view()} snapshots. Every transition method checks the current status and returns
 * {@link Transition.Refused} for an illegal move instead of changing anything:
 * <pre>
 * NEW -> ACCEPTED | REJECTED
 * ACCEPTED | PARTIALLY_FILLED | CANCEL_FAILED -> PARTIALLY_FILLED | FILLED | PENDING_CANCEL | CANCELLED | EXPIRED
 * PENDING_CANCEL -> CANCELLED | CANCEL_FAILED | PARTIALLY_FILLED | FILLED (a fill may race the cancel)
 * </pre>
 */
public final class Order {

    private final OrderId id;
    private final OrderRequest request;
    private final Instant createdAt;
    private OrderStatus status = OrderStatus.NEW;
    private BigDecimal filled = BigDecimal.ZERO;
    private BigDecimal filledNotional = BigDecimal.ZERO;
    private String statusReason = "";
    private boolean stopTriggered;
    /** Set by the broker: the trading day on which a DAY order may trade (epoch day in the market's zone), or -1. */
    private long dayOfEligibility = -1;
    private boolean evaluated;

    public Order(OrderId id, OrderRequest request, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.request = Objects.requireNonNull(request, "request");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Transition accept() {
        if (status != OrderStatus.NEW) return Transition.refused(status, "accept");
        status = OrderStatus.ACCEPTED;
        return Transition.DONE;
    }

    public Transition reject(String reason) {
        if (status != OrderStatus.NEW) return Transition.refused(status, "reject");
        status = OrderStatus.REJECTED;
        statusReason = reason;
        return Transition.DONE;
    }

    /**
     * Records a fill. Refuses a fill on an order that is not working, a non-positive quantity, or more
     * than the remaining quantity.
     */
    public Transition fill(Quantity quantity, Price price) {
        if (!status.isWorking()) return Transition.refused(status, "fill");
        if (quantity.isZero() || quantity.compareTo(remaining()) > 0) {
            return new Transition.Refused(status, "fill", "fill of " + quantity + " does not fit the remaining " + remaining());
        }
        filled = filled.add(quantity.value());
        filledNotional = filledNotional.add(quantity.value().multiply(price.value()));
        status = filled.compareTo(request.quantity().value()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        return Transition.DONE;
    }

    /** Asks for cancellation; the order keeps working until {@link #confirmCancel} or {@link #cancelFailed}. */
    public Transition requestCancel() {
        if (!(status == OrderStatus.ACCEPTED || status == OrderStatus.PARTIALLY_FILLED || status == OrderStatus.CANCEL_FAILED)) {
            return Transition.refused(status, "cancel");
        }
        status = OrderStatus.PENDING_CANCEL;
        return Transition.DONE;
    }

    public Transition confirmCancel(String reason) {
        if (status != OrderStatus.PENDING_CANCEL) return Transition.refused(status, "confirm the cancellation of");
        status = OrderStatus.CANCELLED;
        statusReason = reason;
        return Transition.DONE;
    }

    /** The venue refused the cancel: the order keeps working. */
    public Transition cancelFailed(String reason) {
        if (status != OrderStatus.PENDING_CANCEL) return Transition.refused(status, "fail the cancellation of");
        status = OrderStatus.CANCEL_FAILED;
        statusReason = reason;
        return Transition.DONE;
    }

    /** Time in force ran out (DAY at the session end, IOC remainder, FOK not fillable). */
    public Transition expire(String reason) {
        if (!status.isWorking()) return Transition.refused(status, "expire");
        status = OrderStatus.EXPIRED;
        statusReason = reason;
        return Transition.DONE;
    }

    public OrderId id() { return id; }
    public OrderRequest request() { return request; }
    public Instant createdAt() { return createdAt; }
    public OrderStatus status() { return status; }
    public String statusReason() { return statusReason; }
    public Quantity filledQuantity() { return new Quantity(filled); }
    public Quantity remaining() {
        Quantity q = request.quantity();
        // nothing filled yet (zero at scale 0 or below q's): q - 0 is q itself, value and scale
        if (filled.signum() == 0 && filled.scale() <= q.value().scale()) return q;
        return new Quantity(q.value().subtract(filled));
    }

    /** Volume-weighted average fill price, or null before the first fill (rounded to 34 significant digits). */
    public Price averageFillPrice() {
        return filled.signum() == 0 ? null : new Price(filledNotional.divide(filled, MathContext.DECIMAL128).stripTrailingZeros());
    }

    /** For stop-limit orders: the stop has traded and the order now rests as a limit order. */
    public boolean stopTriggered() { return stopTriggered; }
    public void markStopTriggered() { stopTriggered = true; }
    public long dayOfEligibility() { return dayOfEligibility; }
    public void setDayOfEligibility(long epochDay) { dayOfEligibility = epochDay; }
    /** True once the broker has evaluated the order against at least one bar (IOC/FOK use this). */
    public boolean evaluated() { return evaluated; }
    public void markEvaluated() { evaluated = true; }

    public OrderView view() {
        return new OrderView(id, request, status, filledQuantity(), averageFillPrice(), statusReason, createdAt);
    }

    @Override
    public String toString() {
        return "Order[" + id + " " + request.clientOrderId() + " " + request.side() + " " + request.quantity() + " "
                + request.symbol() + " " + request.type() + " " + status + " filled=" + filled.toPlainString() + "]";
    }
}
