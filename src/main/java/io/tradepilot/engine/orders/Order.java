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
 * PENDING_CANCEL -> CANCELLED | CANCEL_FAILED | PARTIALLY_FILLED | FILLED | EXPIRED (a fill may race the cancel)
 * ACCEPTED (not acknowledged by the venue, nothing filled; also PENDING_CANCEL, CANCEL_FAILED) -> REJECTED (by the venue)
 * </pre>
 * ACCEPTED means accepted by the engine and handed to the venue; the venue's acknowledgement only adds
 * its {@link #venueOrderId()}. The {@code ...ByVenue} methods apply a venue's execution report and return
 * {@link Transition.Unchanged} for a report that repeats what the order already shows.
 */
public final class Order {

    private final OrderId id;
    private OrderRequest request;
    private final Instant createdAt;
    private OrderStatus status = OrderStatus.NEW;
    private BigDecimal filled = BigDecimal.ZERO;
    private BigDecimal filledNotional = BigDecimal.ZERO;
    private String statusReason = "";
    private String venueOrderId;
    /** The engine's reason for its pending cancel request, kept for the venue's confirmation. */
    private String cancelReason = "";

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
        return requestCancel("");
    }

    /**
     * Asks for cancellation for {@code reason}, which the venue's confirmation ({@link #cancelledByVenue})
     * keeps; the order keeps working until then.
     */
    public Transition requestCancel(String reason) {
        if (!(status == OrderStatus.ACCEPTED || status == OrderStatus.PARTIALLY_FILLED || status == OrderStatus.CANCEL_FAILED)) {
            return Transition.refused(status, "cancel");
        }
        status = OrderStatus.PENDING_CANCEL;
        cancelReason = reason == null ? "" : reason;
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

    // ------------------------------------------------------------------ the venue's reports

    /**
     * The venue acknowledged the order as {@code venueId}. Unchanged when it already has that id; refused
     * for another id, for an order the engine never accepted, and for one the venue rejected.
     */
    public Transition acknowledge(String venueId) {
        Objects.requireNonNull(venueId, "venueId");
        if (status == OrderStatus.NEW || status == OrderStatus.REJECTED) return Transition.refused(status, "acknowledge");
        if (venueOrderId != null) {
            return venueOrderId.equals(venueId) ? Transition.UNCHANGED
                    : new Transition.Refused(status, "acknowledge", "the venue already acknowledged it as " + venueOrderId + ", not " + venueId);
        }
        venueOrderId = venueId;
        return Transition.DONE;
    }

    /**
     * The venue refused the order. Only before it acknowledged or filled any of it; unchanged when already
     * rejected; refused otherwise (a rejection after an acceptance).
     */
    public Transition rejectByVenue(String reason) {
        if (status == OrderStatus.REJECTED) return Transition.UNCHANGED;
        if (!status.isWorking()) return Transition.refused(status, "reject");
        if (venueOrderId != null) {
            return new Transition.Refused(status, "reject", "the venue already acknowledged it as " + venueOrderId);
        }
        if (filled.signum() != 0) return new Transition.Refused(status, "reject", filled.toPlainString() + " of it is already filled");
        status = OrderStatus.REJECTED;
        statusReason = reason;
        return Transition.DONE;
    }

    /**
     * An execution the venue reports, after which it counts {@code cumulative} executed. Unchanged when the
     * order already counts that much (a duplicate); refused when the order no longer works, when
     * {@code cumulative} exceeds the order's quantity (an overfill), or when it does not continue what the
     * order counts ({@code filled + quantity != cumulative}: an execution missing in between).
     */
    public Transition fillByVenue(Quantity quantity, Price price, Quantity cumulative) {
        if (cumulative.value().compareTo(filled) <= 0) return Transition.UNCHANGED;
        if (!status.isWorking()) return Transition.refused(status, "fill");
        if (cumulative.compareTo(request.quantity()) > 0) {
            return new Transition.Refused(status, "fill", "cumulative " + cumulative + " exceeds the order's quantity " + request.quantity());
        }
        boolean continues = filled.signum() == 0 ? quantity.compareTo(cumulative) == 0
                : filled.add(quantity.value()).compareTo(cumulative.value()) == 0;
        if (!continues) {
            return new Transition.Refused(status, "fill", "out of sequence: " + filled.toPlainString() + " filled, the report adds "
                    + quantity + " to reach " + cumulative);
        }
        return fill(quantity, price);
    }

    /**
     * The venue cancelled the order: after the engine asked, with the engine's reason; unasked (the venue's
     * own cancel), with {@code reason}. Unchanged when already cancelled; refused for an order that ended otherwise.
     */
    public Transition cancelledByVenue(String reason) {
        if (status == OrderStatus.CANCELLED) return Transition.UNCHANGED;
        if (!status.isWorking()) return Transition.refused(status, "cancel");
        statusReason = status == OrderStatus.PENDING_CANCEL ? cancelReason : (reason == null ? "" : reason);
        status = OrderStatus.CANCELLED;
        return Transition.DONE;
    }

    /**
     * The venue refused the engine's cancel: PENDING_CANCEL -> CANCEL_FAILED. Unchanged when the order already
     * failed its cancel or has ended meanwhile (a fill won the race); refused when no cancel was asked for.
     */
    public Transition cancelRejectedByVenue(String reason) {
        if (status == OrderStatus.CANCEL_FAILED || status.isTerminal()) return Transition.UNCHANGED;
        return cancelFailed(reason);
    }

    /** The venue expired the order. Unchanged when already expired; refused for an order that ended otherwise. */
    public Transition expiredByVenue(String reason) {
        if (status == OrderStatus.EXPIRED) return Transition.UNCHANGED;
        return expire(reason);
    }

    /**
     * The venue applied a modification: the order now asks for {@code amended} (same client order id,
     * instrument, side, type and time in force). Refused unless the order works and still has something
     * left to fill after it; unchanged when it already asks for exactly that.
     */
    public Transition amend(OrderRequest amended) {
        Objects.requireNonNull(amended, "amended");
        if (!status.isWorking()) return Transition.refused(status, "modify");
        if (!amended.clientOrderId().equals(request.clientOrderId()) || !amended.instrument().equals(request.instrument())
                || amended.side() != request.side() || amended.type() != request.type() || amended.timeInForce() != request.timeInForce()) {
            return new Transition.Refused(status, "modify", "a modification changes only the quantity and the prices");
        }
        if (amended.quantity().value().compareTo(filled) <= 0) {
            return new Transition.Refused(status, "modify", "quantity " + amended.quantity() + " is not above the filled " + filled.toPlainString());
        }
        if (amended.equals(request)) return Transition.UNCHANGED;
        request = amended;
        return Transition.DONE;
    }

    // ------------------------------------------------------------------ reads

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

    /** The venue's id of the order once it acknowledged it, else null (the paper broker gives none). */
    public String venueOrderId() { return venueOrderId; }

    public OrderView view() {
        return new OrderView(id, request, status, filledQuantity(), averageFillPrice(), statusReason, createdAt, venueOrderId);
    }

    @Override
    public String toString() {
        return "Order[" + id + " " + request.clientOrderId() + " " + request.side() + " " + request.quantity() + " "
                + request.symbol() + " " + request.type() + " " + status + " filled=" + filled.toPlainString() + "]";
    }
}
