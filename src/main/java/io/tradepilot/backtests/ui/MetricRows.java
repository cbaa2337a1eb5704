package io.tradepilot.backtests.ui;

import io.tradepilot.backtests.SymbolResult;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.base.format.Amounts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The metrics a result and a comparison show, one row each, and the charts both draw. */
final class MetricRows {

    /** One metric: its name and how a symbol's result shows it. */
    record Row(String name, Function<SymbolResult, String> value) {
    }

    static final List<Row> ROWS = List.of(
            new Row("Bars", s -> Integer.toString(s.bars())),
            new Row("Trades (closed)", s -> Integer.toString(s.trades())),
            new Row("Initial cash", s -> plain(s.initialCash())),
            new Row("Final equity (net of all fees)", s -> plain(s.finalEquity())),
            new Row("Trades P&L gross", s -> plain(s.tradesPnlGross())),
            new Row("Trades P&L net", s -> plain(s.tradesPnlNet())),
            new Row("Realized P&L gross", s -> plain(s.realizedPnlGross())),
            new Row("Fees", s -> plain(s.fees())),
            new Row("Open quantity", s -> plain(s.openQuantity())),
            new Row("Total return", s -> pct(s.totalReturn())),
            new Row("CAGR", s -> pct(s.cagr())),
            new Row("Sharpe", s -> num(s.sharpe(), 2)),
            new Row("Sortino", s -> num(s.sortino(), 2)),
            new Row("Max drawdown", s -> pct(s.maxDrawdown())),
            new Row("Win rate", s -> pct(s.winRate())),
            new Row("Profit factor", s -> num(s.profitFactor(), 2)),
            new Row("Expectancy (net per trade)", s -> num(s.expectancy(), 2)),
            new Row("Average R", s -> num(s.averageR(), 3)),
            new Row("Exposure time", s -> pct(s.exposureTime())));

    static final String CONVENTIONS = "Per symbol, each run alone with its own cash (independent single-symbol runs, not a portfolio); "
            + "a portfolio run's column \"" + io.tradepilot.backtests.SymbolResult.ACCOUNT + "\" is its one account (shared cash, per time step). "
            + "Sharpe: mean / sample deviation of per-bar returns x sqrt(bars per year), risk-free 0; Sortino: mean / root mean square "
            + "of negative returns over all bars, same scaling. Gross: before fees; net: after both legs' fees.";

    static final String PORTFOLIO_CONVENTIONS = "One account: every symbol trades from the same cash, under the same risk limits, on one "
            + "engine (the live risk chain); figures per time step (the bars of all symbols at one time). "
            + "Sharpe: mean / sample deviation of per-step returns x sqrt(steps per year), risk-free 0; Sortino: mean / root mean square "
            + "of negative returns over all steps, same scaling. Gross: before fees; net: after both legs' fees.";

    private MetricRows() {
    }

    static String plain(BigDecimal v) {
        return v == null ? Amounts.NONE : v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    static String pct(double f) {
        return Double.isNaN(f) || Double.isInfinite(f) ? Amounts.NONE : String.format(Locale.ROOT, "%.2f %%", f * 100);
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? Amounts.NONE : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A curve's drawdown from its running peak (starting at {@code initial}), as a negative fraction. */
    static List<Chart.TimePoint> drawdown(List<Chart.TimePoint> equity, double initial) {
        List<Chart.TimePoint> out = new ArrayList<>(equity.size());
        double peak = initial;
        for (Chart.TimePoint p : equity) {
            peak = Math.max(peak, p.value());
            out.add(new Chart.TimePoint(p.time(), peak <= 0 ? 0 : (p.value() - peak) / peak * 100));
        }
        return out;
    }

    static List<Chart.TimePoint> points(List<io.tradepilot.backtests.RunResult.Point> equity) {
        return equity.stream().map(p -> new Chart.TimePoint(p.time(), p.equity().doubleValue())).toList();
    }
}
