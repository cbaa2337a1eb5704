package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a universe backtest into a directory: {@code SYMBOL/} with the single-run files ({@link
 * BacktestReport}), and the combined {@code trades.csv} ({@code symbol,direction,entry_time,entry_price,
 * exit_time,exit_price,quantity,pnl_net,r}), {@code equity.csv} ({@code time,equity,drawdown}),
 * {@code metrics.json} and {@code report.html}. The HTML is self-contained (inline CSS and SVG, no
 * script, no external URL): summary, equity curve, drawdown, monthly returns table, per-symbol table
 * and trade list. Callers wanting atomicity write into a staging directory (the CLI does).
 */
public final class UniverseReport {
    private UniverseReport() {
    }

    public static void writeAll(UniverseResult u, String strategy, ZoneId zone, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var e : u.bySymbol().entrySet()) BacktestReport.writeAll(e.getValue(), dir.resolve(e.getKey()));
        try (Writer w = Files.newBufferedWriter(dir.resolve("trades.csv"), StandardCharsets.UTF_8)) {
            w.write("symbol,direction,entry_time,entry_price,exit_time,exit_price,quantity,pnl_net,r\n");
            for (UniverseResult.Trade t : u.trades()) {
                RoundTrip rt = t.trip();
                ReportTimes times = new ReportTimes(u.bySymbol().get(t.symbol()).data());
                BigDecimal r = rt.rMultiple();
                w.write(t.symbol() + "," + (rt.direction().name().equals("BUY") ? "long" : "short") + "," + times.format(rt.entryTime()) + ","
                        + plain(rt.entryPrice()) + "," + times.format(rt.exitTime()) + "," + plain(rt.exitPrice()) + "," + plain(rt.quantity()) + ","
                        + plain(rt.netPnl()) + "," + (r == null ? "" : r.setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()) + "\n");
            }
        }
        double[] dd = u.drawdown();
        try (Writer w = Files.newBufferedWriter(dir.resolve("equity.csv"), StandardCharsets.UTF_8)) {
            w.write("time,equity,drawdown\n");
            for (int i = 0; i < u.times().length; i++) {
                w.write(Instant.ofEpochMilli(u.times()[i]).atZone(zone).toOffsetDateTime() + "," + num(u.equity()[i], 2) + "," + num(dd[i], 6) + "\n");
            }
        }
        var s = u.summary();
        try (Writer w = Files.newBufferedWriter(dir.resolve("metrics.json"), StandardCharsets.UTF_8)) {
            // the same snake_case keys as each symbol's metrics.json (MetricsJsonWriter)
            w.write("{\n  \"strategy\": \"" + strategy + "\",\n  \"symbols\": " + s.symbols() + ",\n  \"trades\": " + s.trades()
                    + ",\n  \"trades_pnl_net\": " + plain(s.netPnl()) + ",\n  \"total_return\": " + json(s.totalReturn()) + ",\n  \"max_drawdown\": "
                    + json(s.maxDrawdown()) + ",\n  \"win_rate\": " + json(s.winRate()) + ",\n  \"profit_factor\": " + json(s.profitFactor())
                    + ",\n  \"average_r\": " + json(s.averageR()) + "\n}\n");
        }
        Files.writeString(dir.resolve("report.html"), html(u, strategy, zone), StandardCharsets.UTF_8);
    }

    /** Month-end to month-end returns of the combined equity, keyed by month. */
    static Map<YearMonth, Double> monthlyReturns(UniverseResult u, ZoneId zone) {
        Map<YearMonth, Double> last = new TreeMap<>();
        for (int i = 0; i < u.times().length; i++) last.put(YearMonth.from(Instant.ofEpochMilli(u.times()[i]).atZone(zone)), u.equity()[i]);
        Map<YearMonth, Double> out = new TreeMap<>();
        double prev = u.initialCash().doubleValue();
        for (var e : last.entrySet()) {
            out.put(e.getKey(), prev == 0 ? 0 : e.getValue() / prev - 1);
            prev = e.getValue();
        }
        return out;
    }

    static String html(UniverseResult u, String strategy, ZoneId zone) {
        var s = u.summary();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest: ").append(esc(strategy)).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 24px}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:13px}th{background:#f3f3f3}")
                .append(".neg{color:#b00020}.pos{color:#0a7d28}svg{background:#fafafa;border:1px solid #ddd}</style></head><body>\n");
        h.append("<h1>Backtest: ").append(esc(strategy)).append("</h1>\n<p>").append(s.symbols()).append(" symbols run separately with the same cash; ")
                .append("combined equity = cash + the sum of their P&amp;L (no cross-symbol limits).</p>\n");
        h.append("<table><tr><th>Trades</th><th>Net P&amp;L</th><th>Total return</th><th>Max drawdown</th><th>Win rate</th><th>Profit factor</th><th>Average R</th></tr><tr>")
                .append(td(Integer.toString(s.trades()))).append(td(plain(s.netPnl()))).append(td(pct(s.totalReturn()))).append(td(pct(s.maxDrawdown())))
                .append(td(pct(s.winRate()))).append(td(num(s.profitFactor(), 2))).append(td(num(s.averageR(), 3))).append("</tr></table>\n");
        h.append("<h2>Equity</h2>\n").append(svg(u.equity(), false)).append("\n<h2>Drawdown</h2>\n").append(svg(u.drawdown(), true)).append('\n');
        h.append("<h2>Monthly returns</h2>\n<table><tr><th>Year</th>");
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (String m : months) h.append("<th>").append(m).append("</th>");
        h.append("<th>Year</th></tr>\n");
        Map<Integer, double[]> years = new TreeMap<>();
        monthlyReturns(u, zone).forEach((ym, r) -> {
            double[] row = years.computeIfAbsent(ym.getYear(), y -> {
                double[] a = new double[13];
                java.util.Arrays.fill(a, Double.NaN);
                a[12] = 1;
                return a;
            });
            row[ym.getMonthValue() - 1] = r;
            row[12] *= 1 + r;
        });
        years.forEach((y, row) -> {
            h.append("<tr><th>").append(y).append("</th>");
            for (int m = 0; m < 12; m++) h.append(Double.isNaN(row[m]) ? "<td></td>" : signed(row[m]));
            h.append(signed(row[12] - 1)).append("</tr>\n");
        });
        h.append("</table>\n<h2>Symbols</h2>\n<table><tr><th>Symbol</th><th>Trades</th><th>Net P&amp;L</th><th>Final equity</th></tr>\n");
        u.bySymbol().forEach((sym, r) -> {
            BigDecimal net = r.trades().stream().map(RoundTrip::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
            h.append("<tr><th>").append(esc(sym)).append("</th>").append(td(Integer.toString(r.trades().size()))).append(td(plain(net)))
                    .append(td(plain(r.finalEquity()))).append("</tr>\n");
        });
        h.append("</table>\n<h2>Trades</h2>\n<table><tr><th>Symbol</th><th>Side</th><th>Entry</th><th>Entry price</th><th>Exit</th><th>Exit price</th><th>Quantity</th><th>Net P&amp;L</th><th>R</th></tr>\n");
        for (UniverseResult.Trade t : u.trades()) {
            RoundTrip rt = t.trip();
            ReportTimes times = new ReportTimes(u.bySymbol().get(t.symbol()).data());
            BigDecimal r = rt.rMultiple();
            h.append("<tr><th>").append(esc(t.symbol())).append("</th>").append(td(rt.direction().name().equals("BUY") ? "long" : "short"))
                    .append(td(times.format(rt.entryTime()))).append(td(plain(rt.entryPrice()))).append(td(times.format(rt.exitTime())))
                    .append(td(plain(rt.exitPrice()))).append(td(plain(rt.quantity())))
                    .append("<td class=\"").append(rt.netPnl().signum() < 0 ? "neg" : "pos").append("\">").append(plain(rt.netPnl())).append("</td>")
                    .append(td(r == null ? "" : r.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString())).append("</tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }

    /** A polyline of {@code v} in an 800x200 box; drawdowns drawn downward from the top. */
    static String svg(double[] v, boolean drawdown) {
        int w = 800, hgt = 200;
        StringBuilder sb = new StringBuilder("<svg width=\"" + w + "\" height=\"" + hgt + "\" viewBox=\"0 0 " + w + " " + hgt + "\">");
        if (v.length > 0) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            if (drawdown) min = 0;
            double span = max - min == 0 ? 1 : max - min;
            int step = Math.max(1, v.length / 2000);
            sb.append("<polyline fill=\"none\" stroke=\"").append(drawdown ? "#b00020" : "#1565c0").append("\" stroke-width=\"1.2\" points=\"");
            for (int i = 0; i < v.length; i += step) {
                double x = v.length == 1 ? 0 : (double) i * (w - 1) / (v.length - 1);
                double y = drawdown ? (v[i] - min) / span * (hgt - 10) + 5 : (hgt - 5) - (v[i] - min) / span * (hgt - 10);
                sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            sb.append("\"/>");
            sb.append("<text x=\"4\" y=\"14\" font-size=\"11\">").append(drawdown ? "max " + pct(max) : num(max, 0)).append("</text>");
            if (!drawdown) sb.append("<text x=\"4\" y=\"").append(hgt - 6).append("\" font-size=\"11\">").append(num(min, 0)).append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    private static String signed(double r) {
        return "<td class=\"" + (r < 0 ? "neg" : "pos") + "\">" + pct(r) + "</td>";
    }

    private static String td(String s) {
        return "<td>" + esc(s) + "</td>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String pct(double f) {
        return Double.isNaN(f) ? "" : String.format(Locale.ROOT, "%.2f %%", f * 100);
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String json(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : Double.toString(v);
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
