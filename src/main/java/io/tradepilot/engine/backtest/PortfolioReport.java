package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.engine.risk.RejectionCode;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static io.tradepilot.engine.backtest.UniverseReport.esc;
import static io.tradepilot.engine.backtest.UniverseReport.num;
import static io.tradepilot.engine.backtest.UniverseReport.pct;
import static io.tradepilot.engine.backtest.UniverseReport.plain;
import static io.tradepilot.engine.backtest.UniverseReport.td;

/**
 * Writes a portfolio backtest ({@link PortfolioResult}, one account) into a directory:
 * <ul>
 *   <li>{@code equity.csv} ({@value #EQUITY_HEADER}): the account after every time step;</li>
 *   <li>{@code trades.csv} ({@value #TRADES_HEADER}): every closed round trip, every symbol, in closing order;</li>
 *   <li>{@code refusals.csv} ({@value #REFUSALS_HEADER}): every refused order with its reason code and message;</li>
 *   <li>{@code symbols.csv} ({@value #SYMBOLS_HEADER}): each symbol's contribution to the account's P&L;</li>
 *   <li>{@code metrics.json} ({@code "kind": "portfolio"}): the account's figures under the same names as a single
 *       run's metrics.json (gross and net named: {@code realized_pnl_gross}, {@code trades_pnl_gross},
 *       {@code trades_pnl_net}, {@code fees}), plus {@code open_pnl_net}, the reconciliation, the refusals by
 *       reason and the limits;</li>
 *   <li>{@code report.html}: self-contained (inline CSS and SVG, no script, no external URL): summary, equity and
 *       drawdown, monthly returns, refusals by reason, contributions, open positions, trades.</li>
 * </ul>
 * Amounts exact, plain notation without trailing zeros; undefined statistics are empty (CSV) or null (JSON).
 */
public final class PortfolioReport {
    public static final String EQUITY_HEADER = "time,cash,equity,open_positions";
    public static final String TRADES_HEADER = "symbol,direction,entry_time,entry_price,exit_time,exit_price,quantity,pnl_gross,fees,pnl_net,r";
    public static final String REFUSALS_HEADER = "time,symbol,code,message";
    public static final String SYMBOLS_HEADER = "symbol,bars,trades,pnl_gross,fees,pnl_net,open_quantity,open_pnl_net,contribution,refusals";
    /** The sentence that labels every portfolio report. */
    public static final String ONE_ACCOUNT = "One account: every symbol trades from the same cash, under the same risk limits, on one engine; "
            + "the equity, return and drawdown are the account's.";

    private PortfolioReport() {
    }

    /**
     * Writes every file into {@code dir} (created if missing).
     *
     * @param limits the limits the run used, described in the report (null: not described)
     */
    public static void writeAll(PortfolioResult r, PortfolioLimits limits, Path dir) throws IOException {
        Files.createDirectories(dir);
        ReportTimes times = new ReportTimes(r.zone(), r.stepMillis());
        try (Writer w = Files.newBufferedWriter(dir.resolve("equity.csv"), StandardCharsets.UTF_8)) {
            w.write(EQUITY_HEADER + "\n");
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < r.stepCount(); i++) {
                PortfolioResult.Step s = r.step(i);
                sb.setLength(0);
                sb.append(times.format(s.time())).append(',').append(plain(s.cash())).append(',').append(plain(s.equity())).append(',')
                        .append(s.openPositions()).append('\n');
                w.write(sb.toString());
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("trades.csv"), StandardCharsets.UTF_8)) {
            w.write(TRADES_HEADER + "\n");
            for (RoundTrip t : r.trades()) {
                w.write(String.join(",", t.symbol(), direction(t), times.format(t.entryTime()), plain(t.entryPrice()), times.format(t.exitTime()),
                        plain(t.exitPrice()), plain(t.quantity()), plain(t.grossPnl()), plain(t.fees()), plain(t.netPnl()), r(t, 4)) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("refusals.csv"), StandardCharsets.UTF_8)) {
            w.write(REFUSALS_HEADER + "\n");
            for (PortfolioResult.Refusal f : r.refusals()) {
                w.write(times.format(f.time()) + "," + f.symbol() + "," + f.code() + "," + quoted(f.message()) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("symbols.csv"), StandardCharsets.UTF_8)) {
            w.write(SYMBOLS_HEADER + "\n");
            for (PortfolioResult.Contribution c : r.contributions()) {
                w.write(String.join(",", c.symbol(), Integer.toString(c.bars()), Integer.toString(c.trades()), plain(c.tradesPnlGross()),
                        plain(c.tradesFees()), plain(c.tradesPnlNet()), plain(c.openQuantity()), plain(c.openPnlNet()), plain(c.contribution()),
                        Long.toString(c.refusals())) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("metrics.json"), StandardCharsets.UTF_8)) {
            w.write(metricsJson(r, limits));
        }
        Files.writeString(dir.resolve("report.html"), html(r, limits, times), StandardCharsets.UTF_8);
    }

    static String metricsJson(PortfolioResult r, PortfolioLimits limits) {
        Metrics m = r.metrics();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("kind", "\"portfolio\"");
        f.put("strategy", quotedJson(r.strategy()));
        f.put("limits", limits == null ? null : quotedJson(limits.describe()));
        f.put("symbols", r.symbols().size());
        f.put("final_cash", r.finalCash());
        f.put("final_equity", r.finalEquity());
        f.put("open_positions", r.openPositions().size());
        f.put("trades", m.tradeCount());
        f.put("initial_cash", r.initialCash());
        f.put("fees", r.fees());
        f.put("realized_pnl_gross", r.realizedPnlGross());
        f.put("trades_pnl_gross", r.tradesPnlGross());
        f.put("trades_pnl_net", r.tradesPnlNet());
        f.put("open_pnl_net", r.openPnlNet());
        f.put("reconciliation_difference", r.reconciliationDifference());
        f.put("min_cash", r.minCash());
        f.put("max_open_positions", r.maxOpenPositions());
        MetricsJsonWriter.putStatistics(f, m);
        f.put("bars", r.bars());
        f.put("steps", r.stepCount());
        f.put("orders_accepted", r.ordersAccepted());
        f.put("orders_refused", (long) r.refusals().size());
        StringBuilder byReason = new StringBuilder("{");
        int k = 0;
        for (var e : r.refusalsByReason().entrySet()) byReason.append(k++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(e.getValue());
        f.put("refusals_by_reason", byReason.append('}').toString());
        f.put("working_orders_at_end", r.workingOrdersAtEnd());
        f.put("closed_at_end", r.closedAtEnd());
        f.put("fill_model", quotedJson(r.config().broker().fillMode().name()));
        f.put("note", quotedJson(ONE_ACCOUNT));
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (var e : f.entrySet()) {
            Object v = e.getValue();
            sb.append("  \"").append(e.getKey()).append("\": ").append(v instanceof String s ? s : MetricsJsonWriter.json(v));
            sb.append(++i < f.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    /** The {@code report.html} that {@link #writeAll} writes, as text (the app's backtests store it with the run). */
    public static String html(PortfolioResult r, PortfolioLimits limits) {
        return html(r, limits, new ReportTimes(r.zone(), r.stepMillis()));
    }

    static String html(PortfolioResult r, PortfolioLimits limits, ReportTimes times) {
        Metrics m = r.metrics();
        StringBuilder h = new StringBuilder(128 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Portfolio backtest: ").append(esc(r.strategy())).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 24px}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:13px}th{background:#f3f3f3}")
                .append(".neg{color:#b00020}.pos{color:#0a7d28}.note{border-left:4px solid #1f6feb;padding:6px 10px;background:#eef5ff}</style></head><body>\n");
        h.append("<h1>Portfolio backtest: ").append(esc(r.strategy())).append("</h1>\n<p class=\"note\">").append(r.symbols().size())
                .append(" symbols sharing ").append(esc(plain(r.initialCash()))).append(". ").append(esc(ONE_ACCOUNT)).append(" Limits: ")
                .append(esc(limits == null ? "as configured" : limits.describe())).append(". Fills: ").append(esc(r.config().broker().fillMode().name()))
                .append("; bars of the same time are processed in ascending symbol order.</p>\n");
        h.append("<h2>Summary</h2>\n<table>");
        row(h, "Initial cash", plain(r.initialCash()));
        row(h, "Final equity", plain(r.finalEquity()));
        row(h, "Final cash", plain(r.finalCash()));
        row(h, "Net P&L of closed trades (after fees)", plain(r.tradesPnlNet()));
        row(h, "Gross P&L of closed trades (before fees)", plain(r.tradesPnlGross()));
        row(h, "Open positions, net mark-to-market", plain(r.openPnlNet()));
        row(h, "Fees", plain(r.fees()));
        row(h, "Total return", pct(m.totalReturn()));
        row(h, "CAGR", pct(m.cagr()));
        row(h, "Max drawdown", pct(m.maxDrawdown()));
        row(h, "Sharpe / Sortino", num(m.sharpe(), 2) + " / " + num(m.sortino(), 2));
        row(h, "Trades / win rate / profit factor", m.tradeCount() + " / " + pct(m.winRate()) + " / " + num(m.profitFactor(), 2));
        row(h, "Exposure time", pct(m.exposureTime()));
        row(h, "Most positions open at once", Integer.toString(r.maxOpenPositions()));
        row(h, "Lowest cash", plain(r.minCash()));
        row(h, "Orders accepted / refused", r.ordersAccepted() + " / " + r.refusals().size());
        row(h, "Bars / time steps", r.bars() + " / " + r.stepCount());
        h.append("</table>\n<h2>Equity and drawdown</h2>\n").append(chart(r, times));
        h.append("<h2>Monthly returns</h2>\n").append(monthly(r));
        h.append("<h2>Refusals by reason</h2>\n<table><tr><th>Reason</th><th>Orders</th><th>First message</th></tr>\n");
        Map<RejectionCode, String> firstMessage = new LinkedHashMap<>();
        for (PortfolioResult.Refusal f : r.refusals()) firstMessage.putIfAbsent(f.code(), f.message());
        for (var e : r.refusalsByReason().entrySet()) {
            h.append("<tr><th>").append(esc(e.getKey().name())).append("</th>").append(td(Long.toString(e.getValue())))
                    .append("<td style=\"text-align:left\">").append(esc(firstMessage.getOrDefault(e.getKey(), ""))).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Contribution per symbol</h2>\n<table><tr><th>Symbol</th><th>Bars</th><th>Trades</th><th>Gross P&amp;L</th><th>Fees</th>")
                .append("<th>Net P&amp;L</th><th>Open quantity</th><th>Open net P&amp;L</th><th>Contribution</th><th>Refusals</th></tr>\n");
        for (PortfolioResult.Contribution c : r.contributions()) {
            h.append("<tr><th>").append(esc(c.symbol())).append("</th>").append(td(Integer.toString(c.bars()))).append(td(Integer.toString(c.trades())))
                    .append(td(plain(c.tradesPnlGross()))).append(td(plain(c.tradesFees()))).append(td(plain(c.tradesPnlNet())))
                    .append(td(plain(c.openQuantity()))).append(td(plain(c.openPnlNet()))).append(signed(c.contribution()))
                    .append(td(Long.toString(c.refusals()))).append("</tr>\n");
        }
        h.append("</table>\n<h2>Trades</h2>\n<table><tr><th>Symbol</th><th>Side</th><th>Entry</th><th>Entry price</th><th>Exit</th><th>Exit price</th>")
                .append("<th>Quantity</th><th>Gross P&amp;L</th><th>Fees</th><th>Net P&amp;L</th><th>R</th></tr>\n");
        for (RoundTrip t : r.trades()) {
            h.append("<tr><th>").append(esc(t.symbol())).append("</th>").append(td(direction(t))).append(td(times.format(t.entryTime())))
                    .append(td(plain(t.entryPrice()))).append(td(times.format(t.exitTime()))).append(td(plain(t.exitPrice())))
                    .append(td(plain(t.quantity()))).append(td(plain(t.grossPnl()))).append(td(plain(t.fees()))).append(signed(t.netPnl()))
                    .append(td(r(t, 2))).append("</tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th style=\"text-align:left\">").append(esc(name)).append("</th>").append(td(value)).append("</tr>\n");
    }

    private static String signed(BigDecimal v) {
        return "<td class=\"" + (v.signum() < 0 ? "neg" : "pos") + "\">" + esc(plain(v)) + "</td>";
    }

    /** Equity (top) and drawdown from the running peak (bottom) as inline SVG, at most about 1,000 points each. */
    private static String chart(PortfolioResult r, ReportTimes times) {
        double[] e = r.equityValues();
        int n = e.length;
        if (n == 0) return "<p>No bars.</p>\n";
        int step = Math.max(1, n / 1000);
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, peak = r.initialCash().doubleValue(), worst = 0;
        double[] dd = new double[n];
        for (int i = 0; i < n; i++) {
            min = Math.min(min, e[i]);
            max = Math.max(max, e[i]);
            peak = Math.max(peak, e[i]);
            dd[i] = peak <= 0 ? 0 : (e[i] - peak) / peak;
            worst = Math.min(worst, dd[i]);
        }
        if (max == min) max = min + 1;
        double w = 900, he = 220, hd = 100;
        StringBuilder eq = new StringBuilder(), ddp = new StringBuilder();
        for (int i = 0; i < n; i += step) point(eq, ddp, i, n, e, dd, min, max, worst, w, he, hd);
        if ((n - 1) % step != 0) point(eq, ddp, n - 1, n, e, dd, min, max, worst, w, he, hd);
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"equity and drawdown\">"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\" stroke=\"#ccc\"/>"
                        + "<polyline fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"1.2\" points=\"%s\"/>"
                        + "<polyline fill=\"none\" stroke=\"#b00020\" stroke-width=\"1\" points=\"%s\"/>"
                        + "<text x=\"4\" y=\"12\" font-size=\"11\">equity %s .. %s</text>"
                        + "<text x=\"4\" y=\"%.0f\" font-size=\"11\">drawdown 0 .. %s</text>"
                        + "<text x=\"4\" y=\"%.0f\" font-size=\"11\">%s</text><text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">%s</text></svg>\n",
                w, he + hd + 30, eq, ddp, esc(num(min, 0)), esc(num(max, 0)), he + 14, esc(pct(worst)), he + hd + 26,
                esc(times.format(Instant.ofEpochMilli(r.stepMillis()[0]))), w - 4, he + hd + 26,
                esc(times.format(Instant.ofEpochMilli(r.stepMillis()[n - 1]))));
    }

    private static void point(StringBuilder eq, StringBuilder ddp, int i, int n, double[] e, double[] dd, double min, double max, double worst,
                              double w, double he, double hd) {
        double x = n == 1 ? 0 : w * i / (n - 1);
        eq.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, 4 + (he - 8) * (1 - (e[i] - min) / (max - min))));
        ddp.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, he + 4 + (hd - 8) * (worst == 0 ? 0 : dd[i] / worst)));
    }

    /** The account's return per calendar month (market zone), from month-end equity to month-end equity. */
    private static String monthly(PortfolioResult r) {
        double[] e = r.equityValues();
        long[] t = r.stepMillis();
        TreeMap<YearMonth, Double> end = new TreeMap<>();
        for (int i = 0; i < e.length; i++) end.put(YearMonth.from(Instant.ofEpochMilli(t[i]).atZone(r.zone())), e[i]);
        if (end.isEmpty()) return "<p>No bars.</p>\n";
        StringBuilder h = new StringBuilder("<table><tr><th>Year</th>");
        for (int mth = 1; mth <= 12; mth++) h.append("<th>").append(java.time.Month.of(mth).getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT)).append("</th>");
        h.append("<th>Year</th></tr>\n");
        double prev = r.initialCash().doubleValue();
        Integer year = null;
        double yearStart = prev;
        int col = 0;
        for (var en : end.entrySet()) {
            YearMonth ym = en.getKey();
            if (year == null || ym.getYear() != year) {
                if (year != null) h.append(closeYear(col, prev, yearStart));
                year = ym.getYear();
                yearStart = prev;
                h.append("<tr><th>").append(year).append("</th>");
                col = 0;
            }
            while (col < ym.getMonthValue() - 1) {
                h.append("<td></td>");
                col++;
            }
            double ret = prev == 0 ? Double.NaN : en.getValue() / prev - 1;
            h.append("<td class=\"").append(ret < 0 ? "neg" : "pos").append("\">").append(esc(pct(ret))).append("</td>");
            col++;
            prev = en.getValue();
        }
        h.append(closeYear(col, prev, yearStart));
        return h.append("</table>\n").toString();
    }

    private static String closeYear(int col, double end, double start) {
        StringBuilder h = new StringBuilder();
        for (int c = col; c < 12; c++) h.append("<td></td>");
        double ret = start == 0 ? Double.NaN : end / start - 1;
        return h.append("<th class=\"").append(ret < 0 ? "neg" : "pos").append("\">").append(esc(pct(ret))).append("</th></tr>\n").toString();
    }

    private static String direction(RoundTrip t) {
        return t.direction().name().equals("BUY") ? "long" : "short";
    }

    private static String r(RoundTrip t, int decimals) {
        BigDecimal r = t.rMultiple();
        return r == null ? "" : r.setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String quotedJson(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The files {@link #writeAll} writes. */
    public static List<String> files() {
        return List.of("equity.csv", "trades.csv", "refusals.csv", "symbols.csv", "metrics.json", "report.html");
    }
}
