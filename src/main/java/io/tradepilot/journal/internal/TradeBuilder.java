package io.tradepilot.journal.internal;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.portfolio.Exact;
import io.tradepilot.engine.portfolio.Position;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.journal.ExitReason;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeFill;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradeStatus;
import io.tradepilot.journal.TradingMode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds trades from fills given in ledger order (ascending {@code seq}). Each symbol's fills go through an
 * engine {@link Position} (the engine's own FIFO lots and pro-rata fee split, so the journal's realized P&L is
 * the ledger's to the last digit); a trade spans one excursion of that position away from flat. A fill that
 * reverses the position closes the trade with its closing part and opens the next with the rest.
 * Not thread-safe: the owner serializes calls.
 */
final class TradeBuilder {

    private final Currency currency;
    private final TradingMode mode;
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, Open> open = new HashMap<>();
    private long lastSeq = -1;

    TradeBuilder(Currency currency, TradingMode mode) {
        this.currency = currency;
        this.mode = mode;
    }

    /** The highest sequence number applied so far, -1 before the first. */
    long lastSeq() {
        return lastSeq;
    }

    /**
     * Applies one fill and returns the trade it closed, or null.
     *
     * @throws IllegalArgumentException a fill out of sequence order (at or below {@link #lastSeq()}) or with a
     *                                  side other than BUY/SELL
     */
    Trade apply(LedgerFill f) {
        if (f.seq() <= lastSeq) throw new IllegalArgumentException("fill " + f.seq() + " is not after " + lastSeq);
        Side side = Side.valueOf(f.side());
        Instrument instrument = new Instrument(f.symbol(), "LEDGER", currency, BigDecimal.ONE, BigDecimal.ONE);
        Position position = positions.computeIfAbsent(f.symbol(), s -> new Position(instrument));
        BigDecimal held = position.quantity();
        BigDecimal q = f.quantity();
        BigDecimal fee = f.commission();
        BigDecimal closeQty = held.signum() != 0 && held.signum() != side.sign() ? q.min(held.abs()) : BigDecimal.ZERO;
        // the engine's split (Position.apply): the closing part's share of the commission, the rest opens
        BigDecimal closingFee = closeQty.signum() == 0 ? BigDecimal.ZERO
                : closeQty.compareTo(q) == 0 ? fee : Exact.divide(fee.multiply(closeQty), q);
        List<RoundTrip> closedLots = position.apply(new Fill(new OrderId(f.orderId()), new ClientOrderId(f.clientOrderId()),
                instrument, side, new Quantity(q), new Price(f.price()), new Money(fee, currency), f.filledAt(),
                f.protectiveStop() == null ? null : new Price(f.protectiveStop())));
        lastSeq = f.seq();
        Trade closed = null;
        long replayFrom = f.seq();
        if (closeQty.signum() > 0) {
            Open trade = open.get(f.symbol());
            trade.exit(f, closeQty, closingFee, closedLots);
            if (position.quantity().signum() != held.signum()) {
                open.remove(f.symbol());
                closed = trade.toTrade(true);
                replayFrom = trade.replayFrom;
            }
        }
        BigDecimal openQty = q.subtract(closeQty);
        if (openQty.signum() > 0) {
            long from = replayFrom;
            open.computeIfAbsent(f.symbol(), s -> new Open(f, side == Side.BUY ? TradeSide.LONG : TradeSide.SHORT, from))
                    .entry(f, openQty, fee.subtract(closingFee));
        }
        return closed;
    }

    /**
     * Moves {@link #lastSeq()} forward to {@code seq} without applying fills: after a restart, the caller replays
     * only the fills of the trades still open (from {@link #replayFrom}) and then skips to where the stored trades end.
     */
    void skipTo(long seq) {
        if (seq < lastSeq) throw new IllegalArgumentException("cannot skip back from " + lastSeq + " to " + seq);
        lastSeq = seq;
    }

    /** The open trade of {@code symbol}, or null when its position is flat. */
    Trade openTrade(String symbol) {
        Open o = open.get(symbol);
        return o == null ? null : o.toTrade(false);
    }

    /**
     * The sequence number from which the fills of {@code symbol} rebuild its open trade's position exactly: the
     * fill that last left flat (the opening fill, or for a trade opened by a reversal that of the trade it
     * reversed, and so on); -1 when flat.
     */
    long replayFrom(String symbol) {
        Open o = open.get(symbol);
        return o == null ? -1 : o.replayFrom;
    }

    /** The trades still open, as of the last fill applied. */
    List<Trade> openTrades() {
        List<Trade> trades = new ArrayList<>(open.size());
        for (Open o : open.values()) trades.add(o.toTrade(false));
        return trades;
    }

    /** Applies {@code fills} in order and returns the trades they closed, in closing order. */
    List<Trade> applyAll(Collection<LedgerFill> fills) {
        List<Trade> closed = new ArrayList<>();
        for (LedgerFill f : fills) {
            Trade t = apply(f);
            if (t != null) closed.add(t);
        }
        return closed;
    }

    /** One trade being built. */
    private final class Open {
        final long id;
        final String symbol;
        final TradeSide side;
        final String strategy;
        final long replayFrom;
        final List<TradeFill> fills = new ArrayList<>();
        BigDecimal entryQty = BigDecimal.ZERO;
        BigDecimal entryNotional = BigDecimal.ZERO;
        BigDecimal exitQty = BigDecimal.ZERO;
        BigDecimal exitNotional = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal risk = BigDecimal.ZERO;
        boolean riskKnown = true;
        BigDecimal stop;
        Instant lastExit;
        ExitReason exitReason;

        Open(LedgerFill first, TradeSide side, long replayFrom) {
            this.id = first.seq();
            this.replayFrom = replayFrom;
            this.symbol = first.symbol();
            this.side = side;
            this.strategy = first.strategy();
        }

        void entry(LedgerFill f, BigDecimal qty, BigDecimal fee) {
            fills.add(fill(f, TradeFill.Role.ENTRY, qty, fee));
            entryQty = entryQty.add(qty);
            entryNotional = entryNotional.add(qty.multiply(f.price()));
            fees = fees.add(fee);
            if (f.protectiveStop() != null) stop = f.protectiveStop();
            if (stop == null) riskKnown = false;
            else risk = risk.add(f.price().subtract(stop).abs().multiply(qty));
        }

        void exit(LedgerFill f, BigDecimal qty, BigDecimal fee, List<RoundTrip> lots) {
            fills.add(fill(f, TradeFill.Role.EXIT, qty, fee));
            exitQty = exitQty.add(qty);
            exitNotional = exitNotional.add(qty.multiply(f.price()));
            fees = fees.add(fee);
            for (RoundTrip lot : lots) gross = gross.add(lot.grossPnl());
            lastExit = f.filledAt();
            exitReason = reason(f);
        }

        Trade toTrade(boolean closed) {
            BigDecimal net = gross.subtract(fees);
            Instant entryTime = fills.getFirst().time();
            BigDecimal initialRisk = riskKnown && risk.signum() > 0 ? risk : null;
            BigDecimal r = closed && initialRisk != null ? Exact.divide(net, initialRisk) : null;
            return new Trade(id, symbol, side, strategy, mode, closed ? TradeStatus.CLOSED : TradeStatus.OPEN, entryTime,
                    Exact.divide(entryNotional, entryQty), closed ? lastExit : null,
                    exitQty.signum() == 0 ? null : Exact.divide(exitNotional, exitQty), entryQty,
                    closed ? BigDecimal.ZERO : entryQty.subtract(exitQty), gross, fees, net,
                    closed ? Duration.between(entryTime, lastExit) : null, initialRisk, r, closed ? exitReason : null,
                    null, null, List.of(), null, fills);
        }
    }

    private static TradeFill fill(LedgerFill f, TradeFill.Role role, BigDecimal qty, BigDecimal fee) {
        return new TradeFill(f.seq(), f.orderId(), f.clientOrderId(), f.filledAt(), f.side(), role, qty, f.price(), fee,
                f.protectiveStop(), f.orderType(), f.strategy());
    }

    /** What the closing fill's order says about the exit; see {@link ExitReason}. */
    static ExitReason reason(LedgerFill f) {
        if (StrategyId.MANUAL.value().equals(f.strategy())) return ExitReason.MANUAL;
        if (f.exitTag() != null) {
            try {
                return ExitReason.valueOf(f.exitTag());
            } catch (IllegalArgumentException unknown) {
                // a tag this version does not know: fall back to what the order says
            }
        }
        if (StrategyId.ENGINE.value().equals(f.strategy())) return ExitReason.FLATTEN_OR_SQUARE_OFF;
        if (f.orderType() != null && f.orderType().startsWith("STOP")) return ExitReason.STOP;
        return ExitReason.STRATEGY;
    }
}
