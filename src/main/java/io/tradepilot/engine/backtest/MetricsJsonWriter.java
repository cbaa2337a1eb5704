package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code metrics.json}: one flat JSON object of numbers (and one boolean): {@code final_cash},
 * {@code final_equity}, {@code open_quantity}, {@code trades} (closed round trips), then every
 * {@link Metrics} field in snake_case, plus run facts. Amounts exact (plain notation, no trailing zeros); undefined statistics are
 * {@code null} (JSON has no NaN).
 *
 * <p>Gross and net are named: {@code realized_pnl_gross} is the average-cost P&L of the quantity closed,
 * before fees; {@code fees} every fill's fees (an open position's entry included); {@code
 * trades_pnl_gross} and {@code trades_pnl_net} are the sums of trades.csv's {@code pnl_gross} and {@code
 * pnl_net} columns (closed round trips, before and after both legs' fees). {@code final_equity -
 * initial_cash} is the result net of every fee, open positions marked at the last close.
 */
public final class MetricsJsonWriter {
    private MetricsJsonWriter() {}

    public static void write(BacktestResult r, Writer out) throws IOException {
        Metrics m = r.metrics();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("final_cash", r.finalCash());
        f.put("final_equity", r.finalEquity());
        f.put("open_quantity", r.openQuantity());
        f.put("trades", m.tradeCount());
        f.put("initial_cash", r.config().initialCash());
        f.put("last_close", r.lastClose());
        f.put("fees", r.fees());
        f.put("realized_pnl_gross", r.realizedPnl());
        BigDecimal tradesGross = BigDecimal.ZERO, tradesNet = BigDecimal.ZERO;
        for (RoundTrip t : r.trades()) {
            tradesGross = tradesGross.add(t.grossPnl());
            tradesNet = tradesNet.add(t.netPnl());
        }
        f.put("trades_pnl_gross", tradesGross);
        f.put("trades_pnl_net", tradesNet);
        putStatistics(f, m);
        f.put("bars", r.bars());
        f.put("orders_accepted", r.ordersAccepted());
        f.put("working_orders_at_end", r.workingOrdersAtEnd());
        f.put("closed_at_end", r.closedAtEnd());
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (var e : f.entrySet()) {
            sb.append("  \"").append(e.getKey()).append("\": ").append(json(e.getValue()));
            sb.append(++i < f.size() ? ",\n" : "\n");
        }
        sb.append("}\n");
        out.write(sb.toString());
    }

    /** Every {@link Metrics} statistic under its snake_case name, in the files' order (a portfolio's bars are its time steps). */
    static void putStatistics(Map<String, Object> f, Metrics m) {
        f.put("total_return", m.totalReturn());
        f.put("cagr", m.cagr());
        f.put("sharpe", m.sharpe());
        f.put("sortino", m.sortino());
        f.put("max_drawdown", m.maxDrawdown());
        f.put("max_drawdown_duration_bars", m.maxDrawdownDurationBars());
        f.put("max_drawdown_duration_days", m.maxDrawdownDurationDays());
        f.put("win_rate", m.winRate());
        f.put("profit_factor", m.profitFactor());
        f.put("expectancy", m.expectancy());
        f.put("average_r", m.averageR());
        f.put("exposure_time", m.exposureTime());
    }

    static String json(Object v) {
        if (v == null) return "null";
        if (v instanceof BigDecimal b) return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? "null" : d.toString();
        return v.toString();
    }
}
