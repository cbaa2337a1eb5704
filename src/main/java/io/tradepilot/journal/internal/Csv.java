package io.tradepilot.journal.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * RFC 4180 CSV lines. Text cells are made safe for spreadsheets: one starting with {@code = + - @}, a tab or a
 * carriage return is prefixed with an apostrophe (OWASP "CSV injection"), and a cell holding a comma, quote or
 * line break is quoted. Numbers are written as exact plain decimals ({@link BigDecimal#toPlainString()}) and are
 * not prefixed: they come from the ledger's NUMERIC values, never from user text, and must stay numbers.
 */
final class Csv {

    private Csv() {
    }

    /** One text cell, injection-safe and quoted when needed; null is empty. */
    static String text(String value) {
        if (value == null || value.isEmpty()) return "";
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') v = "'" + v;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** One number cell: exact plain decimal, empty for null. */
    static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** A line of already formatted cells, ending in CRLF. */
    static String line(List<String> cells) {
        return String.join(",", cells) + "\r\n";
    }
}
