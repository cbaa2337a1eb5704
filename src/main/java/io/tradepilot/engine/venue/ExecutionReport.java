package io.tradepilot.engine.venue;

import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.orders.ClientOrderId;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact a venue reports about one order, named by the engine's client order id. Reports are applied on
 * the engine's single writer through guarded transitions of the order; one that repeats what the engine
 * already knows (the same fill again, a second cancel confirmation) changes nothing, one that contradicts
 * it (a fill beyond the order's quantity, a rejection after an acceptance, a fill on a cancelled order) is
 * refused and reported as {@code EngineEvent.ExecutionReportRefused}, never thrown. Amounts are exact.
 */
public sealed interface ExecutionReport {

    /** The order the report is about. */
    ClientOrderId clientOrderId();

    /**
     * The venue took the order and gave it {@code venueOrderId}. Optional for a venue without ids of its own
     * (the paper broker): a fill implies acceptance.
     */
    record VenueAccepted(ClientOrderId clientOrderId, String venueOrderId) implements ExecutionReport {
        public VenueAccepted {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            if (venueOrderId == null || venueOrderId.isBlank()) throw new IllegalArgumentException("venue order id must not be blank");
        }
    }

    /**
     * The venue refused the order before accepting it (or does not know the client order id when asked to
     * {@linkplain ExecutionVenue#resolve resolve} it: the placement never arrived). Refused by the engine
     * once the venue accepted or filled the order.
     */
    record VenueRejected(ClientOrderId clientOrderId, String reason) implements ExecutionReport {
        public VenueRejected {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * One execution: {@code quantity} at {@code price} at {@code time}, costing {@code commission} (in the
     * instrument's currency; zero when the venue charges nothing per execution), after which the venue
     * counts {@code cumulativeQuantity} executed on the order. The cumulative quantity makes reports
     * idempotent: one at or below what the engine already counts is a duplicate and ignored; one that does
     * not continue it ({@code known + quantity != cumulativeQuantity}, an execution missing in between) or
     * exceeds the order's quantity is refused. The order's status follows the quantities.
     *
     * <p>{@code charges}: the commission by kind when the venue or its fee model itemises it (their total must equal
     * the commission exactly), or null when it does not (the commission then stands as one amount).
     */
    sealed interface Execution extends ExecutionReport {
        Quantity quantity();
        Price price();
        Money commission();
        Quantity cumulativeQuantity();
        Instant time();
        Charges charges();

        private static void check(ClientOrderId clientOrderId, Quantity quantity, Price price, Money commission,
                                  Quantity cumulativeQuantity, Instant time, Charges charges) {
            if (charges != null && commission != null && charges.total().compareTo(commission.amount()) != 0) {
                throw new IllegalArgumentException("charges by kind add up to " + charges.total().toPlainString()
                        + ", not the commission " + commission.amount().toPlainString());
            }
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(commission, "commission");
            Objects.requireNonNull(cumulativeQuantity, "cumulativeQuantity");
            Objects.requireNonNull(time, "time");
            if (quantity.isZero()) throw new IllegalArgumentException("an execution has a positive quantity");
            if (cumulativeQuantity.compareTo(quantity) < 0) throw new IllegalArgumentException("cumulative quantity below the execution's");
        }
    }

    /** An execution that leaves part of the order working. */
    record VenuePartiallyFilled(ClientOrderId clientOrderId, Quantity quantity, Price price, Money commission,
                       Quantity cumulativeQuantity, Instant time, Charges charges) implements Execution {
        public VenuePartiallyFilled {
            Execution.check(clientOrderId, quantity, price, commission, cumulativeQuantity, time, charges);
        }

        /** An execution whose commission is not itemised. */
        public VenuePartiallyFilled(ClientOrderId clientOrderId, Quantity quantity, Price price, Money commission,
                       Quantity cumulativeQuantity, Instant time) {
            this(clientOrderId, quantity, price, commission, cumulativeQuantity, time, null);
        }
    }

    /** The execution that completes the order ({@code cumulativeQuantity} equals its quantity). */
    record VenueFilled(ClientOrderId clientOrderId, Quantity quantity, Price price, Money commission,
                       Quantity cumulativeQuantity, Instant time, Charges charges) implements Execution {
        public VenueFilled {
            Execution.check(clientOrderId, quantity, price, commission, cumulativeQuantity, time, charges);
        }

        /** An execution whose commission is not itemised. */
        public VenueFilled(ClientOrderId clientOrderId, Quantity quantity, Price price, Money commission,
                       Quantity cumulativeQuantity, Instant time) {
            this(clientOrderId, quantity, price, commission, cumulativeQuantity, time, null);
        }
    }

    /**
     * The order stopped working: after the engine asked ({@link ExecutionVenue#cancel}) the engine's reason
     * is kept; unasked (the venue's own end-of-day or risk cancel) {@code reason} is recorded.
     */
    record VenueCancelled(ClientOrderId clientOrderId, String reason) implements ExecutionReport {
        public VenueCancelled {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * The venue refused to cancel; the order keeps working (CANCEL_FAILED). Ignored when the order already
     * ended (a cancel that lost the race against the last fill).
     */
    record VenueCancelRejected(ClientOrderId clientOrderId, String reason) implements ExecutionReport {
        public VenueCancelRejected {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            reason = reason == null ? "" : reason;
        }
    }

    /** The order's time in force ran out (DAY at the close, IOC/FOK remainder); what was filled stays filled. */
    record VenueExpired(ClientOrderId clientOrderId, String reason) implements ExecutionReport {
        public VenueExpired {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * The venue applied a modification ({@link ExecutionVenue#modify}): the order now asks for
     * {@code quantity} (total, filled part included) at {@code limitPrice}/{@code stopPrice} (null where the
     * order type takes none).
     */
    record VenueModified(ClientOrderId clientOrderId, Quantity quantity, Price limitPrice, Price stopPrice) implements ExecutionReport {
        public VenueModified {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    /** The venue refused a modification; the order works on unchanged. */
    record VenueModifyRejected(ClientOrderId clientOrderId, String reason) implements ExecutionReport {
        public VenueModifyRejected {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            reason = reason == null ? "" : reason;
        }
    }
}
