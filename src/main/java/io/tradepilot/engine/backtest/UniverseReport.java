package io.tradepilot.engine.backtest;

import io.tradepilot.engine.portfolio.RoundTrip;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;

/**
 * Writes a folder run (independent single-symbol runs, {@link UniverseResult}) into a directory:
 * {@code SYMBOL/} with each run's files ({@link BacktestReport}); {@code symbols.csv}, one row of
 * per-symbol figures per run ({@value #SYMBOLS_HEADER}); the combined {@code trades.csv} ({@value
 * #TRADES_HEADER}), every run's trades in one list; {@code metrics.json} ({@code "kind":
 * "independent_runs"}, the strategy, the cash each run started with, and the per-symbol figures under
 * {@code runs}); and {@code report.html}. Nothing combines the runs into one account (no combined equity,
 * return, drawdown or monthly returns): the report says so at the top. The HTML is self-contained
 * (inline CSS, no script, no external URL). Callers wanting atomicity write into a staging directory
 * (the CLI does).
 */
public final class UniverseReport {
    public static final String SYMBOLS_HEADER = "symbol,trades,pnl_net,final_equity,total_return,max_drawdown,win_rate,profit_factor,average_r";
    public static final String TRADES_HEADER = "symbol,direction,entry_time,entry_price,exit_time,exit_price,quantity,pnl_net,r";
    /** The sentence that labels every folder run's report. */
    public static final String NOT_A_PORTFOLIO = "Each symbol ran alone with its own initial cash: these are independent single-symbol runs, "
            + "not a portfolio (no shared cash, positions or risk limits), so no combined equity, return or drawdown is reported.";

    private UniverseReport() {
    }

    public static void writeAll(UniverseResult u, String strategy, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var e : u.bySymbol().entrySet()) BacktestReport.writeAll(e.getValue(), dir.resolve(e.getKey()));
        try (Writer w = Files.newBufferedWriter(dir.resolve("trades.csv"), StandardCharsets.UTF_8)) {
            w.write(TRADES_HEADER + "\n");
            for (UniverseResult.Trade t : u.trades()) {
                RoundTrip rt = t.trip();
                ReportTimes times = new ReportTimes(u.bySymbol().get(t.symbol()).data());
                BigDecimal r = rt.rMultiple();
                w.write(t.symbol() + "," + (rt.direction().name().equals("BUY") ? "long" : "short") + "," + times.format(rt.entryTime()) + ","
                        + plain(rt.entryPrice()) + "," + times.format(rt.exitTime()) + "," + plain(rt.exitPrice()) + "," + plain(rt.quantity()) + ","
                        + plain(rt.netPnl()) + "," + (r == null ? "" : r.setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()) + "\n");
            }
        }
        List<UniverseResult.SymbolRow> rows = u.rows();
        try (Writer w = Files.newBufferedWriter(dir.resolve("symbols.csv"), StandardCharsets.UTF_8)) {
            w.write(SYMBOLS_HEADER + "\n");
            for (UniverseResult.SymbolRow row : rows) {
                Metrics m = row.metrics();
                w.write(String.join(",", row.symbol(), Integer.toString(row.trades()), plain(row.tradesPnlNet()), plain(row.finalEquity()),
                        csv(m.totalReturn()), csv(m.maxDrawdown()), csv(m.winRate()), csv(m.profitFactor()), csv(m.averageR())) + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("metrics.json"), StandardCharsets.UTF_8)) {
            // the same snake_case keys as each symbol's metrics.json (MetricsJsonWriter)
            StringBuilder j = new StringBuilder("{\n  \"kind\": \"independent_runs\",\n  \"strategy\": \"").append(strategy)
                    .append("\",\n  \"symbols\": ").append(rows.size())
                    .append(",\n  \"initial_cash_per_symbol\": ").append(MetricsJsonWriter.json(u.initialCash()))
                    .append(",\n  \"note\": \"").append(NOT_A_PORTFOLIO).append("\",\n  \"runs\": {");
            for (int i = 0; i < rows.size(); i++) {
                UniverseResult.SymbolRow row = rows.get(i);
                Metrics m = row.metrics();
                j.append(i == 0 ? "\n" : ",\n").append("    \"").append(row.symbol()).append("\": {\"trades\": ").append(row.trades())
                        .append(", \"trades_pnl_net\": ").append(MetricsJsonWriter.json(row.tradesPnlNet()))
                        .append(", \"final_equity\": ").append(MetricsJsonWriter.json(row.finalEquity()))
                        .append(", \"total_return\": ").append(MetricsJsonWriter.json(m.totalReturn()))
                        .append(", \"max_drawdown\": ").append(MetricsJsonWriter.json(m.maxDrawdown()))
                        .append(", \"win_rate\": ").append(MetricsJsonWriter.json(m.winRate()))
                        .append(", \"profit_factor\": ").append(MetricsJsonWriter.json(m.profitFactor()))
                        .append(", \"average_r\": ").append(MetricsJsonWriter.json(m.averageR())).append('}');
            }
            w.write(j.append("\n  }\n}\n").toString());
        }
        Files.writeString(dir.resolve("report.html"), html(u, strategy), StandardCharsets.UTF_8);
    }

    /** The self-contained HTML report of {@code u} (what {@link #writeAll} writes as report.html). */
    public static String html(UniverseResult u, String strategy) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Independent runs: ").append(esc(strategy)).append("</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 24px}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right;font-size:13px}th{background:#f3f3f3}")
                .append(".neg{color:#b00020}.pos{color:#0a7d28}.note{border-left:4px solid #b26a00;padding:6px 10px;background:#fff8e1}</style></head><body>\n");
        h.append("<h1>Independent single-symbol runs: ").append(esc(strategy)).append("</h1>\n<p class=\"note\">").append(u.bySymbol().size())
                .append(" symbols, each with ").append(esc(plain(u.initialCash()))).append(". ").append(esc(NOT_A_PORTFOLIO)).append("</p>\n");
        h.append("<h2>Per symbol</h2>\n<table><tr><th>Symbol</th><th>Trades</th><th>Net P&amp;L</th><th>Final equity</th><th>Total return</th>")
                .append("<th>Max drawdown</th><th>Win rate</th><th>Profit factor</th><th>Average R</th></tr>\n");
        for (UniverseResult.SymbolRow row : u.rows()) {
            Metrics m = row.metrics();
            h.append("<tr><th>").append(esc(row.symbol())).append("</th>").append(td(Integer.toString(row.trades()))).append(td(plain(row.tradesPnlNet())))
                    .append(td(plain(row.finalEquity()))).append(td(pct(m.totalReturn()))).append(td(pct(m.maxDrawdown()))).append(td(pct(m.winRate())))
                    .append(td(num(m.profitFactor(), 2))).append(td(num(m.averageR(), 3))).append("</tr>\n");
        }
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

    static String td(String s) {
        return "<td>" + esc(s) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String pct(double f) {
        return Double.isNaN(f) ? "" : String.format(Locale.ROOT, "%.2f %%", f * 100);
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A CSV cell for a statistic: empty where undefined (NaN). */
    static String csv(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
    }

    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
