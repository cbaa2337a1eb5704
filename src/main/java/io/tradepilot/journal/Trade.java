package io.tradepilot.journal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One round trip: from the fill that took a symbol's position away from flat to the fill that brought it back
 * to flat (or reversed it), with every fill in between (scale-ins and partial exits). Lots pair FIFO (the
 * engine's {@code Position}); all amounts are exact decimals in the account currency.
 *
 * @param id              the ledger sequence number of the fill that opened the trade (stable)
 * @param strategy        the strategy whose order opened the trade ({@code manual} for a manual entry)
 * @param entryTime       the first entry fill's time
 * @param entryPrice      the quantity-weighted average price of the entry fills
 * @param exitTime        the last exit fill's time; null while the trade is open
 * @param exitPrice       the quantity-weighted average price of the exit fills so far; null before the first exit
 * @param quantity        the total quantity entered (scale-ins included)
 * @param openQuantity    what is still held (zero when closed)
 * @param grossPnl        realized FIFO P&L of the exits so far, before fees
 * @param fees            the commissions of this trade's fills (a reversing fill's share only)
 * @param netPnl          {@code grossPnl - fees}
 * @param holding         {@code exitTime - entryTime}; null while open
 * @param initialRisk     {@code sum |entry price - stop| x entry quantity} over the entry fills when each of them
 *                        carried a protective stop (or followed one that did); null: "no stop"
 * @param rMultiple       {@code netPnl / initialRisk} of a closed trade; null when open or without a stop
 * @param exitReason      null while open
 * @param mae             maximum adverse excursion in money (zero or negative) from the cached bars while the
 *                        trade was open, for the quantity entered; null when the bars are not available
 * @param mfe             maximum favourable excursion in money (zero or positive); null like {@code mae}
 * @param tags            the trade's tags, sorted
 * @param note            the trade's note (Markdown source), or null
 */
public record Trade(long id, String symbol, TradeSide side, String strategy, TradingMode mode, TradeStatus status,
                    Instant entryTime, BigDecimal entryPrice, Instant exitTime, BigDecimal exitPrice,
                    BigDecimal quantity, BigDecimal openQuantity, BigDecimal grossPnl, BigDecimal fees,
                    BigDecimal netPnl, Duration holding, BigDecimal initialRisk, BigDecimal rMultiple,
                    ExitReason exitReason, BigDecimal mae, BigDecimal mfe, List<String> tags, String note,
                    List<TradeFill> fills) {

    public Trade {
        tags = List.copyOf(tags);
        fills = List.copyOf(fills);
    }

    /** WIN, LOSS or BREAKEVEN by net P&L; OPEN while held. */
    public Outcome outcome() {
        if (status == TradeStatus.OPEN) return Outcome.OPEN;
        int s = netPnl.signum();
        return s > 0 ? Outcome.WIN : s < 0 ? Outcome.LOSS : Outcome.BREAKEVEN;
    }

    /** This trade with the given annotations. */
    public Trade withAnnotations(List<String> newTags, String newNote) {
        return new Trade(id, symbol, side, strategy, mode, status, entryTime, entryPrice, exitTime, exitPrice, quantity,
                openQuantity, grossPnl, fees, netPnl, holding, initialRisk, rMultiple, exitReason, mae, mfe, newTags, newNote, fills);
    }

    /** This trade with {@code newFills} in place of its fills (the same fills, e.g. with their charges by kind). */
    public Trade withFills(List<TradeFill> newFills) {
        return new Trade(id, symbol, side, strategy, mode, status, entryTime, entryPrice, exitTime, exitPrice, quantity,
                openQuantity, grossPnl, fees, netPnl, holding, initialRisk, rMultiple, exitReason, mae, mfe, tags, note, newFills);
    }

    /**
     * The trade's fees by kind: its fills' {@link TradeFill#charges()} added up per kind, in the kinds' order; they add
     * up to {@link #fees()} exactly.
     */
    public Map<String, BigDecimal> feesByKind() {
        Map<String, BigDecimal> sums = new java.util.TreeMap<>(java.util.Comparator.comparingInt(
                io.tradepilot.engine.domain.ChargeKind::order).thenComparing(java.util.Comparator.naturalOrder()));
        for (TradeFill f : fills) f.charges().forEach((kind, amount) -> sums.merge(kind, amount, BigDecimal::add));
        return new java.util.LinkedHashMap<>(sums);
    }

    /** This trade with its excursions (money; null when unknown). */
    public Trade withExcursions(BigDecimal newMae, BigDecimal newMfe) {
        return new Trade(id, symbol, side, strategy, mode, status, entryTime, entryPrice, exitTime, exitPrice, quantity,
                openQuantity, grossPnl, fees, netPnl, holding, initialRisk, rMultiple, exitReason, newMae, newMfe, tags, note, fills);
    }

    /** {@link #mae()} in R: {@code mae / initialRisk} to 16 significant digits; null without bars or without a stop. */
    public BigDecimal maeR() {
        return inR(mae);
    }

    /** {@link #mfe()} in R: {@code mfe / initialRisk} to 16 significant digits; null without bars or without a stop. */
    public BigDecimal mfeR() {
        return inR(mfe);
    }

    private BigDecimal inR(BigDecimal money) {
        return money == null || initialRisk == null || initialRisk.signum() == 0 ? null
                : money.divide(initialRisk, java.math.MathContext.DECIMAL64);
    }
}
