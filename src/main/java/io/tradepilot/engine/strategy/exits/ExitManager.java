package io.tradepilot.engine.strategy.exits;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.indicators.Atr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared exit policy of the non-3WI strategies, evaluated at each bar's close, in this order:
 * <ol>
 *   <li>close at or beyond the stop: exit all ({@code stop}) — the {@link TradeManager}'s stop order
 *       normally got there first, at the stop or at a gapped open;</li>
 *   <li>end-of-day square-off: the bar ends (start + the bar length seen between consecutive bars of one
 *       day) at or after {@code squareOffAt} in the exchange zone: exit all ({@code square-off}), filled
 *       at the next bar's open;</li>
 *   <li>time stop: {@code barsHeld ≥ maxBars}: exit all ({@code time});</li>
 *   <li>target: favourable move ≥ {@code targetR x R}: exit all ({@code target});</li>
 *   <li>partial take-profit, once: favourable move ≥ {@code partialAtR x R}: book {@code partialFraction}
 *       of the initial quantity in whole lots ({@code partial}) and, if set, stop to the entry
 *       ({@code breakeven});</li>
 *   <li>ATR stop, once, for a trade that came without a stop: {@code entry ∓ atrStop x ATR} ({@code atr-stop});</li>
 *   <li>ATR trail: {@code highest high - trailAtr x ATR} (shorts: lowest low +) when it tightens ({@code trail}).</li>
 * </ol>
 * R is the per-unit distance between the entry and the initial stop (the ATR stop when the entry had
 * none); rules in R are skipped while R is unknown. ATR in doubles, stops rounded to the bar's price
 * scale away from the price (long down, short up).
 */
public final class ExitManager implements ExitPolicy {
    private final ExitManagerSettings s;
    private final Atr atr;
    private long lastStart = Long.MIN_VALUE;
    private LocalDate lastDay;
    private long barMillis;
    private String tradeId;
    private BigDecimal riskPerUnit;

    public ExitManager(ExitManagerSettings settings) {
        this.s = settings;
        this.atr = new Atr(settings.atrPeriod());
    }

    public ExitManagerSettings settings() {
        return s;
    }

    @Override
    public void observe(BarCursor bar) {
        atr.update(bar.highValue(), bar.lowValue(), bar.closeValue());
        LocalDate day = Instant.ofEpochMilli(bar.startMillis()).atZone(s.zone()).toLocalDate();
        if (day.equals(lastDay) && lastStart != Long.MIN_VALUE) {
            long d = bar.startMillis() - lastStart;
            if (d > 0 && (barMillis == 0 || d < barMillis)) barMillis = d;
        }
        lastDay = day;
        lastStart = bar.startMillis();
    }

    @Override
    public List<ExitAction> evaluate(OpenTrade trade, BarCursor bar) {
        if (!trade.id().equals(tradeId)) {
            tradeId = trade.id();
            riskPerUnit = trade.initialStop() == null ? null : trade.entryPrice().subtract(trade.initialStop()).abs();
            if (riskPerUnit != null && riskPerUnit.signum() == 0) riskPerUnit = null;
        }
        List<ExitAction> out = new ArrayList<>();
        BigDecimal close = bar.closePrice();
        if (trade.stopBreachedAt(close)) {
            out.add(new ExitAction.ExitAll("stop"));
            return out;
        }
        if (s.squareOffAt() != null) {
            ZonedDateTime end = Instant.ofEpochMilli(bar.startMillis() + barMillis).atZone(s.zone());
            if (!end.toLocalTime().isBefore(s.squareOffAt())) {
                out.add(new ExitAction.ExitAll("square-off"));
                return out;
            }
        }
        if (s.maxBars() > 0 && trade.barsHeld() >= s.maxBars()) {
            out.add(new ExitAction.ExitAll("time"));
            return out;
        }
        BigDecimal move = trade.isLong() ? close.subtract(trade.entryPrice()) : trade.entryPrice().subtract(close);
        if (riskPerUnit != null && s.targetR().signum() > 0 && move.compareTo(riskPerUnit.multiply(s.targetR())) >= 0) {
            out.add(new ExitAction.ExitAll("target"));
            return out;
        }
        if (riskPerUnit != null && s.partialAtR().signum() > 0 && move.compareTo(riskPerUnit.multiply(s.partialAtR())) >= 0
                && trade.fireOnce("partial")) {
            BigDecimal lot = trade.lotSize();
            BigDecimal q = trade.initialQuantity().multiply(s.partialFraction()).divide(lot, 0, RoundingMode.FLOOR).multiply(lot);
            if (q.signum() > 0) out.add(new ExitAction.ExitPart(q, "partial"));
            if (s.breakevenAfterPartial() && trade.tightens(trade.entryPrice())) out.add(new ExitAction.MoveStop(trade.entryPrice(), "breakeven"));
        }
        if (s.atrStop() > 0 && trade.stop() == null && atr.ready() && trade.fireOnce("atr-stop")) {
            BigDecimal dist = BigDecimal.valueOf(atr.value() * s.atrStop());
            BigDecimal stop = trade.isLong() ? trade.entryPrice().subtract(dist).setScale(bar.decimals(), RoundingMode.FLOOR)
                    : trade.entryPrice().add(dist).setScale(bar.decimals(), RoundingMode.CEILING);
            if (stop.signum() > 0) {
                out.add(new ExitAction.MoveStop(stop, "atr-stop"));
                if (riskPerUnit == null) riskPerUnit = trade.entryPrice().subtract(stop).abs().round(MathContext.DECIMAL64);
            }
        }
        if (s.trailAtr() > 0 && atr.ready()) {
            BigDecimal dist = BigDecimal.valueOf(atr.value() * s.trailAtr());
            BigDecimal c = trade.isLong() ? trade.highest().subtract(dist).setScale(bar.decimals(), RoundingMode.FLOOR)
                    : trade.lowest().add(dist).setScale(bar.decimals(), RoundingMode.CEILING);
            BigDecimal current = trade.stop();
            for (ExitAction a : out) if (a instanceof ExitAction.MoveStop m) current = m.price();
            boolean tighter = current == null || (trade.isLong() ? c.compareTo(current) > 0 : c.compareTo(current) < 0);
            if (c.signum() > 0 && tighter) out.add(new ExitAction.MoveStop(c, "trail"));
        }
        return out;
    }
}
