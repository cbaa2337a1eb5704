package io.tradepilot.engine.portfolio;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.Fill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A net position in one instrument. Signed quantity (negative: short). Average-cost accounting: the
 * cost basis is kept exactly (sum of signed quantity x price of what is open), the average price is
 * basis / quantity; a reducing fill realizes {@code closed x (fill price - average)} (mirrored for
 * shorts); a fill larger than the position closes it and opens the rest on the other side at the fill
 * price. Independently, FIFO lots pair entries with exits into {@link RoundTrip}s carrying both legs'
 * fees. Average-cost realized P&L and the sum of round-trip gross P&L agree whenever the position is
 * flat. Owned by the engine's writer thread.
 */
public final class Position {

    private final Instrument instrument;
    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal costBasis = BigDecimal.ZERO;
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fifoRealized = BigDecimal.ZERO;
    private Price stop;
    private PositionStatus status = PositionStatus.FLAT;
    private int workingExits;
    private final ArrayDeque<Lot> lots = new ArrayDeque<>();

    private static final class Lot {
        BigDecimal quantity; // open, positive
        final BigDecimal price;
        final Instant time;
        BigDecimal feeRemaining;
        final Price stop;

        Lot(BigDecimal quantity, BigDecimal price, Instant time, BigDecimal fee, Price stop) {
            this.quantity = quantity;
            this.price = price;
            this.time = time;
            this.feeRemaining = fee;
            this.stop = stop;
        }
    }

    public Position(Instrument instrument) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
    }

    /** A position already holding {@code quantity} (signed) at {@code averagePrice}, with no lot history before now. */
    public static Position opened(Instrument instrument, BigDecimal quantity, BigDecimal averagePrice, Instant time) {
        Position p = new Position(instrument);
        if (quantity.signum() != 0) {
            p.quantity = quantity;
            p.costBasis = quantity.multiply(averagePrice);
            p.lots.add(new Lot(quantity.abs(), averagePrice, time, BigDecimal.ZERO, null));
        }
        return p;
    }

    /**
     * Applies a fill and returns the round trips it closed (empty when it only opened or added).
     * The fill's commission is split pro rata between the closing and the opening part.
     */
    public List<RoundTrip> apply(Fill fill) {
        if (!fill.instrument().symbol().equals(instrument.symbol())) throw new IllegalArgumentException("fill for another instrument");
        BigDecimal q = fill.quantity().value();
        BigDecimal price = fill.price().value();
        BigDecimal fee = fill.commission().amount();
        int sign = fill.side().sign();
        List<RoundTrip> closed = List.of();
        BigDecimal closeQty = BigDecimal.ZERO;
        BigDecimal closingFee = BigDecimal.ZERO;
        if (quantity.signum() != 0 && quantity.signum() != sign) {
            BigDecimal held = quantity.abs();
            closeQty = q.min(held);
            closingFee = closeQty.compareTo(q) == 0 ? fee : Exact.divide(fee.multiply(closeQty), q);
            BigDecimal costRemoved = closeQty.compareTo(held) == 0 ? costBasis : Exact.divide(costBasis.multiply(closeQty), held);
            int dir = quantity.signum();
            BigDecimal proceeds = closeQty.multiply(price); // x dir (+-1) below as a sign change: same value and scale
            realized = realized.add(dir > 0 ? proceeds : proceeds.negate()).subtract(costRemoved);
            costBasis = costBasis.subtract(costRemoved);
            quantity = sign > 0 ? quantity.add(closeQty) : quantity.subtract(closeQty);
            if (quantity.signum() == 0) costBasis = BigDecimal.ZERO;
            closed = closeLots(closeQty, price, fill.time(), closingFee, dir);
        }
        BigDecimal openQty = q.subtract(closeQty);
        if (openQty.signum() > 0) {
            BigDecimal signedOpen = sign > 0 ? openQty : openQty.negate();
            quantity = quantity.add(signedOpen);
            costBasis = costBasis.add(signedOpen.multiply(price));
            lots.addLast(new Lot(openQty, price, fill.time(), fee.subtract(closingFee), fill.protectiveStop()));
            if (fill.protectiveStop() != null) stop = fill.protectiveStop();
        }
        if (quantity.signum() == 0) {
            stop = null;
            status = PositionStatus.FLAT;
        } else {
            status = workingExits > 0 ? PositionStatus.CLOSING : PositionStatus.OPEN;
        }
        return closed;
    }

    /**
     * An order that would open or add to this position was accepted. FLAT or OPENING_FAILED move to
     * OPENING; an open position stays as it is. Refused (false, nothing changes) while CLOSING.
     */
    public boolean entryAccepted() {
        switch (status) {
            case FLAT, OPENING_FAILED, OPENING -> { status = PositionStatus.OPENING; return true; }
            case OPEN, CLOSING_FAILED -> { return true; }
            default -> { return false; }
        }
    }

    /** An entry order ended without any fill. OPENING moves to OPENING_FAILED; refused (false) otherwise. */
    public boolean entryFailed() {
        if (status != PositionStatus.OPENING) return false;
        status = PositionStatus.OPENING_FAILED;
        return true;
    }

    /** An order that reduces this position was accepted: OPEN or CLOSING_FAILED move to CLOSING; refused (false) when flat. */
    public boolean exitAccepted() {
        if (quantity.signum() == 0) return false;
        workingExits++;
        status = PositionStatus.CLOSING;
        return true;
    }

    /**
     * An exit order stopped working (filled, cancelled, expired). When the last working exit ends with
     * the position still open, CLOSING becomes CLOSING_FAILED, unless {@code completed} (fully filled).
     */
    public void exitEnded(boolean completed) {
        if (workingExits > 0) workingExits--;
        if (workingExits == 0 && status == PositionStatus.CLOSING && quantity.signum() != 0) {
            status = completed ? PositionStatus.OPEN : PositionStatus.CLOSING_FAILED;
        }
    }

    public PositionStatus status() { return status; }

    private List<RoundTrip> closeLots(BigDecimal closeQty, BigDecimal exitPrice, Instant exitTime, BigDecimal exitFee, int dir) {
        List<RoundTrip> trips = new ArrayList<>(1);
        BigDecimal left = closeQty;
        BigDecimal exitFeeLeft = exitFee;
        Side direction = dir > 0 ? Side.BUY : Side.SELL;
        while (left.signum() > 0) {
            Lot lot = lots.peekFirst();
            BigDecimal m = lot.quantity.min(left);
            boolean wholeLot = m.compareTo(lot.quantity) == 0;
            BigDecimal entryFee = wholeLot ? lot.feeRemaining : Exact.divide(lot.feeRemaining.multiply(m), lot.quantity);
            boolean lastPiece = m.compareTo(left) == 0;
            BigDecimal exitShare = lastPiece ? exitFeeLeft : Exact.divide(exitFee.multiply(m), closeQty);
            BigDecimal move = exitPrice.subtract(lot.price).multiply(m);
            BigDecimal gross = dir > 0 ? move : move.negate();
            BigDecimal fees = entryFee.add(exitShare);
            BigDecimal risk = lot.stop == null ? null : lot.price.subtract(lot.stop.value()).abs().multiply(m);
            trips.add(new RoundTrip(instrument.symbol(), direction, lot.time, lot.price, exitTime, exitPrice, m, gross, fees, gross.subtract(fees), risk));
            fifoRealized = fifoRealized.add(gross);
            lot.feeRemaining = lot.feeRemaining.subtract(entryFee);
            lot.quantity = lot.quantity.subtract(m);
            if (lot.quantity.signum() == 0) lots.removeFirst();
            exitFeeLeft = exitFeeLeft.subtract(exitShare);
            left = left.subtract(m);
        }
        return trips;
    }

    public Instrument instrument() { return instrument; }
    /** Signed: positive long, negative short, zero flat. */
    public BigDecimal quantity() { return quantity; }
    public boolean isFlat() { return quantity.signum() == 0; }
    /** Signed cost of what is open (negative for shorts). */
    public BigDecimal costBasis() { return costBasis; }
    /** Average entry price of what is open, or zero when flat. Exact when it terminates, else 34 significant digits. */
    public BigDecimal averagePrice() {
        return quantity.signum() == 0 ? BigDecimal.ZERO : Exact.divide(costBasis, quantity).stripTrailingZeros();
    }
    /** Gross realized P&L under average cost (fees excluded). */
    public BigDecimal realizedPnl() { return realized; }
    /** Gross realized P&L under FIFO: the sum of this position's round trips' gross P&L. */
    public BigDecimal fifoRealizedPnl() { return fifoRealized; }
    /** {@code quantity x mark - cost basis}. */
    public BigDecimal unrealizedPnl(BigDecimal mark) { return quantity.multiply(mark).subtract(costBasis); }
    /**
     * The open FIFO lots' P&L at {@code mark}, net of the entry fees they still carry:
     * {@code sum(direction x (mark - lot price) x lot quantity - lot's remaining fee)}; zero when flat. With the
     * round trips' net P&L it accounts for every fill exactly: cash + quantity x mark (the position's share of
     * equity) = what was paid in + round trips' net P&L + this.
     */
    public BigDecimal fifoUnrealizedNet(BigDecimal mark) {
        BigDecimal u = BigDecimal.ZERO;
        int dir = quantity.signum();
        for (Lot lot : lots) {
            BigDecimal move = mark.subtract(lot.price).multiply(lot.quantity);
            u = u.add(dir >= 0 ? move : move.negate()).subtract(lot.feeRemaining);
        }
        return u;
    }

    /** The protective stop of the open position, if one is known. */
    public Price stop() { return stop; }
    public void setStop(Price stop) { this.stop = stop; }
    /** Entry time of the oldest open lot, or null when flat. */
    public Instant openedAt() { return lots.isEmpty() ? null : lots.peekFirst().time; }
}
