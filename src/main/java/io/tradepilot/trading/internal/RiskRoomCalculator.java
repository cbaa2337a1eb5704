package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.portfolio.Portfolio;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.portfolio.PositionSnapshot;
import io.tradepilot.trading.RiskRoom;
import io.tradepilot.trading.RiskRoom.Limit;
import io.tradepilot.trading.RiskRoom.Unit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The room left to each configured limit ({@link TradingProperties.Limits}) for one engine snapshot, in the
 * order the live chain checks them, then the automatic trips (daily loss, drawdown). The figures are those
 * the checks use: heat counts a position without a stop at its whole value, buying power blocks each
 * position's value divided by its product's leverage, the trading window counts market time.
 */
final class RiskRoomCalculator {

    private RiskRoomCalculator() {
    }

    static RiskRoom room(TradingProperties properties, EngineSnapshot snapshot) {
        return room(properties, properties.limits(), snapshot);
    }

    /**
     * The room for the limits {@code l} the engine runs with (those applied live since its start, not necessarily
     * {@code tradepilot.trading.limits}), then the losing streak against the entry size reduction, as the engine counts it now.
     */
    static RiskRoom room(TradingProperties properties, TradingProperties.Limits l, EngineSnapshot snapshot) {
        PortfolioSnapshot p = snapshot.portfolio();
        List<PositionSnapshot> open = p.positions().stream().filter(x -> x.quantity().signum() != 0).toList();
        BigDecimal dayLoss = p.dayStartEquity().subtract(p.equity()).max(BigDecimal.ZERO);
        List<Limit> out = new ArrayList<>();
        if (on(l.dailyLoss()) && on(l.pauseEntriesAt())) {
            out.add(new Limit("Daily loss, entries pause", "DAILY_LOSS_ENTRIES_PAUSED", Unit.MONEY, dayLoss,
                    p.dayStartEquity().multiply(l.dailyLoss()).multiply(l.pauseEntriesAt()), "no entries for the rest of the day beyond it"));
        }
        if (l.tradingHours().enabled()) out.add(window(l.tradingHours(), snapshot));
        if (on(l.maxTotalExposure())) {
            out.add(new Limit("Total exposure", "MAX_TOTAL_EXPOSURE", Unit.MONEY, p.grossExposure(), l.maxTotalExposure(), ""));
        }
        if (l.maxOpenPositions() > 0) {
            out.add(new Limit("Open positions", "MAX_OPEN_POSITIONS", Unit.COUNT, BigDecimal.valueOf(open.size()),
                    BigDecimal.valueOf(l.maxOpenPositions()), ""));
        }
        for (Map.Entry<String, List<String>> g : l.correlationGroups().entrySet()) {
            long n = open.stream().filter(x -> g.getValue().contains(x.symbol())).count();
            out.add(new Limit("Positions in " + g.getKey(), "MAX_CORRELATED_POSITIONS", Unit.COUNT, BigDecimal.valueOf(n),
                    BigDecimal.valueOf(l.maxPositionsPerGroup()), String.join(", ", g.getValue())));
        }
        if (on(l.portfolioHeat())) {
            BigDecimal heat = BigDecimal.ZERO;
            int unstopped = 0;
            for (PositionSnapshot x : open) {
                if (x.mark() == null) continue;
                heat = heat.add(Portfolio.heatOf(x.quantity(), x.mark(), x.stop()));
                if (x.stop() == null) unstopped++;
            }
            out.add(new Limit("Portfolio heat", "PORTFOLIO_HEAT", Unit.MONEY, heat, p.equity().multiply(l.portfolioHeat()),
                    unstopped == 0 ? "" : unstopped + " position" + (unstopped == 1 ? "" : "s") + " without a stop, counted at full value"));
        }
        if (l.buyingPower().enabled()) {
            var check = l.buyingPower().check(properties.intradaySymbols());
            BigDecimal blocked = BigDecimal.ZERO;
            for (PositionSnapshot x : open) blocked = blocked.add(check.margin(x.symbol(), x.marketValue()));
            out.add(new Limit("Buying power", "INSUFFICIENT_BUYING_POWER", Unit.MONEY, blocked.min(p.equity().max(BigDecimal.ZERO)),
                    p.equity().max(BigDecimal.ZERO), "margin blocked by open positions of equity; intraday at "
                    + l.buyingPower().misLeverage().stripTrailingZeros().toPlainString() + "x"));
        }
        if (on(l.dailyLoss())) {
            out.add(new Limit("Daily loss", "DAILY_LOSS_LIMIT", Unit.MONEY, dayLoss, p.dayStartEquity().multiply(l.dailyLoss()),
                    "trips the engine"));
        }
        if (on(l.drawdown())) {
            out.add(new Limit("Drawdown", "MAX_DRAWDOWN", Unit.FRACTION, p.drawdown().max(BigDecimal.ZERO), l.drawdown(), "trips the engine"));
        }
        if (l.sizeReduction().rule().enabled()) out.add(streak(l.sizeReduction().rule(), snapshot.lossStreak()));
        return new RiskRoom(snapshot.time(), p.currency().getCurrencyCode(), out);
    }

    /** Losing round trips in a row against the entry size reduction's trigger; the note says the size now and what restores it. */
    static Limit streak(io.tradepilot.engine.risk.LossSizeReduction rule, io.tradepilot.engine.risk.LossStreak.State s) {
        String factor = rule.factor().stripTrailingZeros().toPlainString();
        String note = s.reduced()
                ? "entries at x" + factor + " until " + (rule.winsToRestore() - s.winsWhileReduced()) + " more winning trade"
                        + (rule.winsToRestore() - s.winsWhileReduced() == 1 ? "" : "s") + " in a row"
                : "entries at full size; x" + factor + " from " + rule.afterLosses() + " losing trades in a row";
        return new Limit("Losing streak (entry size)", "SIZE_REDUCED_TO_ZERO", Unit.COUNT, BigDecimal.valueOf(s.consecutiveLosses()),
                BigDecimal.valueOf(rule.afterLosses()), note);
    }

    /** Minutes of the entry window used and its length; the note says when entries close or resume. */
    static Limit window(TradingProperties.TradingHours h, EngineSnapshot snapshot) {
        LocalTime t = snapshot.time().atZone(h.zone()).toLocalTime();
        long length = Duration.between(h.entryFrom(), h.entryUntil()).toMinutes();
        String note;
        long used;
        if (t.isBefore(h.entryFrom())) {
            used = 0;
            note = "entries open at " + h.entryFrom();
        } else if (!t.isBefore(h.entryUntil())) {
            used = length;
            note = "entries closed at " + h.entryUntil() + (t.isBefore(h.exitUntil()) ? "; exits until " + h.exitUntil() : "; exits closed");
        } else {
            used = Duration.between(h.entryFrom(), t).toMinutes();
            note = "entries close in " + minutes(Duration.between(t, h.entryUntil()).toMinutes()) + " (" + h.entryUntil() + ")";
            for (TradingProperties.TradingHours.Blackout b : h.blackouts()) {
                if (!t.isBefore(b.from()) && t.isBefore(b.until())) note = "blackout " + b.from() + "-" + b.until() + ": entries resume at " + b.until();
            }
        }
        return new Limit("Entry window (" + h.zone().getId() + ")", "OUTSIDE_TRADING_WINDOW", Unit.MINUTES, BigDecimal.valueOf(used),
                BigDecimal.valueOf(length), note);
    }

    private static String minutes(long m) {
        return m >= 60 ? (m / 60) + " h " + String.format("%02d", m % 60) + " min" : m + " min";
    }

    private static boolean on(BigDecimal v) {
        return v != null && v.signum() > 0;
    }
}
