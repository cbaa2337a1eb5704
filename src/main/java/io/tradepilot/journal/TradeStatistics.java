package io.tradepilot.journal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Performance statistics of a set of trades. Only closed trades count ({@code openTrades} says how many were
 * left out). Money amounts are exact; ratios are rounded to 16 significant digits ({@link MathContext#DECIMAL64});
 * Sharpe and Sortino are doubles.
 *
 * <p>Conventions (also shown on the Journal page): a <b>win</b> has net P&amp;L &gt; 0, a <b>loss</b> &lt; 0, a
 * break-even trade is neither (it counts as a trade and breaks both streaks). <b>Win rate</b> = wins / trades.
 * <b>Profit factor</b> = sum of wins / |sum of losses| (null without losses). <b>Expectancy</b> = net P&amp;L /
 * trades. <b>Average R</b> over the trades that have an R. Streaks and the drawdown follow exit order.
 * <b>Max drawdown</b> = the largest fall of cumulative net P&amp;L from its running peak (starting at 0), in
 * money. <b>Sharpe</b> = mean / sample standard deviation (n - 1) of daily net P&amp;L x sqrt(252);
 * <b>Sortino</b> = mean / downside deviation x sqrt(252), downside deviation = sqrt(sum(min(day, 0)^2) / n);
 * risk-free rate 0; days are market-zone days with at least one exit. Returns relative to a fixed capital give
 * the same ratios, so no capital is needed. Both are null with fewer than two days or a zero deviation.
 */
public record TradeStatistics(int trades, int openTrades, int wins, int losses, int breakeven, BigDecimal winRate,
                              BigDecimal grossProfit, BigDecimal grossLoss, BigDecimal profitFactor, BigDecimal netPnl,
                              BigDecimal fees, BigDecimal expectancy, int rTrades, BigDecimal averageR,
                              BigDecimal averageWin, BigDecimal averageLoss, BigDecimal largestWin,
                              BigDecimal largestLoss, int longestWinStreak, int longestLossStreak,
                              BigDecimal maxDrawdown, Double sharpe, Double sortino, List<DailyPnl> days) {

    /** Trading days a year, for annualising daily Sharpe and Sortino. */
    public static final int TRADING_DAYS = 252;

    private static final MathContext RATIO = MathContext.DECIMAL64;

    public TradeStatistics {
        days = List.copyOf(days);
    }

    /**
     * The statistics of {@code trades} (any order: closed ones are taken in exit order, ties by id); days in
     * {@code zone}.
     */
    public static TradeStatistics of(List<Trade> trades, ZoneId zone) {
        List<Trade> closed = new ArrayList<>();
        int open = 0;
        for (Trade t : trades) {
            if (t.status() == TradeStatus.CLOSED) closed.add(t);
            else open++;
        }
        closed.sort(Comparator.comparing(Trade::exitTime).thenComparingLong(Trade::id));
        int wins = 0, losses = 0, rTrades = 0, winRun = 0, lossRun = 0, maxWinRun = 0, maxLossRun = 0;
        BigDecimal profit = BigDecimal.ZERO, loss = BigDecimal.ZERO, fees = BigDecimal.ZERO, rSum = BigDecimal.ZERO;
        BigDecimal largestWin = null, largestLoss = null, cumulative = BigDecimal.ZERO, peak = BigDecimal.ZERO;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        Map<LocalDate, BigDecimal> daily = new TreeMap<>();
        Map<LocalDate, Integer> dailyCount = new TreeMap<>();
        for (Trade t : closed) {
            BigDecimal net = t.netPnl();
            fees = fees.add(t.fees());
            int s = net.signum();
            if (s > 0) {
                wins++;
                profit = profit.add(net);
                largestWin = largestWin == null || net.compareTo(largestWin) > 0 ? net : largestWin;
                maxWinRun = Math.max(maxWinRun, ++winRun);
                lossRun = 0;
            } else if (s < 0) {
                losses++;
                loss = loss.add(net);
                largestLoss = largestLoss == null || net.compareTo(largestLoss) < 0 ? net : largestLoss;
                maxLossRun = Math.max(maxLossRun, ++lossRun);
                winRun = 0;
            } else {
                winRun = 0;
                lossRun = 0;
            }
            if (t.rMultiple() != null) {
                rTrades++;
                rSum = rSum.add(t.rMultiple());
            }
            cumulative = cumulative.add(net);
            if (cumulative.compareTo(peak) > 0) peak = cumulative;
            BigDecimal dd = peak.subtract(cumulative);
            if (dd.compareTo(maxDrawdown) > 0) maxDrawdown = dd;
            LocalDate day = t.exitTime().atZone(zone).toLocalDate();
            daily.merge(day, net, BigDecimal::add);
            dailyCount.merge(day, 1, Integer::sum);
        }
        List<DailyPnl> days = new ArrayList<>(daily.size());
        daily.forEach((day, pnl) -> days.add(new DailyPnl(day, dailyCount.get(day), pnl)));
        return of(closed.size(), open, wins, losses, profit, loss, fees, rTrades, rSum, largestWin, largestLoss, maxWinRun,
                maxLossRun, maxDrawdown, days);
    }

    /**
     * The statistics from their sums and extremes, already aggregated elsewhere (e.g. in the database) by the rules
     * of {@link #of(List, ZoneId)}: {@code n} closed trades, {@code profit} the sum of the wins' net P&amp;L (0
     * without wins), {@code loss} that of the losses (0 or negative), {@code rSum} the sum of the {@code rTrades}
     * R multiples, the largest win and loss (null without), the longest streaks and the max drawdown in exit
     * order, and the daily net P&amp;L by exit day (ascending). Derives the ratios, Sharpe and Sortino.
     */
    public static TradeStatistics of(int n, int open, int wins, int losses, BigDecimal profit, BigDecimal loss,
                                     BigDecimal fees, int rTrades, BigDecimal rSum, BigDecimal largestWin,
                                     BigDecimal largestLoss, int maxWinRun, int maxLossRun, BigDecimal maxDrawdown,
                                     List<DailyPnl> days) {
        BigDecimal net = profit.add(loss);
        return new TradeStatistics(n, open, wins, losses, n - wins - losses,
                n == 0 ? null : ratio(BigDecimal.valueOf(wins), BigDecimal.valueOf(n)),
                profit, loss, loss.signum() == 0 ? null : ratio(profit, loss.negate()), net, fees,
                n == 0 ? null : ratio(net, BigDecimal.valueOf(n)), rTrades,
                rTrades == 0 ? null : ratio(rSum, BigDecimal.valueOf(rTrades)),
                wins == 0 ? null : ratio(profit, BigDecimal.valueOf(wins)),
                losses == 0 ? null : ratio(loss, BigDecimal.valueOf(losses)),
                largestWin, largestLoss, maxWinRun, maxLossRun, maxDrawdown, sharpe(days), sortino(days), days);
    }

    /** Annualised Sharpe of daily net P&amp;L (sample deviation, risk-free 0); null below two days or at zero deviation. */
    static Double sharpe(List<DailyPnl> days) {
        int n = days.size();
        if (n < 2) return null;
        double mean = mean(days);
        double squares = 0;
        for (DailyPnl d : days) {
            double x = d.netPnl().doubleValue() - mean;
            squares += x * x;
        }
        double sd = Math.sqrt(squares / (n - 1));
        return sd == 0 ? null : mean / sd * Math.sqrt(TRADING_DAYS);
    }

    /** Annualised Sortino of daily net P&amp;L (target 0, downside over all n days); null below two days or without a losing day. */
    static Double sortino(List<DailyPnl> days) {
        int n = days.size();
        if (n < 2) return null;
        double downside = 0;
        for (DailyPnl d : days) {
            double x = Math.min(0, d.netPnl().doubleValue());
            downside += x * x;
        }
        double dd = Math.sqrt(downside / n);
        return dd == 0 ? null : mean(days) / dd * Math.sqrt(TRADING_DAYS);
    }

    private static double mean(List<DailyPnl> days) {
        double sum = 0;
        for (DailyPnl d : days) sum += d.netPnl().doubleValue();
        return sum / days.size();
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, RATIO);
    }
}
