package io.tradepilot.engine.strategy.threeweek;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes scan rows as CSV (header + one line per row, empty cells for absent values) or as JSON
 * ({@code {"asOf": ..., "setups": [...]}}, absent values {@code null}). Amounts exact, plain notation.
 */
public final class ScanReportWriter {
    private ScanReportWriter() {
    }

    static final List<String> COLUMNS = List.of("symbol", "setup_id", "state", "pattern_week", "mother_week", "mother_high",
            "mother_low", "range_pct", "quality", "last_week", "last_close", "week_complete", "near_breakout", "breakout_quality",
            "filters_passed", "failed_filters", "side", "entry", "stop", "r", "t1", "t2", "quantity", "risk", "tradeable", "note");

    public static void csv(List<ScanRow> rows, Writer w) throws IOException {
        w.write(String.join(",", COLUMNS));
        w.write('\n');
        for (ScanRow r : rows) {
            List<Object> v = values(r);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) sb.append(',');
                Object o = v.get(i);
                if (o != null) sb.append(csvCell(text(o)));
            }
            sb.append('\n');
            w.write(sb.toString());
        }
    }

    public static void json(List<ScanRow> rows, LocalDate asOf, Writer w) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"asOf\": ").append(asOf == null ? "null" : quote(asOf.toString())).append(",\n  \"setups\": [");
        for (int k = 0; k < rows.size(); k++) {
            List<Object> v = values(rows.get(k));
            sb.append(k == 0 ? "\n    {" : ",\n    {");
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) sb.append(", ");
                sb.append(quote(COLUMNS.get(i))).append(": ");
                Object o = v.get(i);
                if (o == null) sb.append("null");
                else if (o instanceof BigDecimal || o instanceof Integer || o instanceof Boolean) sb.append(text(o));
                else sb.append(quote(text(o)));
            }
            sb.append('}');
        }
        sb.append(rows.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        w.write(sb.toString());
    }

    private static List<Object> values(ScanRow r) {
        Setup s = r.setup();
        TradePlan p = r.plan();
        return java.util.Arrays.asList(s.symbol(), s.id(), r.state(), s.patternWeek(), s.motherWeek(), s.motherHigh(), s.motherLow(),
                s.rangePercent(), s.quality(), s.lastWeek(), s.lastClose(), r.weekComplete(), s.nearBreakout(),
                s.breakoutQuality() < 0 ? null : s.breakoutQuality(), s.filters() == null ? null : s.filters().passed(),
                s.filters() == null ? null : String.join(" ", s.filters().failed()),
                p == null ? null : p.side().name(), p == null ? null : p.entry(), p == null ? null : p.stop(), p == null ? null : p.r(),
                p == null ? null : p.t1(), p == null ? null : p.t2(), p == null ? null : p.quantity(), p == null ? null : p.risk(),
                r.tradeable(), r.note());
    }

    private static String text(Object o) {
        if (o instanceof BigDecimal b) return b.toPlainString();
        return String.valueOf(o);
    }

    private static String csvCell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** {@code s} as a JSON string literal (quotes, backslashes and control characters escaped). */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
